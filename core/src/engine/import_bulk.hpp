// The import commit's bulk path (decisions 0200 and 0212): a payment that becomes a plain gift
// (a new donor with no postal address, or a known donor, matched or chosen in review, with no
// household and no recurring plan; no recurring reference; the base currency) is planned as
// before (Matcher::plan, then the review decision) but its writes are queued and made together:
// new constituents, emails, payer-id links, gifts, allocations, payment identities and their
// audit rows through store::BulkWriter with ids reserved up front. Rows whose only write is their
// own outcome (duplicate, skipped, review, error) are queued too. Every queued row's outcome is
// written by one UPDATE ... FROM a temporary table. Every other row (refund, recurring, address,
// other currency, household donor, a donor with a plan) goes through apply_plan() (with its
// savepoint), after the queue is flushed, so ids are given in row order exactly as row by row.
//
// A row that could see a queued row (the same payer id, email, name key or payment identity)
// flushes the queue before it is planned, so its plan reads the database as row by row would.
// The audit images are the repositories' own (store/bulk_images.hpp, gifts::detail::to_json),
// read back from the rows written. If a queued gift's (source, external_id) turns out to be
// taken (a deleted gift keeps it), the whole queue is applied row by row instead, so the row
// gets the same error.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/constituent.hpp"
#include "domain/contact.hpp"
#include "domain/gift.hpp"
#include "engine/import_apply.hpp"

namespace steward::engine::imports {

class BulkChunk {
 public:
  BulkChunk(store::Unit& unit, const Matcher& matcher) : unit_(unit), matcher_(matcher) {}
  // Checks in one query per 400 ids which of `ids` (the donors the chunk's payments may be
  // matched to: Prefetch::known_donors, review decisions) are plain, so that a known donor's
  // payment costs no query of its own. Call before the first add(); an id not checked here is
  // asked on its own when a payment meets it.
  Status check_donors(const std::vector<long long>& ids);
  // Commits `row` (queued or applied at once); `row` must outlive the next flush().
  Status add(store::imports::ImportRow& row, ApplyTotals& totals);
  // Writes the queued rows. Call before the chunk's transaction commits.
  Status flush(ApplyTotals& totals);
  std::size_t queued() const { return queue_.size(); }
  long long bulk_rows() const { return bulk_rows_; }  // rows written through the bulk path

  struct Queued {
    store::imports::ImportRow* row = nullptr;
    sdk::PaymentRecord record;
    Identity identity;
    RowPlan plan;                          // with the review decision applied
    std::optional<long long> known_donor;  // else a donor is created from `donor`
    domain::ConstituentInput donor;
    std::optional<domain::EmailInput> email;
    domain::GiftInput gift;
  };

 private:
  bool collides(const sdk::PaymentRecord& record, const Identity& identity) const;
  Result<bool> common(const store::imports::ImportRow& row, const sdk::PaymentRecord& record,
                      const Identity& identity, const RowPlan& plan, Queued& out);
  Result<bool> exists(const std::string& table, long long id);
  Result<bool> plain_donor(long long id);
  Status apply_now(store::imports::ImportRow& row, const sdk::PaymentRecord& record,
                   const Identity& identity, const RowPlan& plan, ApplyTotals& totals);
  void queue_outcome(store::imports::ImportRow& row, const RowPlan& plan, ApplyTotals& totals);
  Status write_queue(ApplyTotals& totals);
  Status write_outcomes();
  Status apply_queue_row_by_row(ApplyTotals& totals);

  store::Unit& unit_;
  const Matcher& matcher_;
  std::vector<Queued> queue_;
  std::vector<store::imports::ImportRow*> outcomes_;  // rows whose import_rows row is to write
  // What the queued rows will write, for collides().
  std::set<std::string> payers_, emails_, name_keys_, identities_;
  std::map<std::string, bool> exists_;  // "table:id" -> found
  // Known donor -> alive, in no household and with no recurring plan (a gift to them is plain).
  // A row that goes through apply_plan forgets its donor (it may give them a recurring plan).
  std::map<long long, bool> plain_donors_;
  long long bulk_rows_ = 0;
};

}  // namespace steward::engine::imports

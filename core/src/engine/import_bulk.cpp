// Choosing and queueing the common rows of a commit chunk (engine/import_bulk.hpp); the writes
// are in import_bulk_write.cpp.
#include "engine/import_bulk.hpp"

#include <nlohmann/json.hpp>

#include "domain/constituent.hpp"
#include "domain/contact.hpp"
#include "domain/gift.hpp"
#include "domain/name_normalizer.hpp"
#include "domain/validation.hpp"
#include "engine/import_in_batches.hpp"
#include "store/constituent_name_keys.hpp"

namespace steward::engine::imports {
namespace {

std::string trim_text(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

bool BulkChunk::collides(const sdk::PaymentRecord& record, const Identity& identity) const {
  if (queue_.empty()) return false;
  if (!record.donor_external_id.empty() && payers_.contains(record.donor_external_id)) return true;
  std::string email = domain::normalize_email(record.donor_email);
  if (!email.empty() && emails_.contains(email)) return true;
  std::string key = domain::name_key(record.donor_name);
  if (!key.empty() && name_keys_.contains(key)) return true;
  if (identities_.contains(identity.key())) return true;
  if (!record.original_external_id.empty() &&
      identities_.contains(original_identity(matcher_.settings().processor, record).key())) {
    return true;
  }
  return false;
}

Result<bool> BulkChunk::exists(const std::string& table, long long id) {
  std::string key = table + ":" + std::to_string(id);
  auto it = exists_.find(key);
  if (it != exists_.end()) return it->second;
  long long n = 0;
  unit_.sql() << "SELECT COUNT(*) FROM " + table + " WHERE id = :id", soci::use(id), soci::into(n);
  exists_[key] = n > 0;
  return n > 0;
}

// Alive (gifts::create's check), in no current household (no household soft credits) and with
// no recurring plan (attach_gift's search by donor, amount and date finds nothing): a gift to
// this donor writes exactly the gift, its allocation, its identity and their audit rows.
constexpr const char* kPlainDonorSql =
    "SELECT c.id FROM constituents c WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
    "household_members h WHERE h.member_id = c.id AND h.ended_on IS NULL) AND NOT EXISTS (SELECT "
    "1 FROM recurring_plans p WHERE p.constituent_id = c.id) AND c.id IN ";

Status BulkChunk::check_donors(const std::vector<long long>& ids) {
  for (long long id : ids) plain_donors_[id] = false;
  in_batches(unit_, kPlainDonorSql, "", std::nullopt, ids,
             [&](store::RowReader r) { plain_donors_[r.integer()] = true; });
  return Status::ok();
}

Result<bool> BulkChunk::plain_donor(long long id) {
  auto it = plain_donors_.find(id);
  if (it != plain_donors_.end()) return it->second;
  // Not checked with the chunk (a donor a person chose in review since, or one whose row went
  // through apply_plan): one query, as the chunk's (a rowset would cost PostgreSQL three round
  // trips).
  long long n = 0;
  unit_.sql() << std::string(kPlainDonorSql) + "(:id)", soci::use(id), soci::into(n);
  plain_donors_[id] = n > 0;
  return n > 0;
}

// The row is common when apply_plan would write a plain gift: to a donor it creates (name,
// email, payer id; no address) or to a known donor (plain_donor), in the base currency, paying
// no plan, and every check gifts::create and constituents::create make would pass. `plan` has
// the review decision applied. Anything else takes apply_plan.
Result<bool> BulkChunk::common(const store::imports::ImportRow& row, const sdk::PaymentRecord& r,
                               const Identity& identity, const RowPlan& plan, Queued& out) {
  (void)row;
  if (plan.outcome != "new_gift" || !plan.fund_id || plan.needs_rate || plan.base_amount ||
      plan.exchange_rate) {
    return false;
  }
  if (!r.recurring_reference.empty() || r.kind != sdk::PaymentKind::kPayment) return false;
  if (r.amount.currency != matcher_.base_currency()) return false;
  out.known_donor = plan.constituent_id;
  if (out.known_donor) {
    auto plain = plain_donor(*out.known_donor);
    if (!plain) return plain.status();
    if (!*plain) return false;
  } else {
    if (r.donor_address && !r.donor_address->line1.empty()) return false;
    // The donor, as apply_gift's create_donor() builds it.
    DonorName name = split_donor_name(r.donor_name);
    if (name.last.empty()) {
      name.last = !r.donor_email.empty() ? r.donor_email : "Donor " + r.donor_external_id;
    }
    out.donor = domain::ConstituentInput();
    out.donor.last_name = name.last;
    if (!name.first.empty()) out.donor.first_name = name.first;
    out.donor.source = "import: " + matcher_.settings().processor;
    if (Status s = domain::validate(out.donor); !s) return false;
    out.email.reset();
    if (!r.donor_email.empty()) {
      domain::EmailInput email;
      email.email = trim_text(r.donor_email);
      email.is_primary = true;
      if (domain::validate(email)) out.email = email;  // add_email refuses it: no email, as before
    }
  }
  // The gift, as apply_gift builds it (the donor id is filled in when written).
  long long fund = plan.fund_id.value_or(0);
  domain::GiftInput g;
  g.constituent_id = out.known_donor.value_or(1);
  g.received_on = r.date.iso();
  g.amount = r.amount;
  if (r.fee) g.fee_minor = r.fee->minor;
  g.payment_method = gift_payment_method(r.payment_method);
  g.source = identity.source;
  g.external_id = identity.external_id;
  if (!r.description.empty()) g.notes = r.description;
  g.allocations.push_back({fund, r.amount, 0});
  g.campaign_id = plan.campaign_id;
  g.appeal_id = plan.appeal_id;
  if (Status s = domain::validate(g); !s) return false;
  for (auto [table, id] : {std::pair<const char*, std::optional<long long>>{"funds", fund},
                           {"campaigns", g.campaign_id},
                           {"appeals", g.appeal_id}}) {
    if (!id) continue;
    auto found = exists(table, *id);
    if (!found) return found.status();
    if (!*found) return false;  // gifts::create names the field: apply_plan says so
  }
  out.gift = std::move(g);
  out.record = r;
  out.identity = identity;
  out.plan = plan;
  return true;
}

// apply_plan's rows that write nothing but their own outcome, with the same values.
void BulkChunk::queue_outcome(store::imports::ImportRow& row, const RowPlan& plan,
                              ApplyTotals& totals) {
  row.outcome = plan.outcome;
  row.message = plan.message;
  if (plan.outcome == "duplicate" || plan.outcome == "skipped") {
    row.committed = true;
    ++(plan.outcome == "duplicate" ? totals.duplicates : totals.skipped);
    ++totals.committed;
  } else {  // review, error
    row.constituent_id = plan.constituent_id;
    ++(plan.outcome == "review" ? totals.review : totals.errors);
  }
  outcomes_.push_back(&row);
}

Status BulkChunk::apply_now(store::imports::ImportRow& row, const sdk::PaymentRecord& record,
                            const Identity& identity, const RowPlan& plan, ApplyTotals& totals) {
  if (Status s = flush(totals); !s) return s;
  // A recurring payment may give its donor (as planned, or as chosen in review) a plan.
  if (plan.constituent_id) plain_donors_.erase(*plan.constituent_id);
  Status applied = apply_plan(unit_, matcher_, row, record, identity, plan, totals);
  if (row.constituent_id) plain_donors_.erase(*row.constituent_id);
  return applied;
}

Status BulkChunk::add(store::imports::ImportRow& row, ApplyTotals& totals) {
  auto record = from_json(nlohmann::json::parse(row.record.value_or(""), nullptr, false));
  if (!record) {  // as apply_row
    row.outcome = "error";
    row.message = record.status().message();
    ++totals.errors;
    outcomes_.push_back(&row);
    return Status::ok();
  }
  Identity identity = row_identity(row);
  if (collides(*record, identity)) {
    if (Status s = flush(totals); !s) return s;
  }
  auto planned = matcher_.plan(unit_, *record, identity, nullptr);
  if (!planned) return planned.status();
  // What this row writes is no longer as prefetched: later rows ask the database.
  if (Prefetch* prefetch = matcher_.prefetch()) prefetch->forget(identity, *record);
  RowPlan plan = decided_plan(row, *planned);
  if (plan.outcome == "duplicate" || plan.outcome == "skipped" || plan.outcome == "review" ||
      plan.outcome == "error") {
    queue_outcome(row, plan, totals);
    return Status::ok();
  }
  Queued q;
  auto is_common = common(row, *record, identity, plan, q);
  if (!is_common) return is_common.status();
  if (!*is_common) return apply_now(row, *record, identity, *planned, totals);
  q.row = &row;
  if (!record->donor_external_id.empty()) payers_.insert(record->donor_external_id);
  std::string email = domain::normalize_email(record->donor_email);
  if (!email.empty()) emails_.insert(email);
  if (!q.known_donor) {
    std::string display = domain::computed_display_name(q.donor);
    auto keys = store::name_keys::compute(display, q.donor.first_name.value_or(""),
                                          q.donor.last_name.value_or(""));
    if (!keys.person.empty()) name_keys_.insert(keys.person);
    if (!keys.display.empty()) name_keys_.insert(keys.display);
  }
  identities_.insert(identity.key());
  queue_.push_back(std::move(q));
  return Status::ok();
}

Status BulkChunk::flush(ApplyTotals& totals) {
  Status done = Status::ok();
  if (!queue_.empty()) done = write_queue(totals);
  queue_.clear();
  payers_.clear();
  emails_.clear();
  name_keys_.clear();
  identities_.clear();
  if (!done) return done;
  return write_outcomes();
}

Status BulkChunk::apply_queue_row_by_row(ApplyTotals& totals) {
  for (Queued& q : queue_) {
    // q.plan has the review decision applied; applying it again (apply_plan) changes nothing.
    if (Status s = apply_plan(unit_, matcher_, *q.row, q.record, q.identity, q.plan, totals); !s) {
      return s;
    }
  }
  return Status::ok();
}

}  // namespace steward::engine::imports

// Payment imports and their staged rows (store::imports). Every function runs in the caller's
// unit of work. Creating an import and changing its status are audited (entity "import"); the
// staged rows are working state of the import, not donor data, and are written without an audit
// row each (the gifts, refunds and donors a commit makes are audited by their own repositories,
// and each committed chunk appends one "import" audit event). See docs/imports.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::imports {

struct ImportRecord {
  long long id = 0;
  std::string file_name;
  std::string file_sha256;
  long long file_size = 0;
  std::string plugin_id;
  std::string source;         // processor name scoping the identities ("stripe")
  std::string status;         // staged previewed committing committed failed cancelled
  std::string policy = "{}";  // JSON object: {"donors": "create"|"review"}
  std::optional<long long> default_fund_id;
  long long rows_total = 0;
  long long rows_committed = 0;
  long long gifts_created = 0;
  std::optional<std::string> error;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> committed_at;
};

// Records a new import in status "staged" (created_by = the unit's actor).
Result<ImportRecord> create(Unit& unit, const ImportRecord& input);
// Errors: kNotFound naming the import.
Result<ImportRecord> get(Unit& unit, long long id);
// Newest first, at most `limit`.
Result<std::vector<ImportRecord>> list(Unit& unit, int limit);
// Moves the import to `status` (audited as "update" with the old and new status).
Status set_status(Unit& unit, long long id, const std::string& status,
                  const std::optional<std::string>& error = std::nullopt);
// Adds to the counters (not audited: the chunk's own audit event carries the numbers).
Status add_counts(Unit& unit, long long id, long long rows_total, long long rows_committed,
                  long long gifts_created);

struct ImportRow {
  long long id = 0;
  long long import_id = 0;
  long long seq = 0;
  long long line = 0;
  std::optional<std::string> record;    // the PaymentRecord as JSON; empty for a parse problem
  std::optional<std::string> identity;  // "<source>\x1f<external_id>"
  std::string outcome;                  // new_gift duplicate refund review error skipped
  std::optional<long long> constituent_id;
  bool create_donor = false;              // commit creates a new constituent for this row
  std::optional<std::string> decided_by;  // a person's review decision ("user:3")
  std::optional<std::string> matched_by;  // external_id email name_postal new review decision
  std::optional<long long> fund_id;
  std::optional<long long> gift_id;
  std::optional<std::string> message;
  bool committed = false;
};

// Inserts staged rows (one prepared statement, bound per row).
Status insert_rows(Unit& unit, const std::vector<ImportRow>& rows);
// Rows not yet committed with seq > after_seq, in seq order. refunds: only outcome "refund";
// otherwise the payment outcomes (new_gift, duplicate, review).
Result<std::vector<ImportRow>> pending_rows(Unit& unit, long long import_id, bool refunds,
                                            long long after_seq, int limit);
// Rows with `outcome` (any when empty), seq > after_seq, in seq order.
Result<std::vector<ImportRow>> rows(Unit& unit, long long import_id, const std::string& outcome,
                                    long long after_seq, int limit);
// Errors: kNotFound naming the row.
Result<ImportRow> get_row(Unit& unit, long long import_id, long long seq);
// Writes the mutable columns of a row (outcome, donor, decision, fund, gift, message, committed).
Status update_row(Unit& unit, const ImportRow& row);
// Rows per outcome, plus "committed" (rows applied) and "pending" (not yet applied, actionable).
Result<std::map<std::string, long long>> outcome_counts(Unit& unit, long long import_id);

}  // namespace steward::store::imports

// Writing the queued rows' outcomes of a commit chunk (engine/import_bulk.hpp, decision 0212):
// what store::imports::update_row writes for each row, in one UPDATE ... FROM a temporary table.
#include "engine/import_bulk.hpp"
#include "store/bulk_writer.hpp"

namespace steward::engine::imports {
namespace {

void ensure_outcome_table(store::Unit& unit) {
  // The columns update_row writes. Named for this shape (an earlier one had five columns).
  unit.sql() << (unit.is_postgresql()
                     ? "CREATE TEMPORARY TABLE IF NOT EXISTS steward_import_row_outcomes (id "
                       "BIGINT PRIMARY KEY, outcome TEXT, constituent_id BIGINT, create_donor "
                       "INTEGER, decided_by TEXT, matched_by TEXT, fund_id BIGINT, gift_id "
                       "BIGINT, message TEXT, committed INTEGER) ON COMMIT DELETE ROWS"
                     : "CREATE TEMPORARY TABLE IF NOT EXISTS steward_import_row_outcomes (id "
                       "INTEGER PRIMARY KEY, outcome TEXT, constituent_id INTEGER, create_donor "
                       "INTEGER, decided_by TEXT, matched_by TEXT, fund_id INTEGER, gift_id "
                       "INTEGER, message TEXT, committed INTEGER)");
  unit.sql() << "DELETE FROM steward_import_row_outcomes";
}

}  // namespace

Status BulkChunk::write_outcomes() {
  if (outcomes_.empty()) return Status::ok();
  store::Unit& u = unit_;
  ensure_outcome_table(u);
  {
    store::BulkWriter w(u, "steward_import_row_outcomes",
                        {"id", "outcome", "constituent_id", "create_donor", "decided_by",
                         "matched_by", "fund_id", "gift_id", "message", "committed"});
    for (const store::imports::ImportRow* row : outcomes_) {
      w.add(row->id).add(row->outcome).add(row->constituent_id);
      w.add(static_cast<long long>(row->create_donor ? 1 : 0)).add(row->decided_by);
      w.add(row->matched_by).add(row->fund_id).add(row->gift_id).add(row->message);
      w.add(static_cast<long long>(row->committed ? 1 : 0));
      w.end_row();
    }
    w.finish();
  }
  outcomes_.clear();
  // A temporary table has no statistics: without them PostgreSQL joins it by scanning every row
  // of import_rows, a cost that grew with the file (decision 0212).
  if (u.is_postgresql()) u.sql() << "ANALYZE steward_import_row_outcomes";
  u.sql() << "UPDATE import_rows SET outcome = o.outcome, constituent_id = o.constituent_id, "
             "create_donor = o.create_donor, decided_by = o.decided_by, matched_by = o.matched_by, "
             "fund_id = o.fund_id, gift_id = o.gift_id, message = o.message, committed = "
             "o.committed FROM steward_import_row_outcomes o WHERE import_rows.id = o.id";
  u.sql() << "DELETE FROM steward_import_row_outcomes";
  return Status::ok();
}

}  // namespace steward::engine::imports

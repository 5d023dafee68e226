#include "store/import_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/bulk_writer.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::imports {
namespace {

const char* kImportColumns =
    "id, file_name, file_sha256, file_size, plugin_id, source, status, policy, default_fund_id, "
    "rows_total, rows_committed, gifts_created, error, created_by, created_at, updated_at, "
    "committed_at";

ImportRecord import_from_row(const soci::row& row) {
  RowReader r(row);
  ImportRecord i;
  i.id = r.integer();
  i.file_name = r.text();
  i.file_sha256 = r.text();
  i.file_size = r.integer();
  i.plugin_id = r.text();
  i.source = r.text();
  i.status = r.text();
  i.policy = r.text();
  i.default_fund_id = r.opt_integer();
  i.rows_total = r.integer();
  i.rows_committed = r.integer();
  i.gifts_created = r.integer();
  i.error = r.opt_text();
  i.created_by = r.text();
  i.created_at = r.timestamp();
  i.updated_at = r.timestamp();
  i.committed_at = r.opt_timestamp();
  return i;
}

nlohmann::json import_json(const ImportRecord& i) {
  nlohmann::json j = {{"id", i.id},
                      {"file_name", i.file_name},
                      {"file_sha256", i.file_sha256},
                      {"file_size", i.file_size},
                      {"plugin_id", i.plugin_id},
                      {"source", i.source},
                      {"status", i.status},
                      {"policy", i.policy}};
  if (i.default_fund_id) j["default_fund_id"] = *i.default_fund_id;
  if (i.error) j["error"] = *i.error;
  return j;
}

const char* kRowColumns =
    "id, import_id, seq, line, record, identity, outcome, constituent_id, create_donor, "
    "decided_by, matched_by, fund_id, gift_id, message, committed";

ImportRow row_from_row(const soci::row& row) {
  RowReader r(row);
  ImportRow x;
  x.id = r.integer();
  x.import_id = r.integer();
  x.seq = r.integer();
  x.line = r.integer();
  x.record = r.opt_text();
  x.identity = r.opt_text();
  x.outcome = r.text();
  x.constituent_id = r.opt_integer();
  x.create_donor = r.flag();
  x.decided_by = r.opt_text();
  x.matched_by = r.opt_text();
  x.fund_id = r.opt_integer();
  x.gift_id = r.opt_integer();
  x.message = r.opt_text();
  x.committed = r.flag();
  return x;
}

std::vector<ImportRow> read_rows(soci::rowset<soci::row>& rs) {
  std::vector<ImportRow> out;
  for (const soci::row& row : rs) out.push_back(row_from_row(row));
  return out;
}

}  // namespace

Result<ImportRecord> create(Unit& unit, const ImportRecord& in) {
  std::string now = domain::utc_now_iso();
  std::string status = "staged";
  long long id = 0;
  const std::string& by = unit.actor().name;
  unit.sql() << "INSERT INTO imports (file_name, file_sha256, file_size, plugin_id, source, "
                "status, policy, default_fund_id, created_by, created_at, updated_at) VALUES "
                "(:f, :h, :s, :p, :src, :st, :pol, :fund, :by, :c, :u) RETURNING id",
      soci::use(in.file_name), soci::use(in.file_sha256), soci::use(in.file_size),
      soci::use(in.plugin_id), soci::use(in.source), soci::use(status), soci::use(in.policy),
      soci::use(in.default_fund_id), soci::use(by), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (!created) return created;
  record_audit(unit, "create", "import", id, nullptr, import_json(*created));
  return created;
}

Result<ImportRecord> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kImportColumns) + " FROM imports WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("import " + std::to_string(id) + " does not exist");
  }
  return import_from_row(row);
}

Result<std::vector<ImportRecord>> list(Unit& unit, int limit) {
  soci::rowset<soci::row> rs = (unit.sql().prepare << "SELECT " + std::string(kImportColumns) +
                                                          " FROM imports ORDER BY id DESC LIMIT :n",
                                soci::use(limit));
  std::vector<ImportRecord> out;
  for (const soci::row& row : rs) out.push_back(import_from_row(row));
  return out;
}

Status set_status(Unit& unit, long long id, const std::string& status,
                  const std::optional<std::string>& error) {
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  std::optional<std::string> committed_at =
      status == "committed" ? std::optional<std::string>(now) : before->committed_at;
  unit.sql() << "UPDATE imports SET status = :s, error = :e, updated_at = :u, "
                "committed_at = :c WHERE id = :id",
      soci::use(status), soci::use(error), soci::use(now), soci::use(committed_at), soci::use(id);
  auto after = get(unit, id);
  if (!after) return after.status();
  record_audit(unit, "update", "import", id, import_json(*before), import_json(*after));
  return Status::ok();
}

Status add_counts(Unit& unit, long long id, long long rows_total, long long rows_committed,
                  long long gifts_created) {
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE imports SET rows_total = rows_total + :t, rows_committed = "
                "rows_committed + :c, gifts_created = gifts_created + :g, updated_at = :u "
                "WHERE id = :id",
      soci::use(rows_total), soci::use(rows_committed), soci::use(gifts_created), soci::use(now),
      soci::use(id);
  return Status::ok();
}

Status insert_rows(Unit& unit, const std::vector<ImportRow>& rows) {
  if (rows.empty()) return Status::ok();
  // COPY on PostgreSQL, one prepared INSERT on SQLite (decision 0153): staging a million-row
  // file is this loop.
  BulkWriter w(
      unit, "import_rows",
      {"import_id", "seq", "line", "record", "identity", "outcome", "constituent_id",
       "create_donor", "decided_by", "matched_by", "fund_id", "gift_id", "message", "committed"});
  for (const ImportRow& row : rows) {
    w.add(row.import_id).add(row.seq).add(row.line).add(row.record).add(row.identity);
    w.add(row.outcome).add(row.constituent_id).add(row.create_donor ? 1 : 0).add(row.decided_by);
    w.add(row.matched_by).add(row.fund_id).add(row.gift_id).add(row.message);
    w.add(row.committed ? 1 : 0).end_row();
  }
  w.finish();
  return Status::ok();
}

Result<std::vector<ImportRow>> pending_rows(Unit& unit, long long import_id, bool refunds,
                                            long long after_seq, int limit) {
  std::string where =
      refunds ? "outcome = 'refund'" : "outcome IN ('new_gift', 'duplicate', 'review')";
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << "SELECT " + std::string(kRowColumns) +
                                 " FROM import_rows WHERE import_id = :i AND committed = 0 "
                                 "AND seq > :s AND " +
                                 where + " ORDER BY seq LIMIT :n",
       soci::use(import_id), soci::use(after_seq), soci::use(limit));
  return read_rows(rs);
}

Result<std::vector<ImportRow>> rows(Unit& unit, long long import_id, const std::string& outcome,
                                    long long after_seq, int limit) {
  std::string sql = "SELECT " + std::string(kRowColumns) +
                    " FROM import_rows WHERE import_id = :i AND seq > :s AND (:o = '' OR "
                    "outcome = :o2) ORDER BY seq LIMIT :n";
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << sql, soci::use(import_id), soci::use(after_seq), soci::use(outcome),
       soci::use(outcome), soci::use(limit));
  return read_rows(rs);
}

Result<ImportRow> get_row(Unit& unit, long long import_id, long long seq) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kRowColumns) +
                    " FROM import_rows WHERE import_id = :i AND seq = :s",
      soci::use(import_id), soci::use(seq), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("import " + std::to_string(import_id) + " has no row " +
                             std::to_string(seq));
  }
  return row_from_row(row);
}

Status update_row(Unit& unit, const ImportRow& x) {
  int create_donor = x.create_donor ? 1 : 0;
  int committed = x.committed ? 1 : 0;
  unit.sql() << "UPDATE import_rows SET outcome = :o, constituent_id = :c, create_donor = :cd, "
                "decided_by = :db, matched_by = :mb, fund_id = :f, gift_id = :g, message = :m, "
                "committed = :cm WHERE id = :id",
      soci::use(x.outcome), soci::use(x.constituent_id), soci::use(create_donor),
      soci::use(x.decided_by), soci::use(x.matched_by), soci::use(x.fund_id), soci::use(x.gift_id),
      soci::use(x.message), soci::use(committed), soci::use(x.id);
  return Status::ok();
}

Result<std::map<std::string, long long>> outcome_counts(Unit& unit, long long import_id) {
  std::map<std::string, long long> out;
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << "SELECT outcome, committed, COUNT(*) FROM import_rows WHERE "
                             "import_id = :i GROUP BY outcome, committed",
       soci::use(import_id));
  for (const soci::row& row : rs) {
    RowReader r(row);
    std::string outcome = r.text();
    bool committed = r.flag();
    long long n = r.integer();
    out[outcome] += n;
    if (committed) {
      out["committed"] += n;
    } else if (outcome != "error" && outcome != "skipped") {
      out["pending"] += n;
    }
  }
  return out;
}

}  // namespace steward::store::imports

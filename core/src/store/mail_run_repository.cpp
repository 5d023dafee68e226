#include "store/mail_run_repository.hpp"

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::mail_runs {
namespace {

const char* kMailRunColumns =
    "id, kind, options, status, total, documents, error, job_id, created_by, created_at, "
    "finished_at";

RunRecord mail_run_from_row(const soci::row& row) {
  RowReader r(row);
  RunRecord x;
  x.id = r.integer();
  x.kind = r.text();
  x.options = r.text();
  x.status = r.text();
  x.total = r.integer();
  x.documents = r.text();
  x.error = r.opt_text();
  x.job_id = r.opt_integer();
  x.created_by = r.text();
  x.created_at = r.timestamp();
  x.finished_at = r.opt_timestamp();
  return x;
}

nlohmann::json parse_object(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

bool is_final(const std::string& status) {
  return status == "finished" || status == "cancelled" || status == "failed";
}

}  // namespace

nlohmann::json record_json(const RunRecord& r) {
  nlohmann::json j = {{"kind", r.kind},
                      {"options", parse_object(r.options)},
                      {"status", r.status},
                      {"total", r.total},
                      {"documents", parse_object(r.documents)}};
  if (r.error) j["error"] = *r.error;
  if (r.job_id) j["job_id"] = *r.job_id;
  return j;
}

Result<long long> create(Unit& unit, const std::string& kind, const nlohmann::json& options,
                         long long total) {
  if (kind != "thank" && kind != "statements") {
    return Status::invalid_field("kind", "must be thank or statements");
  }
  const std::string now = domain::utc_now_iso();
  const std::string status = "queued";
  const std::string opts = options.dump();
  const std::string docs = "{}";
  long long id = 0;
  unit.sql() << "INSERT INTO mail_runs (kind, options, status, total, documents, created_by, "
                "created_at, updated_at) VALUES (:k, :o, :s, :t, :d, :by, :c, :u) RETURNING id",
      soci::use(kind), soci::use(opts), soci::use(status), soci::use(total), soci::use(docs),
      soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  auto made = get(unit, id);
  if (!made) return made.status();
  record_audit(unit, "create", "mail_run", id, nullptr, record_json(*made));
  return id;
}

Result<RunRecord> get(Unit& unit, long long id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kMailRunColumns << " FROM mail_runs WHERE id = :id",
       soci::use(id));
  for (const auto& row : rows) return mail_run_from_row(row);
  return Status::not_found("mail run " + std::to_string(id) + " does not exist");
}

Result<std::vector<RunRecord>> active_runs(Unit& unit, const std::string& kind) {
  std::vector<RunRecord> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kMailRunColumns
                          << " FROM mail_runs WHERE kind = :k AND status IN ('queued', "
                             "'running') ORDER BY id DESC",
       soci::use(kind));
  for (const auto& row : rows) out.push_back(mail_run_from_row(row));
  return out;
}

Result<std::vector<RunRecord>> recent(Unit& unit, int limit) {
  std::vector<RunRecord> out;
  soci::rowset<soci::row> rows = (unit.sql().prepare << "SELECT " << kMailRunColumns
                                                     << " FROM mail_runs ORDER BY id DESC LIMIT :l",
                                  soci::use(limit));
  for (const auto& row : rows) out.push_back(mail_run_from_row(row));
  return out;
}

Status set_job(Unit& unit, long long id, long long job_id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE mail_runs SET job_id = :j, updated_at = :u WHERE id = :id",
      soci::use(job_id), soci::use(now), soci::use(id);
  RunRecord after = *before;
  after.job_id = job_id;
  record_audit(unit, "update", "mail_run", id, record_json(*before), record_json(after));
  return Status::ok();
}

Status set_status(Unit& unit, long long id, const std::string& status,
                  const std::optional<std::string>& error) {
  if (status != "running" && !is_final(status)) {
    return Status::invalid_field("status", "must be running, finished, cancelled or failed");
  }
  auto before = get(unit, id);
  if (!before) return before.status();
  if (before->status == status) return Status::ok();
  if (is_final(before->status)) {
    if (status == "running") return Status::ok();
    return Status::precondition_failed("status: the run is already " + before->status);
  }
  const std::string now = domain::utc_now_iso();
  std::optional<std::string> finished;
  if (is_final(status)) finished = now;
  unit.sql() << "UPDATE mail_runs SET status = :s, error = :e, finished_at = :f, updated_at = :u "
                "WHERE id = :id",
      soci::use(status), soci::use(error), soci::use(finished), soci::use(now), soci::use(id);
  RunRecord after = *before;
  after.status = status;
  after.error = error;
  record_audit(unit, "update", "mail_run", id, record_json(*before), record_json(after));
  return Status::ok();
}

Status add_documents(Unit& unit, long long id, const nlohmann::json& documents) {
  auto before = get(unit, id);
  if (!before) return before.status();
  nlohmann::json docs = parse_object(before->documents);
  bool changed = false;
  for (const auto& [name, value] : documents.items()) {
    if (value.is_string() && value.get<std::string>().empty()) continue;
    if (value.is_null()) continue;
    docs[name] = value;
    changed = true;
  }
  if (!changed) return Status::ok();
  const std::string text = docs.dump();
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE mail_runs SET documents = :d, updated_at = :u WHERE id = :id",
      soci::use(text), soci::use(now), soci::use(id);
  RunRecord after = *before;
  after.documents = text;
  record_audit(unit, "update", "mail_run", id, record_json(*before), record_json(after));
  return Status::ok();
}

Status put_item(Unit& unit, long long run_id, const Item& item, bool replace) {
  const std::string now = domain::utc_now_iso();
  const std::string body = item.body.dump();
  // ON CONFLICT: two workers on one run (an expired lease) cannot make the unit fail.
  const std::string on_conflict =
      replace ? "DO UPDATE SET state = excluded.state, body = excluded.body, updated_at = "
                "excluded.updated_at"
              : "DO NOTHING";
  long long id = 0;
  soci::indicator ind = soci::i_null;
  unit.sql() << "INSERT INTO mail_run_items (run_id, section, item_key, state, body, created_at, "
                "updated_at) VALUES (:r, :s, :k, :st, :b, :c, :u) ON CONFLICT (run_id, section, "
                "item_key) "
             << on_conflict << " RETURNING id",
      soci::use(run_id), soci::use(item.section), soci::use(item.key), soci::use(item.state),
      soci::use(body), soci::use(now), soci::use(now), soci::into(id, ind);
  if (!unit.sql().got_data() || ind != soci::i_ok) return Status::ok();  // already recorded
  record_audit(
      unit, replace ? "update" : "create", "mail_run_item", id, nullptr,
      {{"run_id", run_id}, {"section", item.section}, {"key", item.key}, {"state", item.state}});
  return Status::ok();
}

Result<std::vector<Item>> items(Unit& unit, long long run_id) {
  std::vector<Item> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT section, item_key, state, body FROM mail_run_items WHERE "
                             "run_id = :r ORDER BY id",
       soci::use(run_id));
  for (const auto& row : rows) {
    RowReader r(row);
    Item x;
    x.section = r.text();
    x.key = r.integer();
    x.state = r.text();
    x.body = parse_object(r.text());
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<long long>> keys(Unit& unit, long long run_id, const std::string& section) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT item_key FROM mail_run_items WHERE run_id = :r AND "
                             "section = :s ORDER BY id",
       soci::use(run_id), soci::use(section));
  for (const auto& row : rows) out.push_back(RowReader(row).integer(0));
  return out;
}

Result<std::map<std::string, long long>> state_counts(Unit& unit, long long run_id) {
  std::map<std::string, long long> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT state, COUNT(*) FROM mail_run_items WHERE run_id = :r "
                             "GROUP BY state",
       soci::use(run_id));
  for (const auto& row : rows) {
    RowReader r(row);
    std::string state = r.text();
    out[state] = r.integer();
  }
  return out;
}

}  // namespace steward::store::mail_runs

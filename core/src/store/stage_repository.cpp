#include "store/stage_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::stages {

Result<std::optional<std::string>> current_stage(Unit& unit, long long constituent_id) {
  soci::row row;
  unit.sql() << "SELECT stage FROM constituents WHERE id = :id AND deleted_at IS NULL",
      soci::use(constituent_id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
  return RowReader(row).opt_text(0);
}

Result<std::optional<domain::StageChange>> set_stage(Unit& unit, long long constituent_id,
                                                     const std::string& stage,
                                                     const std::optional<std::string>& note) {
  if (Status s = domain::first_error(
          {domain::validate_stage(stage), domain::check_text("note", note, 1000, true)});
      !s)
    return s;
  auto before = current_stage(unit, constituent_id);
  if (!before) return before.status();
  if (*before == stage) return std::optional<domain::StageChange>();
  std::string now = domain::utc_now_iso();
  std::string by = unit.actor().name;
  unit.sql() << "UPDATE constituents SET stage = :s, version = version + 1, updated_at = :u "
                "WHERE id = :id",
      soci::use(stage), soci::use(now), soci::use(constituent_id);
  long long id = 0;
  unit.sql() << "INSERT INTO stage_history (constituent_id, from_stage, to_stage, changed_by, "
                "note, created_at, updated_at) VALUES (:c, :from, :to, :by, :note, :cr, :up) "
                "RETURNING id",
      soci::use(constituent_id), soci::use(*before), soci::use(stage), soci::use(by),
      soci::use(note), soci::use(now), soci::use(now), soci::into(id);
  nlohmann::json b = {{"stage", before->has_value() ? nlohmann::json(**before) : nullptr}};
  nlohmann::json a = {{"stage", stage}};
  if (note) a["note"] = *note;
  record_audit(unit, "update", "constituent", constituent_id, b, a);
  auto rows = history(unit, constituent_id);
  if (!rows) return rows.status();
  return std::optional<domain::StageChange>(rows->back());
}

Result<std::vector<domain::StageChange>> history(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, constituent_id, from_stage, to_stage, changed_by, note, "
                             "created_at FROM stage_history WHERE constituent_id = :c ORDER BY id",
       soci::use(constituent_id));
  std::vector<domain::StageChange> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    domain::StageChange c;
    c.id = r.integer();
    c.constituent_id = r.integer();
    c.from_stage = r.opt_text();
    c.to_stage = r.opt_text();
    c.changed_by = r.opt_text();
    c.note = r.opt_text();
    c.created_at = r.timestamp();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace steward::store::stages

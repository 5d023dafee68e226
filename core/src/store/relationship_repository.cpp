#include "store/relationship_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/constituent_repository.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::relationships {
namespace {

// Columns seen from :viewer: the other side's id and name, and the type from the viewer's side.
const std::string kRelationshipSelect =
    "SELECT r.id, CASE WHEN r.constituent_id = :v1 THEN r.related_id ELSE r.constituent_id END, "
    "c.display_name, CASE WHEN r.constituent_id = :v2 THEN r.type ELSE r.reciprocal_type END, "
    "r.started_on, r.ended_on, r.notes FROM relationships r JOIN constituents c ON c.id = "
    "(CASE WHEN r.constituent_id = :v3 THEN r.related_id ELSE r.constituent_id END) ";

Relationship relationship_from_row(const soci::row& row, long long viewer) {
  RowReader r(row);
  Relationship rel;
  rel.id = r.integer();
  rel.constituent_id = viewer;
  rel.related_id = r.integer();
  rel.related_name = r.text();
  rel.type = r.text();
  rel.started_on = r.opt_date();
  rel.ended_on = r.opt_date();
  rel.notes = r.opt_text();
  return rel;
}

nlohmann::json row_json(long long id, const domain::RelationshipInput& in,
                        const std::string& reciprocal) {
  nlohmann::json j = {{"id", id},
                      {"constituent_id", in.constituent_id},
                      {"related_id", in.related_id},
                      {"type", in.type},
                      {"reciprocal_type", reciprocal}};
  if (in.started_on) j["started_on"] = *in.started_on;
  if (in.ended_on) j["ended_on"] = *in.ended_on;
  if (in.notes) j["notes"] = *in.notes;
  return j;
}

}  // namespace

Result<Relationship> create(Unit& unit, const domain::RelationshipInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  for (long long id : {input.constituent_id, input.related_id}) {
    auto c = constituents::get(unit, id);
    if (!c) return c.status();
  }
  std::string reciprocal = *domain::reciprocal_type(input.type);
  long long same = 0;
  unit.sql() << "SELECT COUNT(*) FROM relationships WHERE (constituent_id = :a AND related_id = "
                ":b AND type = :t) OR (constituent_id = :b2 AND related_id = :a2 AND type = :rt)",
      soci::use(input.constituent_id), soci::use(input.related_id), soci::use(input.type),
      soci::use(input.related_id), soci::use(input.constituent_id), soci::use(reciprocal),
      soci::into(same);
  if (same > 0) return Status::conflict("this relationship is already recorded");
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO relationships (constituent_id, related_id, type, reciprocal_type, "
                "started_on, ended_on, notes, created_at, updated_at) VALUES (:a, :b, :t, :rt, "
                ":started, :ended, :notes, :created, :updated) RETURNING id",
      soci::use(input.constituent_id), soci::use(input.related_id), soci::use(input.type),
      soci::use(reciprocal), soci::use(input.started_on), soci::use(input.ended_on),
      soci::use(input.notes), soci::use(now), soci::use(now), soci::into(id);
  record_audit(unit, "create", "relationship", id, nullptr, row_json(id, input, reciprocal));
  soci::row row;
  long long viewer = input.constituent_id;
  unit.sql() << kRelationshipSelect + "WHERE r.id = :id", soci::use(viewer), soci::use(viewer),
      soci::use(viewer), soci::use(id), soci::into(row);
  return relationship_from_row(row, viewer);
}

Status remove(Unit& unit, long long relationship_id) {
  soci::row row;
  unit.sql() << "SELECT constituent_id, related_id, type, reciprocal_type, started_on, ended_on, "
                "notes FROM relationships WHERE id = :id",
      soci::use(relationship_id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("relationship " + std::to_string(relationship_id) + " does not exist");
  RowReader r(row);
  domain::RelationshipInput before;
  before.constituent_id = r.integer();
  before.related_id = r.integer();
  before.type = r.text();
  std::string reciprocal = r.text();
  before.started_on = r.opt_date();
  before.ended_on = r.opt_date();
  before.notes = r.opt_text();
  unit.sql() << "DELETE FROM relationships WHERE id = :id", soci::use(relationship_id);
  record_audit(unit, "delete", "relationship", relationship_id,
               row_json(relationship_id, before, reciprocal), nullptr);
  return Status::ok();
}

Result<std::vector<Relationship>> list_for(Unit& unit, long long constituent_id) {
  long long v = constituent_id;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << kRelationshipSelect +
                                 "WHERE r.constituent_id = :v4 OR r.related_id = :v5 ORDER BY r.id",
       soci::use(v), soci::use(v), soci::use(v), soci::use(v), soci::use(v));
  std::vector<Relationship> out;
  for (const soci::row& r : rows) out.push_back(relationship_from_row(r, constituent_id));
  return out;
}

}  // namespace steward::store::relationships

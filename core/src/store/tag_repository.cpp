#include "store/tag_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/text.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/constituent_repository.hpp"
#include "store/row_reader.hpp"
#include "store/sql_like.hpp"

namespace steward::store::tags {
namespace {

std::vector<Tag> read_tags(soci::rowset<soci::row>& rows) {
  std::vector<Tag> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    Tag t;
    t.id = r.integer();
    t.name = r.text();
    out.push_back(std::move(t));
  }
  return out;
}

Result<Tag> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT id, name FROM tags WHERE id = :id", soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("tag " + std::to_string(id) + " does not exist");
  RowReader r(row);
  return Tag{r.integer(), r.text()};
}

}  // namespace

Result<Tag> get_by_name(Unit& unit, const std::string& name) {
  std::string key = ascii_lower(domain::trim(name));
  soci::row row;
  unit.sql() << "SELECT id, name FROM tags WHERE lower(name) = :name", soci::use(key),
      soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("tag '" + domain::trim(name) + "' does not exist");
  RowReader r(row);
  return Tag{r.integer(), r.text()};
}

Result<Tag> create(Unit& unit, const std::string& raw_name) {
  std::string name = domain::trim(raw_name);
  if (Status s = domain::require_text("name", name, 100); !s) return s;
  if (get_by_name(unit, name)) return Status::conflict("a tag named '" + name + "' already exists");
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO tags (name, created_at, updated_at) VALUES (:name, :created, "
                ":updated) RETURNING id",
      soci::use(name), soci::use(now), soci::use(now), soci::into(id);
  record_audit(unit, "create", "tag", id, nullptr, {{"id", id}, {"name", name}});
  return Tag{id, name};
}

Result<Tag> find_or_create(Unit& unit, const std::string& name) {
  auto found = get_by_name(unit, name);
  if (found || found.status().code() != StatusCode::kNotFound) return found;
  return create(unit, name);
}

Result<std::vector<Tag>> list(Unit& unit) {
  soci::rowset<soci::row> rows = unit.sql().prepare
                                 << "SELECT id, name FROM tags ORDER BY name, id";
  return read_tags(rows);
}

Status tag(Unit& unit, long long constituent_id, long long tag_id) {
  auto c = constituents::get(unit, constituent_id);
  if (!c) return c.status();
  auto t = get(unit, tag_id);
  if (!t) return t.status();
  long long linked = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituent_tags WHERE constituent_id = :c AND tag_id = :t",
      soci::use(constituent_id), soci::use(tag_id), soci::into(linked);
  if (linked > 0) return Status::ok();
  std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO constituent_tags (constituent_id, tag_id, created_at, updated_at) "
                "VALUES (:c, :t, :created, :updated)",
      soci::use(constituent_id), soci::use(tag_id), soci::use(now), soci::use(now);
  record_audit(unit, "tag", "constituent", constituent_id, nullptr,
               {{"tag_id", tag_id}, {"tag", t->name}});
  return Status::ok();
}

Status untag(Unit& unit, long long constituent_id, long long tag_id) {
  auto t = get(unit, tag_id);
  if (!t) return t.status();
  long long linked = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituent_tags WHERE constituent_id = :c AND tag_id = :t",
      soci::use(constituent_id), soci::use(tag_id), soci::into(linked);
  if (linked == 0) return Status::ok();
  unit.sql() << "DELETE FROM constituent_tags WHERE constituent_id = :c AND tag_id = :t",
      soci::use(constituent_id), soci::use(tag_id);
  record_audit(unit, "untag", "constituent", constituent_id, {{"tag_id", tag_id}, {"tag", t->name}},
               nullptr);
  return Status::ok();
}

Result<std::vector<Tag>> tags_of(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT t.id, t.name FROM tags t JOIN constituent_tags ct ON "
                             "ct.tag_id = t.id WHERE ct.constituent_id = :c ORDER BY t.name, t.id",
       soci::use(constituent_id));
  return read_tags(rows);
}

}  // namespace steward::store::tags

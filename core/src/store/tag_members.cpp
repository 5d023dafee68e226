#include "store/tag_members.hpp"

#include "store/row_reader.hpp"

namespace steward::store::tag_members {

Result<tags::Tag> tag_by_id(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT id, name FROM tags WHERE id = :id", soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("tag " + std::to_string(id) + " does not exist");
  RowReader r(row);
  tags::Tag t;
  t.id = r.integer();
  t.name = r.text();
  return t;
}

}  // namespace steward::store::tag_members

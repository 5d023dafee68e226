// Boolean columns are INTEGER 0/1 on SQLite and BOOLEAN on PostgreSQL: compare them with the
// TRUE/FALSE keywords (both dialects accept them), bind 0/1 ints for values.
#include "store/contact_primary.hpp"

#include "store/row_reader.hpp"

namespace steward::store::contacts::detail {

Status require_constituent(Unit& unit, long long constituent_id) {
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituents WHERE id = :id AND deleted_at IS NULL",
      soci::use(constituent_id), soci::into(n);
  if (n == 0)
    return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
  return Status::ok();
}

long long count_for(Unit& unit, const std::string& table, long long constituent_id) {
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM " + table + " WHERE constituent_id = :id",
      soci::use(constituent_id), soci::into(n);
  return n;
}

void clear_primary(Unit& unit, const std::string& table, long long constituent_id) {
  unit.sql() << "UPDATE " + table +
                    " SET is_primary = FALSE WHERE constituent_id = :id AND "
                    "is_primary = TRUE",
      soci::use(constituent_id);
}

void promote_oldest(Unit& unit, const std::string& table, long long constituent_id) {
  long long primaries = 0;
  unit.sql() << "SELECT COUNT(*) FROM " + table +
                    " WHERE constituent_id = :id AND is_primary = TRUE",
      soci::use(constituent_id), soci::into(primaries);
  if (primaries > 0) return;
  unit.sql() << "UPDATE " + table + " SET is_primary = TRUE WHERE id = (SELECT MIN(id) FROM " +
                    table + " WHERE constituent_id = :id)",
      soci::use(constituent_id);
}

std::optional<Owner> owner_of(Unit& unit, const std::string& table, long long id) {
  soci::row row;
  unit.sql() << "SELECT constituent_id, is_primary FROM " + table + " WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data()) return std::nullopt;
  RowReader r(row);
  Owner o;
  o.constituent_id = r.integer();
  o.is_primary = r.flag();
  return o;
}

}  // namespace steward::store::contacts::detail

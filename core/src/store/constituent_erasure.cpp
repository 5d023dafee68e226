#include "store/constituent_erasure.hpp"

#include "store/row_reader.hpp"

namespace steward::store::constituents {

Result<std::optional<std::string>> erased_at(Unit& unit, long long id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT erased_at FROM constituents WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) {
    RowReader r(row);
    return r.opt_timestamp();
  }
  return Status::not_found("constituent " + std::to_string(id) + " does not exist");
}

}  // namespace steward::store::constituents

#include "store/references.hpp"

namespace steward::store {

bool row_exists(Unit& unit, const char* table, long long id) {
  long long n = 0;
  unit.sql() << std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = :id", soci::use(id),
      soci::into(n);
  return n > 0;
}

Status require_row(Unit& unit, const char* table, const std::string& field, const std::string& noun,
                   long long id) {
  if (row_exists(unit, table, id)) return Status::ok();
  return Status::invalid_field(field, noun + " " + std::to_string(id) + " does not exist");
}

Status check_row(Unit& unit, const char* table, const std::string& field, const std::string& noun,
                 const std::optional<long long>& id) {
  if (!id) return Status::ok();
  return require_row(unit, table, field, noun, *id);
}

Status check_donor_and_designation(Unit& unit, long long constituent_id,
                                   const std::optional<long long>& fund_id,
                                   const std::optional<long long>& campaign_id,
                                   const std::optional<long long>& appeal_id) {
  for (Status s :
       {require_row(unit, "constituents", "constituent_id", "constituent", constituent_id),
        check_row(unit, "funds", "fund_id", "fund", fund_id),
        check_row(unit, "campaigns", "campaign_id", "campaign", campaign_id),
        check_row(unit, "appeals", "appeal_id", "appeal", appeal_id)}) {
    if (!s) return s;
  }
  return Status::ok();
}

}  // namespace steward::store

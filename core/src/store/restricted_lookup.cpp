#include "store/restricted_lookup.hpp"

namespace steward::store::restricted {

Result<bool> constituent(Unit& unit, long long constituent_id) {
  int flag = 0;
  soci::indicator ind = soci::i_null;
  unit.sql() << "SELECT CASE WHEN restricted THEN 1 ELSE 0 END FROM constituents WHERE id = :id",
      soci::use(constituent_id), soci::into(flag, ind);
  return unit.sql().got_data() && ind == soci::i_ok && flag == 1;
}

}  // namespace steward::store::restricted

// Looking up many keys with bound IN lists (decisions 0155 and 0212): `sql_head` + "(:v0, ...)"
// + `sql_tail`, run for each slice of at most kInBatch values. An IN list of bound values is
// what both planners turn into index probes; an IN (SELECT ... FROM json_each(...)) is not on
// PostgreSQL (it hashes the expanded list and scans every row of the key's first column, so the
// cost grew with the table: decision 0212).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::imports {

inline constexpr std::size_t kInBatch = 400;  // values bound per query

inline std::string in_placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", :v" : ":v") + std::to_string(i);
  return out;
}

// Binds `fixed` first (when set), then the slice, and hands every row to `each(RowReader)`.
// `Value`: std::string or long long (ids).
template <typename Value, typename Each>
void in_batches(store::Unit& unit, const std::string& sql_head, const std::string& sql_tail,
                const std::optional<std::string>& fixed, const std::vector<Value>& values,
                Each each) {
  for (std::size_t start = 0; start < values.size(); start += kInBatch) {
    std::size_t n = std::min(kInBatch, values.size() - start);
    std::string sql = sql_head + "(" + in_placeholders(n) + ")" + sql_tail;
    soci::details::prepare_temp_type prep = (unit.sql().prepare << sql);
    if (fixed) prep, soci::use(*fixed);
    for (std::size_t i = 0; i < n; ++i) prep, soci::use(values[start + i]);
    soci::rowset<soci::row> rs(prep);
    for (const soci::row& row : rs) each(store::RowReader(row));
  }
}

}  // namespace steward::engine::imports

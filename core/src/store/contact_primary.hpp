// The one-primary-per-constituent rule shared by emails, phones and addresses (internal to the
// contact repository). `table` is always one of the three constant table names, never input.
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::store::contacts::detail {

// Whether the constituent exists and is not deleted (kNotFound otherwise).
Status require_constituent(Unit& unit, long long constituent_id);
// How many rows of `table` the constituent has.
long long count_for(Unit& unit, const std::string& table, long long constituent_id);
// Clears is_primary on every row of the constituent (before another becomes primary).
void clear_primary(Unit& unit, const std::string& table, long long constituent_id);
// Marks the oldest row primary when none is (after the primary was removed).
void promote_oldest(Unit& unit, const std::string& table, long long constituent_id);
// The owner and primary flag of one row, or nullopt when it does not exist.
struct Owner {
  long long constituent_id = 0;
  bool is_primary = false;
};
std::optional<Owner> owner_of(Unit& unit, const std::string& table, long long id);

}  // namespace steward::store::contacts::detail

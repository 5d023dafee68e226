// Checks that a referenced row exists before a write, so a bad id is reported as a clear
// kInvalid naming the field ("fund_id: fund 9 does not exist") rather than a constraint error.
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::store {

// `table` is a constant table name from the caller's code, never user input.
bool row_exists(Unit& unit, const char* table, long long id);

// ok when the row exists; otherwise invalid_field(field, "<noun> <id> does not exist").
Status require_row(Unit& unit, const char* table, const std::string& field, const std::string& noun,
                   long long id);
// As require_row, and ok for an empty optional.
Status check_row(Unit& unit, const char* table, const std::string& field, const std::string& noun,
                 const std::optional<long long>& id);

// The constituent (required) and the optional fund, campaign and appeal of a plan or pledge.
Status check_donor_and_designation(Unit& unit, long long constituent_id,
                                   const std::optional<long long>& fund_id,
                                   const std::optional<long long>& campaign_id,
                                   const std::optional<long long>& appeal_id);

}  // namespace steward::store

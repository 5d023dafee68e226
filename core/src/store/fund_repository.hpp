// Funds in the database. Every method runs inside the caller's unit of work (Database::write or
// read); writes validate first, write nothing on error, and append to the audit trail.
//
// This file is the pattern for every repository: free functions in a namespace per aggregate,
// taking Unit&, returning Result/Status, SQL with bound values only.
#pragma once

#include <optional>
#include <string>

#include "domain/fund.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::funds {

struct ListFilter {
  std::optional<bool> active;  // only active / only inactive funds
  PageRequest page;
};

// Errors: kInvalid (names the field), kConflict when the code is taken.
Result<domain::Fund> create(Unit& unit, const domain::FundInput& input);
// Errors: kNotFound.
Result<domain::Fund> get(Unit& unit, long long id);
Result<domain::Fund> get_by_code(Unit& unit, const std::string& code);
// Replaces every field. Errors: kInvalid, kNotFound, kConflict.
Result<domain::Fund> update(Unit& unit, long long id, const domain::FundInput& input);
// Ordered by name, then id.
Result<Page<domain::Fund>> list(Unit& unit, const ListFilter& filter);

}  // namespace steward::store::funds

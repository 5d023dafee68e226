// Every table an import writes that a user sees, dumped for comparing two databases: donors,
// emails, payer links, gifts, allocations, soft credits, identities, plans, row outcomes,
// summaries, the quick-search text and the audit rows (without their times). Used by the tests
// that commit the same file two ways (bulk and row by row) into two fresh databases.
#pragma once

#include <map>
#include <string>

#include "store/database.hpp"

namespace steward::testing {

// Table name -> its rows as text, in a fixed order.
std::map<std::string, std::string> import_tables(store::Database& db);

}  // namespace steward::testing

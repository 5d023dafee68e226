// Tables as text for tests that compare two databases or two runs: one row per line, columns
// separated by '|', NULL as "NULL".
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::testing {

// The rows of `sql` (no parameters) as text; fails the test on a database error.
std::string table_dump(store::Database& db, const std::string& sql);

// The audit trail without the import's own rows, as action|entity|id|before|after, with the
// created_at/updated_at of the after image removed (two runs happen at different seconds).
std::string audit_dump_without_times(store::Database& db);

}  // namespace steward::testing

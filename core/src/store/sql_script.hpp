// Executes a script of several SQL statements (a migration file) on a session's own
// connection, inside whatever transaction the session has open. SOCI prepares one statement at
// a time, so this uses the backend's native multi-statement call (sqlite3_exec / PQexec).
#pragma once

#include <string>

#include <soci/soci.h>

#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::store {

Status execute_script(soci::session& sql, Backend backend, const std::string& script);

}  // namespace steward::store

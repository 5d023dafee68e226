// The QueryCapability implementations behind ReportSandbox: statements run through the
// backend's own API (sqlite3 / libpq) on the sandbox's session, so every cell keeps its real
// type (SOCI decides a SQLite column's type from its first row). Internal to the engine.
#pragma once

#include <memory>

#include "steward/sdk/report.hpp"
#include "store/database.hpp"

namespace steward::engine::detail {

std::unique_ptr<sdk::QueryCapability> make_sqlite_query(soci::session& sql);
std::unique_ptr<sdk::QueryCapability> make_postgresql_query(soci::session& sql);

}  // namespace steward::engine::detail

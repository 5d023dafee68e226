#include "store/sql_script.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include "store/no_sanitize.hpp"

namespace steward::store {

STEWARD_NO_SANITIZE_VPTR Status execute_script(soci::session& sql, Backend backend,
                                               const std::string& script) {
  if (backend == Backend::kSqlite) {
    auto* be = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* error = nullptr;
    if (sqlite_api::sqlite3_exec(be->conn_, script.c_str(), nullptr, nullptr, &error) !=
        SQLITE_OK) {
      std::string message = error ? error : "unknown SQLite error";
      sqlite_api::sqlite3_free(error);
      return Status::internal(message);
    }
    return Status::ok();
  }
  auto* be = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGresult* result = PQexec(be->conn_, script.c_str());
  ExecStatusType code = PQresultStatus(result);
  Status status = Status::ok();
  if (code != PGRES_COMMAND_OK && code != PGRES_TUPLES_OK) {
    status = Status::internal(PQresultErrorMessage(result));
  }
  PQclear(result);
  return status;
}

}  // namespace steward::store

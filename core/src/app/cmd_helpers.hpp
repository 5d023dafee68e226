// Small helpers shared by command files: stop a command with a Status, open the database.
#pragma once

#include "app/cli.hpp"

namespace steward::app {

// Prints the status (fail()) and ends the command with exit code 1.
[[noreturn]] inline void stop(const Status& s) { throw CLI::RuntimeError(fail(s)); }

// The configured database, or ends the command with exit code 1 (the error is printed).
inline store::Database& open_database(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

}  // namespace steward::app

// Small helpers shared by command files: stop a command with a Status, open the database, write
// a command's output to a file or standard output.
#pragma once

#include <fstream>
#include <iostream>
#include <string>

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

// Writes `bytes` to `path`, or to standard output when `path` is empty or "-"; a file that
// cannot be written ends the command with a message naming it.
inline void write_output(const std::string& bytes, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << bytes;
    return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) stop(Status::unavailable("cannot write " + path));
  out << bytes;
  if (!out.flush()) stop(Status::unavailable("cannot write " + path));
}

}  // namespace steward::app

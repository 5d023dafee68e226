// Consistent copies of a SQLite database file through SQLite's online backup API: safe while
// Steward is running (the copy is one snapshot, WAL included), used by `steward backup` and
// `steward restore`.
#pragma once

#include <string>

#include "steward/sdk/result.hpp"

namespace steward::store {

// Copies the database `from` (opened read-only) into the file `to` (created or replaced).
// Errors: kUnavailable naming the file and SQLite's message.
Status sqlite_copy(const std::string& from, const std::string& to);

// Whether `path` is a SQLite database that passes PRAGMA integrity_check. Errors: kInvalid with
// SQLite's first complaint.
Status sqlite_integrity_check(const std::string& path);

}  // namespace steward::store

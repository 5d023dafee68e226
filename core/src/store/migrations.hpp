// The migrations runner: brings a database's schema to the version this binary knows.
//
// Migrations are numbered SQL files (migrations/<dialect>/NNNN_name.sql) embedded in the binary
// at build time. Each pending file is applied in its own transaction and recorded in
// `schema_migrations` with its SHA-256. The runner refuses to touch a database when a landed
// migration's checksum differs from the binary's copy (someone edited a landed file) or when the
// database has a version the binary does not know (the database is newer than the binary); the
// error says what to do.
//
// Thread-safety: run one runner per database at a time (steward serve migrates at start-up).
#pragma once

#include <string>
#include <vector>

#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::store {

struct Migration {
  int version = 0;
  std::string name;  // "initial" for 0001_initial.sql
  std::string sql;
};

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;  // UTC, empty when pending
};

// The migrations compiled into this binary for a backend, in version order.
const std::vector<Migration>& embedded_migrations(Backend backend);

// SHA-256 of a migration's text, lower-case hex.
std::string migration_checksum(const std::string& sql);

class MigrationRunner {
 public:
  // Uses the embedded migrations for the database's backend.
  explicit MigrationRunner(Database& db);
  // Uses the given migrations (tests use this to simulate older and newer binaries).
  MigrationRunner(Database& db, std::vector<Migration> migrations);

  // Applies every pending migration; returns how many were applied.
  Result<int> migrate();
  // Checks that the database can be used by this binary: no edited or unknown migrations and
  // nothing pending. Errors: kPreconditionFailed with the reason and the remedy.
  Status check_current();
  // One line per known or recorded migration.
  Result<std::vector<MigrationState>> status();

 private:
  Status verify_applied(soci::session& sql, int& pending);
  Database& db_;
  std::vector<Migration> migrations_;
};

}  // namespace steward::store

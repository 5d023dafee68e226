#include "store/migrations.hpp"

#include <algorithm>
#include <map>

#include <sodium.h>

#include "domain/date.hpp"
#include "store/sql_script.hpp"

namespace steward::store {
namespace {

struct Applied {
  std::string name;
  std::string checksum;
  std::string applied_at;
};

std::string label(int version, const std::string& name) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", version);
  return std::string(buf) + "_" + name;
}

void ensure_table(soci::session& sql, Backend backend) {
  if (backend == Backend::kPostgresql) {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
           " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
  } else {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
           " applied_at TEXT NOT NULL)";
  }
}

std::map<int, Applied> load_applied(soci::session& sql) {
  std::map<int, Applied> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT version, name, checksum, applied_at FROM schema_migrations");
  for (const soci::row& r : rows) {
    Applied a;
    a.name = r.get<std::string>(1);
    a.checksum = r.get<std::string>(2);
    a.applied_at = r.get_properties(3).get_data_type() == soci::dt_date
                       ? std::string()
                       : domain::normalize_timestamp(r.get<std::string>(3));
    out[r.get<int>(0)] = a;
  }
  return out;
}

}  // namespace

std::string migration_checksum(const std::string& sql) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(sql.data()), sql.size());
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : hash) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

MigrationRunner::MigrationRunner(Database& db)
    : MigrationRunner(db, embedded_migrations(db.backend())) {}

MigrationRunner::MigrationRunner(Database& db, std::vector<Migration> migrations)
    : db_(db), migrations_(std::move(migrations)) {
  std::sort(migrations_.begin(), migrations_.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

Status MigrationRunner::verify_applied(soci::session& sql, int& pending) {
  std::map<int, Applied> applied = load_applied(sql);
  int known_max = migrations_.empty() ? 0 : migrations_.back().version;
  for (const auto& [version, a] : applied) {
    auto it = std::find_if(migrations_.begin(), migrations_.end(),
                           [v = version](const Migration& m) { return m.version == v; });
    if (it == migrations_.end()) {
      return Status::precondition_failed(
          "the database has migration " + label(version, a.name) +
          ", which this steward does not know (it knows up to " + std::to_string(known_max) +
          "): the database is newer than this binary; run a newer steward or restore a backup "
          "taken before the upgrade");
    }
    if (migration_checksum(it->sql) != a.checksum) {
      return Status::precondition_failed(
          "migration " + label(version, a.name) +
          " was changed after it was applied to this database (checksum differs): landed "
          "migrations are never edited; restore the original file and put the change in a new "
          "migration");
    }
  }
  pending = 0;
  for (const Migration& m : migrations_) {
    if (!applied.count(m.version)) ++pending;
  }
  return Status::ok();
}

Result<int> MigrationRunner::migrate() {
  try {
    Database::Lease lease(db_);
    soci::session& sql = lease.sql();
    ensure_table(sql, db_.backend());
    int pending = 0;
    Status verified = verify_applied(sql, pending);
    if (!verified) return verified;
    std::map<int, Applied> applied = load_applied(sql);
    int count = 0;
    for (const Migration& m : migrations_) {
      if (applied.count(m.version)) continue;
      soci::transaction tx(sql);
      Status ran = execute_script(sql, db_.backend(), m.sql);
      if (!ran) {
        return Status::internal("migration " + label(m.version, m.name) +
                                " failed: " + ran.message());
      }
      std::string checksum = migration_checksum(m.sql);
      std::string now = domain::utc_now_iso();
      sql << "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
             "VALUES (:v, :n, :c, :a)",
          soci::use(m.version), soci::use(m.name), soci::use(checksum), soci::use(now);
      tx.commit();
      ++count;
    }
    return count;
  } catch (...) {
    return status_from_exception(std::current_exception());
  }
}

Status MigrationRunner::check_current() {
  try {
    Database::Lease lease(db_);
    soci::session& sql = lease.sql();
    ensure_table(sql, db_.backend());
    int pending = 0;
    Status verified = verify_applied(sql, pending);
    if (!verified) return verified;
    if (pending > 0) {
      return Status::precondition_failed(std::to_string(pending) +
                                         " migration(s) pending: run `steward migrate`");
    }
    return Status::ok();
  } catch (...) {
    return status_from_exception(std::current_exception());
  }
}

Result<std::vector<MigrationState>> MigrationRunner::status() {
  try {
    Database::Lease lease(db_);
    soci::session& sql = lease.sql();
    ensure_table(sql, db_.backend());
    std::map<int, Applied> applied = load_applied(sql);
    std::vector<MigrationState> out;
    for (const Migration& m : migrations_) {
      MigrationState s{m.version, m.name, false, ""};
      if (auto it = applied.find(m.version); it != applied.end()) {
        s.applied = true;
        s.applied_at = it->second.applied_at;
        applied.erase(it);
      }
      out.push_back(s);
    }
    for (const auto& [version, a] : applied) {  // recorded but unknown to this binary
      out.push_back({version, a.name + " (unknown to this binary)", true, a.applied_at});
    }
    return out;
  } catch (...) {
    return status_from_exception(std::current_exception());
  }
}

}  // namespace steward::store

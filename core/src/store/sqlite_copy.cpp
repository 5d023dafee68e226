#include "store/sqlite_copy.hpp"

#include <sqlite3.h>

#include <memory>

namespace steward::store {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

Result<Handle> sqlite_copy_open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle db(raw);
  if (rc != SQLITE_OK) {
    return Status::unavailable("cannot open SQLite database " + path + ": " +
                               (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

}  // namespace

Status sqlite_copy(const std::string& from, const std::string& to) {
  auto source = sqlite_copy_open(from, SQLITE_OPEN_READONLY);
  if (!source) return source.status();
  auto dest = sqlite_copy_open(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!dest) return dest.status();
  sqlite3_backup* backup = sqlite3_backup_init(dest->get(), "main", source->get(), "main");
  if (!backup) {
    return Status::unavailable("cannot copy " + from + " to " + to + ": " +
                               sqlite3_errmsg(dest->get()));
  }
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Status::unavailable("cannot copy " + from + " to " + to + ": " + sqlite3_errstr(rc));
  }
  return Status::ok();
}

Status sqlite_integrity_check(const std::string& path) {
  auto db = sqlite_copy_open(path, SQLITE_OPEN_READONLY);
  if (!db) return db.status();
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db->get(), "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::invalid("not a SQLite database: " + std::string(sqlite3_errmsg(db->get())));
  }
  std::string first;
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    first = text ? reinterpret_cast<const char*>(text) : "";
  }
  std::string error = rc == SQLITE_ROW || rc == SQLITE_DONE ? "" : sqlite3_errmsg(db->get());
  sqlite3_finalize(stmt);
  if (!error.empty()) return Status::invalid("not a SQLite database: " + error);
  if (first != "ok") return Status::invalid("the SQLite database is damaged: " + first);
  return Status::ok();
}

}  // namespace steward::store

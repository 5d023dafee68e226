#include "store/database.hpp"

#include <filesystem>
#include <stdexcept>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/database_url.hpp"
#include "store/no_sanitize.hpp"

namespace steward::store {

WriteTransaction::WriteTransaction(soci::session& sql, Backend backend) : sql_(sql) {
  if (backend == Backend::kSqlite) {
    sql_ << "BEGIN IMMEDIATE";
  } else {
    sql_.begin();
  }
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    sql_.rollback();
  } catch (...) {
    // The connection is gone or the transaction already ended; nothing is left to undo.
  }
}

void WriteTransaction::commit() {
  sql_.commit();
  open_ = false;
}

namespace {

// PostgreSQL stopped, restarting or unreachable (libpq and SOCI messages; the SQLSTATEs 57P01-03
// and class 08 arrive in SOCI 4.0.3 without a connection category). The unit did not commit.
bool connection_gone(const std::string& what) {
  for (const char* text :
       {"server closed the connection", "terminating connection", "no connection to the server",
        "could not connect", "Connection refused", "connection to server",
        "the database system is shutting down", "the database system is starting up",
        "the database system is in recovery", "Cannot reconnect", "could not receive data",
        "could not send data", "Session is not connected", "connection pointer is NULL",
        "SSL SYSCALL error"}) {
    if (what.find(text) != std::string::npos) return true;
  }
  return false;
}

// The settings every session runs with, on open and on reconnect.
void configure_session(soci::session& s, Backend backend, int busy_timeout_ms) {
  if (backend == Backend::kPostgresql) {
    s << "SET TIME ZONE 'UTC'";
    s << "SET client_min_messages TO WARNING";
  } else {
    s << "PRAGMA journal_mode = WAL";
    s << "PRAGMA foreign_keys = ON";
    s << "PRAGMA synchronous = NORMAL";
    s << "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms);
  }
}

// PostgreSQL: whether this session must reconnect before use. libpq marks a connection bad once
// a call on it failed (the server stopped or restarted), and a failed reconnect leaves the
// session without a backend; both are checked without a round trip.
STEWARD_NO_SANITIZE_VPTR bool needs_reconnect(soci::session& s) {
  soci::details::session_backend* backend = s.get_backend();
  if (backend == nullptr) return true;
  if (backend->get_backend_name() != "postgresql") return false;
  // static_cast: libsoci_postgresql exports no typeinfo for dynamic_cast.
  auto* pg = static_cast<soci::postgresql_session_backend*>(backend);
  return pg->conn_ == nullptr || PQstatus(pg->conn_) != CONNECTION_OK;
}

}  // namespace

Status status_from_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const soci::soci_error& e) {
    std::string what = e.get_error_message();
    switch (e.get_error_category()) {
      case soci::soci_error::constraint_violation:
        return Status::conflict("the change breaks a database rule: " + what);
      case soci::soci_error::connection_error:
        return Status::unavailable("database unavailable: " + what);
      default:
        break;
    }
    // SQLite reports constraint failures with a generic category in SOCI 4.0.3.
    if (what.find("constraint failed") != std::string::npos ||
        what.find("UNIQUE constraint") != std::string::npos ||
        what.find("FOREIGN KEY constraint") != std::string::npos) {
      return Status::conflict("the change breaks a database rule: " + what);
    }
    if (connection_gone(what)) return Status::unavailable("database unavailable: " + what);
    // PostgreSQL aborted this unit for a conflicting concurrent one (SQLSTATE 40P01, 40001):
    // nothing was written and the same request may work a moment later.
    if (what.find("deadlock detected") != std::string::npos ||
        what.find("could not serialize access") != std::string::npos) {
      return Status::unavailable("the database was busy with a conflicting change: " + what);
    }
    if (what.find("database is locked") != std::string::npos) {
      return Status::unavailable("database is busy: " + what);
    }
    // A full disk (or a file size limit): SQLite says SQLITE_FULL or SQLITE_IOERR, PostgreSQL
    // SQLSTATE 53100. The unit rolled back; nothing was written, and it may work again later.
    if (what.find("database or disk is full") != std::string::npos ||
        what.find("disk I/O error") != std::string::npos ||
        what.find("No space left on device") != std::string::npos ||
        what.find("could not extend file") != std::string::npos) {
      return Status::unavailable("the database cannot write to its disk (is it full?): " + what);
    }
    return Status::internal("database error: " + what);
  } catch (const std::exception& e) {
    return Status::internal(e.what());
  } catch (...) {
    return Status::internal("unknown error");
  }
}

Database::Database(Backend backend, std::string url, std::size_t pool_size)
    : backend_(backend),
      url_(std::move(url)),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const std::string& url, Options options) {
  if (options.pool_size == 0) return Status::invalid_field("pool_size", "must be at least 1");
  Backend backend;
  std::string connect;
  if (is_postgresql_url(url)) {
    backend = Backend::kPostgresql;
    auto conninfo = libpq_conninfo(url);
    if (!conninfo) return conninfo.status();
    connect = *conninfo;
  } else if (auto sqlite = sqlite_path_of(url)) {
    backend = Backend::kSqlite;
    const std::string& path = *sqlite;
    if (path.empty()) return Status::invalid_field("database", "the SQLite URL names no file");
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent)) {
      return Status::unavailable("cannot open SQLite database " + path + ": folder " +
                                 parent.string() + " does not exist");
    }
    connect = "db=\"" + path + "\" timeout=" + std::to_string(options.busy_timeout_ms / 1000 + 1) +
              " shared_cache=false";
  } else {
    return Status::invalid_field("database", "unsupported database URL '" + redact_url(url) +
                                                 "': use sqlite:PATH or postgresql://...");
  }

  std::unique_ptr<Database> db(new Database(backend, url, options.pool_size));
  try {
    for (std::size_t i = 0; i < options.pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      if (backend == Backend::kPostgresql) {
        s.open(soci::postgresql, connect);
      } else {
        s.open(soci::sqlite3, connect);
      }
      configure_session(s, backend, options.busy_timeout_ms);
    }
  } catch (const soci::soci_error& e) {
    return Status::unavailable("cannot open database " + redact_url(url) + ": " +
                               e.get_error_message());
  }
  return db;
}

// A PostgreSQL session whose server went away reconnects here, on its next lease, so the pool
// heals by itself once the server is back; while it is down the reconnect fails at once
// (connection refused) and the unit answers kUnavailable. Decision 0191.
Database::Lease::Lease(Database& db)
    : db_(db), position_(db.pool_->lease()), session_(&db.pool_->at(position_)) {
  if (db.backend_ != Backend::kPostgresql || !needs_reconnect(*session_)) return;
  try {
    session_->reconnect();
    configure_session(*session_, Backend::kPostgresql, 0);
  } catch (...) {
    db_.pool_->give_back(position_);
    throw;
  }
}

Database::Lease::~Lease() { db_.pool_->give_back(position_); }

}  // namespace steward::store

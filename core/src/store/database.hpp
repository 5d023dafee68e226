// Database: a pool of SOCI sessions over SQLite or PostgreSQL, and units of work on it.
//
// Database::open(url) picks the backend from the URL: "sqlite:PATH", a plain file path, or
// "postgresql://..." / "postgres://...". SQLite connections use WAL, foreign keys and a busy
// timeout; PostgreSQL sessions run with TimeZone=UTC.
//
// All access goes through read() and write(). write() runs the callback inside one transaction
// on one pooled session: it commits when the callback returns an ok Status/Result and rolls back
// otherwise, or when it throws. SOCI errors thrown inside are mapped to a Status by category
// (a constraint violation becomes kConflict), so no database error escapes as an exception.
//
// Thread-safety: a Database may be shared by any number of threads; each unit of work holds its
// own session for its duration. A Unit must not be shared between threads.
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <soci/soci.h>

#include "steward/sdk/result.hpp"

namespace steward::store {

enum class Backend { kSqlite, kPostgresql };

// Who is making a change, recorded in the audit trail ("cli:root", "user:42", "system").
struct Actor {
  std::string name = "system";
  std::string remote_addr;
};

// One unit of work: a session with an open transaction (for writes) and the acting user.
class Unit {
 public:
  Unit(soci::session& sql, Backend backend, const Actor& actor)
      : sql_(sql), backend_(backend), actor_(actor) {}
  soci::session& sql() { return sql_; }
  Backend backend() const { return backend_; }
  bool is_postgresql() const { return backend_ == Backend::kPostgresql; }
  const Actor& actor() const { return actor_; }

 private:
  soci::session& sql_;
  Backend backend_;
  const Actor& actor_;
};

// The transaction of one write unit. On SQLite it begins with BEGIN IMMEDIATE, so the unit
// takes the write lock before its first read: a deferred BEGIN lets two read-then-write units
// race, and the loser fails with SQLITE_BUSY at once (busy_timeout cannot help it). On
// PostgreSQL it is a plain BEGIN. The destructor rolls back unless commit() was called.
class WriteTransaction {
 public:
  WriteTransaction(soci::session& sql, Backend backend);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

// Maps an exception thrown by SOCI (or anything else) inside a unit of work to a Status.
Status status_from_exception(std::exception_ptr error);

namespace detail {
template <typename R>
bool result_ok(const R& r) {
  return r.is_ok();
}
template <typename R>
struct is_result : std::false_type {};
template <typename T>
struct is_result<Result<T>> : std::true_type {};
}  // namespace detail

class Database {
 public:
  struct Options {
    std::size_t pool_size = 4;
    int busy_timeout_ms = 5000;  // SQLite: how long a writer waits for the lock
  };

  // Opens `url` and fills the pool. Errors: kInvalid for an unrecognised URL, kUnavailable when
  // the server or file cannot be opened (the message says which and why).
  static Result<std::unique_ptr<Database>> open(const std::string& url, Options options);
  static Result<std::unique_ptr<Database>> open(const std::string& url) {
    return open(url, Options{});
  }

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  bool is_postgresql() const { return backend_ == Backend::kPostgresql; }
  const std::string& url() const { return url_; }
  std::size_t pool_size() const { return pool_size_; }

  // Runs fn(Unit&) in one transaction; fn returns Status or Result<T>; so does write().
  template <typename F>
  auto write(const Actor& actor, F&& fn) -> decltype(fn(std::declval<Unit&>()));

  // Runs fn(Unit&) without an explicit transaction (single statements are atomic). Use write()
  // whenever the callback changes anything.
  template <typename F>
  auto read(F&& fn) -> decltype(fn(std::declval<Unit&>()));

  // A session leased from the pool for the lifetime of the lease (for the migrations runner
  // and bulk loaders that manage their own transactions).
  class Lease {
   public:
    explicit Lease(Database& db);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& sql() { return *session_; }

   private:
    Database& db_;
    std::size_t position_;
    soci::session* session_;
  };

 private:
  Database(Backend backend, std::string url, std::size_t pool_size);

  Backend backend_;
  std::string url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

template <typename F>
auto Database::write(const Actor& actor, F&& fn) -> decltype(fn(std::declval<Unit&>())) {
  using R = decltype(fn(std::declval<Unit&>()));
  static_assert(std::is_same_v<R, Status> || detail::is_result<R>::value,
                "a unit of work returns Status or Result<T>");
  try {
    Lease lease(*this);
    WriteTransaction tx(lease.sql(), backend_);
    Unit unit(lease.sql(), backend_, actor);
    R result = fn(unit);
    if (detail::result_ok(result)) tx.commit();  // otherwise the transaction rolls back
    return result;
  } catch (...) {
    return status_from_exception(std::current_exception());
  }
}

template <typename F>
auto Database::read(F&& fn) -> decltype(fn(std::declval<Unit&>())) {
  using R = decltype(fn(std::declval<Unit&>()));
  static_assert(std::is_same_v<R, Status> || detail::is_result<R>::value,
                "a unit of work returns Status or Result<T>");
  try {
    Lease lease(*this);
    static const Actor kReader{"reader", ""};
    Unit unit(lease.sql(), backend_, kReader);
    return fn(unit);
  } catch (...) {
    return status_from_exception(std::current_exception());
  }
}

}  // namespace steward::store

// Appends many rows to one table fast, inside the caller's unit of work: PostgreSQL's
// COPY ... FROM STDIN (text format, values escaped, never spliced into SQL) or, on SQLite, one
// prepared INSERT re-executed per row with every value bound. For bulk loads that set their own
// ids (reserve_ids) and need no RETURNING: the synthetic data generator and the demo load.
//
// Usage:
//   BulkWriter w(unit, "emails", {"constituent_id", "email", "is_primary"});
//   w.add(id).add(email).add(true).end_row();   // once per row, values in column order
//   w.finish();                                 // flushes; errors throw soci::soci_error
// Table and column names are code constants, never input. Booleans are written 1/0 (SQLite
// INTEGER and PostgreSQL BOOLEAN both read them). Not thread-safe; one writer per unit at a time
// (COPY holds the connection until finish()).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace steward::store {

class BulkWriter {
 public:
  BulkWriter(Unit& unit, std::string table, std::vector<std::string> columns);
  ~BulkWriter();  // abandons an unfinished COPY (the caller's transaction then rolls back)
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  BulkWriter& add(long long value);
  BulkWriter& add(int value) { return add(static_cast<long long>(value)); }
  BulkWriter& add(long value) { return add(static_cast<long long>(value)); }
  BulkWriter& add(unsigned value) { return add(static_cast<long long>(value)); }
  BulkWriter& add(bool value) { return add(value ? 1LL : 0LL); }
  BulkWriter& add(std::string_view value);
  BulkWriter& add(const char* value) { return add(std::string_view(value)); }
  BulkWriter& add(const std::string& value) { return add(std::string_view(value)); }
  BulkWriter& add(const std::optional<std::string>& value);
  BulkWriter& add(const std::optional<long long>& value);
  BulkWriter& null();
  void end_row();  // throws std::logic_error when the row has the wrong number of values
  void finish();
  long long rows() const { return rows_; }

  class Sink;  // the backend's way of writing rows (bulk_writer.cpp)

 private:
  void value(std::optional<std::string_view> text);

  std::unique_ptr<Sink> sink_;
  std::size_t columns_ = 0, filled_ = 0;
  long long rows_ = 0;
};

// Reserves `count` consecutive ids of `table`'s id column for rows the caller inserts with
// explicit ids, and returns the first. PostgreSQL advances the identity sequence; SQLite starts
// after the largest id (its write lock is held by the unit, so nobody else takes them).
long long reserve_ids(Unit& unit, std::string_view table, long long count);

}  // namespace steward::store

#include "store/bulk_writer.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stdexcept>

#include "store/no_sanitize.hpp"

namespace steward::store {

class BulkWriter::Sink {
 public:
  virtual ~Sink() = default;
  virtual void value(std::optional<std::string_view> text, bool last) = 0;
  virtual void finish() = 0;
};

namespace {

std::string bulk_join(const std::vector<std::string>& columns, const char* separator,
                      const char* prefix = "") {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += separator;
    out += prefix;
    out += columns[i];
  }
  return out;
}

// COPY text format: tab-separated, \N for NULL, backslash escapes for the separators.
class CopySink final : public BulkWriter::Sink {
 public:
  STEWARD_NO_SANITIZE_VPTR CopySink(soci::session& sql, const std::string& table,
                                    const std::vector<std::string>& columns)
      : conn_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_) {
    std::string command = "COPY " + table + " (" + bulk_join(columns, ", ") + ") FROM STDIN";
    PGresult* result = PQexec(conn_, command.c_str());
    bool ok = PQresultStatus(result) == PGRES_COPY_IN;
    std::string error = ok ? "" : PQresultErrorMessage(result);
    PQclear(result);
    if (!ok) throw soci::soci_error("COPY " + table + " failed: " + error);
    active_ = true;
  }

  ~CopySink() override {
    if (!active_) return;
    PQputCopyEnd(conn_, "abandoned");
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
  }

  void value(std::optional<std::string_view> text, bool last) override {
    if (!text) {
      buffer_ += "\\N";
    } else {
      for (char c : *text) {
        switch (c) {
          case '\\':
            buffer_ += "\\\\";
            break;
          case '\t':
            buffer_ += "\\t";
            break;
          case '\n':
            buffer_ += "\\n";
            break;
          case '\r':
            buffer_ += "\\r";
            break;
          default:
            buffer_ += c;
        }
      }
    }
    buffer_ += last ? '\n' : '\t';
    if (last && buffer_.size() >= kFlushBytes) flush();
  }

  void finish() override {
    flush();
    active_ = false;
    if (PQputCopyEnd(conn_, nullptr) != 1) throw error("ending COPY");
    std::string failure;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK && failure.empty())
        failure = PQresultErrorMessage(r);
      PQclear(r);
    }
    if (!failure.empty()) throw soci::soci_error("COPY failed: " + failure);
  }

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;

  void flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
      throw error("sending COPY data");
    buffer_.clear();
  }
  soci::soci_error error(const char* what) const {
    return soci::soci_error(std::string(what) + ": " + PQerrorMessage(conn_));
  }

  PGconn* conn_;
  std::string buffer_;
  bool active_ = false;
};

// One prepared INSERT re-executed per row, every value bound as text (SQLite's column affinity
// stores integers as integers). Straight on SQLite's API: SOCI's per-execute overhead was most
// of the load time.
// SQLITE_TRANSIENT is SQLite's own integer-to-pointer constant; there is no other spelling.
const sqlite_api::sqlite3_destructor_type kTransient =
    reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1);  // NOLINT(performance-no-int-to-ptr)

class InsertSink final : public BulkWriter::Sink {
 public:
  STEWARD_NO_SANITIZE_VPTR InsertSink(soci::session& sql, const std::string& table,
                                      const std::vector<std::string>& columns)
      : conn_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {
    std::string text = "INSERT INTO " + table + " (" + bulk_join(columns, ", ") + ") VALUES (" +
                       bulk_join(columns, ", ", ":") + ")";
    if (sqlite_api::sqlite3_prepare_v2(conn_, text.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
      throw error("preparing the insert into " + table);
  }

  ~InsertSink() override { sqlite_api::sqlite3_finalize(statement_); }

  void value(std::optional<std::string_view> text, bool last) override {
    int index = ++next_;
    int rc = text ? sqlite_api::sqlite3_bind_text(statement_, index, text->data(),
                                                  static_cast<int>(text->size()), kTransient)
                  : sqlite_api::sqlite3_bind_null(statement_, index);
    if (rc != SQLITE_OK) throw error("binding a value");
    if (!last) return;
    next_ = 0;
    rc = sqlite_api::sqlite3_step(statement_);
    sqlite_api::sqlite3_reset(statement_);
    if (rc != SQLITE_DONE) throw error("inserting a row");
  }

  void finish() override {}

 private:
  soci::soci_error error(const std::string& what) const {
    return soci::soci_error(what + ": " + sqlite_api::sqlite3_errmsg(conn_));
  }

  sqlite_api::sqlite3* conn_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
  int next_ = 0;
};

}  // namespace

BulkWriter::BulkWriter(Unit& unit, std::string table, std::vector<std::string> columns)
    : columns_(columns.size()) {
  if (columns.empty()) throw std::logic_error("BulkWriter: no columns for " + table);
  if (unit.is_postgresql())
    sink_ = std::make_unique<CopySink>(unit.sql(), table, columns);
  else
    sink_ = std::make_unique<InsertSink>(unit.sql(), table, columns);
}

BulkWriter::~BulkWriter() = default;

void BulkWriter::value(std::optional<std::string_view> text) {
  if (filled_ >= columns_) throw std::logic_error("BulkWriter: more values than columns");
  ++filled_;
  sink_->value(text, filled_ == columns_);
}

BulkWriter& BulkWriter::add(long long v) {
  value(std::to_string(v));
  return *this;
}
BulkWriter& BulkWriter::add(std::string_view v) {
  value(v);
  return *this;
}
BulkWriter& BulkWriter::add(const std::optional<std::string>& v) {
  if (!v) return null();
  value(std::string_view(*v));
  return *this;
}
BulkWriter& BulkWriter::add(const std::optional<long long>& v) {
  if (!v) return null();
  return add(*v);
}
BulkWriter& BulkWriter::null() {
  value(std::nullopt);
  return *this;
}

void BulkWriter::end_row() {
  if (filled_ != columns_)
    throw std::logic_error("BulkWriter: a row has " + std::to_string(filled_) + " of " +
                           std::to_string(columns_) + " values");
  filled_ = 0;
  ++rows_;
}

void BulkWriter::finish() {
  if (filled_ != 0) throw std::logic_error("BulkWriter: finish() in the middle of a row");
  sink_->finish();
}

long long reserve_ids(Unit& unit, std::string_view table, long long count) {
  if (count <= 0) return 0;
  long long first = 0;
  std::string name(table);
  if (unit.is_postgresql()) {
    long long last = 0;
    unit.sql() << "SELECT setval(pg_get_serial_sequence('" + name +
                      "', 'id'), nextval("
                      "pg_get_serial_sequence('" +
                      name + "', 'id')) + :n - 1)",
        soci::use(count), soci::into(last);
    first = last - count + 1;
  } else {
    unit.sql() << "SELECT COALESCE(MAX(id), 0) + 1 FROM " + name, soci::into(first);
  }
  return first;
}

}  // namespace steward::store

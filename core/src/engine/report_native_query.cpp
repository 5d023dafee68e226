#include "engine/report_native_query.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <cstdlib>
#include <string>

#include "engine/report_sandbox.hpp"
#include "store/no_sanitize.hpp"

namespace steward::engine::detail {
namespace {

using sdk::Value;
using sqlite_api::sqlite3_destructor_type;  // for SQLITE_TRANSIENT

class SqliteQuery : public sdk::QueryCapability {
 public:
  STEWARD_NO_SANITIZE_VPTR explicit SqliteQuery(soci::session& sql)
      : db_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {}

  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<Value>& params) const override {
    if (Status s = check_report_sql(sql); !s) return s;
    sqlite_api::sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc =
        sqlite_api::sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK) return error(rc);
    struct Finalize {
      sqlite_api::sqlite3_stmt* s;
      ~Finalize() { sqlite_api::sqlite3_finalize(s); }
    } finalize{stmt};
    if (stmt == nullptr) return Status::invalid_field("sql", "is empty");
    if (!sqlite_api::sqlite3_stmt_readonly(stmt))
      return Status::permission_denied("report query refused: reports may not change data");
    const int expected = sqlite_api::sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size()))
      return Status::invalid_field("params", "the query has " + std::to_string(expected) +
                                                 " placeholder(s) but " +
                                                 std::to_string(params.size()) + " value(s)");
    for (int i = 0; i < expected; ++i) bind(stmt, i + 1, params[static_cast<std::size_t>(i)]);
    sdk::QueryRows out;
    const int n = sqlite_api::sqlite3_column_count(stmt);
    for (int c = 0; c < n; ++c) out.columns.emplace_back(sqlite_api::sqlite3_column_name(stmt, c));
    while ((rc = sqlite_api::sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> row;
      row.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        switch (sqlite_api::sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            row.emplace_back(static_cast<std::int64_t>(sqlite_api::sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            row.emplace_back(sqlite_api::sqlite3_column_double(stmt, c));
            break;
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          default: {
            const auto* text = sqlite_api::sqlite3_column_text(stmt, c);
            int bytes = sqlite_api::sqlite3_column_bytes(stmt, c);
            row.emplace_back(
                std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)));
          }
        }
      }
      out.rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return error(rc);
    return out;
  }

 private:
  Status error(int rc) const {
    std::string message = sqlite_api::sqlite3_errmsg(db_);
    if (rc == SQLITE_AUTH || rc == SQLITE_READONLY)
      return Status::permission_denied("report query refused: " + message +
                                       " (reports may read only the analytics views)");
    return Status::invalid_field("sql", message);
  }
  static void bind(sqlite_api::sqlite3_stmt* stmt, int i, const Value& v) {
    switch (sdk::type_of(v)) {
      case sdk::ValueType::kNull:
        sqlite_api::sqlite3_bind_null(stmt, i);
        break;
      case sdk::ValueType::kBoolean:
        sqlite_api::sqlite3_bind_int64(stmt, i, std::get<bool>(v) ? 1 : 0);
        break;
      case sdk::ValueType::kInteger:
        sqlite_api::sqlite3_bind_int64(stmt, i, std::get<std::int64_t>(v));
        break;
      case sdk::ValueType::kNumber:
        sqlite_api::sqlite3_bind_double(stmt, i, std::get<double>(v));
        break;
      case sdk::ValueType::kText: {
        const auto& s = std::get<std::string>(v);
        sqlite_api::sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()),
                                      SQLITE_TRANSIENT);
        break;
      }
      case sdk::ValueType::kDate: {
        std::string s = std::get<sdk::Date>(v).iso();
        sqlite_api::sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()),
                                      SQLITE_TRANSIENT);
        break;
      }
      case sdk::ValueType::kMoney:
        sqlite_api::sqlite3_bind_int64(stmt, i, std::get<sdk::Money>(v).minor);
        break;
    }
  }
  sqlite_api::sqlite3* db_;
};

// PostgreSQL type OIDs (pg_type.h).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

class PostgresqlQuery : public sdk::QueryCapability {
 public:
  STEWARD_NO_SANITIZE_VPTR explicit PostgresqlQuery(soci::session& sql)
      : conn_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_) {}

  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<Value>& params) const override {
    if (Status s = check_report_sql(sql); !s) return s;
    std::string text = to_numbered_placeholders(sql);
    std::vector<std::string> values(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    std::vector<Oid> types(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      switch (sdk::type_of(v)) {
        case sdk::ValueType::kNull:
          continue;
        case sdk::ValueType::kBoolean:
          values[i] = std::get<bool>(v) ? "true" : "false";
          types[i] = kBool;
          break;
        case sdk::ValueType::kInteger:
          values[i] = std::to_string(std::get<std::int64_t>(v));
          types[i] = kInt8;
          break;
        case sdk::ValueType::kNumber:
          values[i] = std::to_string(std::get<double>(v));
          types[i] = kFloat8;
          break;
        case sdk::ValueType::kText:
          values[i] = std::get<std::string>(v);
          break;
        case sdk::ValueType::kDate:
          values[i] = std::get<sdk::Date>(v).iso();
          break;
        case sdk::ValueType::kMoney:
          values[i] = std::to_string(std::get<sdk::Money>(v).minor);
          types[i] = kInt8;
          break;
      }
      pointers[i] = values[i].c_str();
    }
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), types.data(),
                                 pointers.data(), nullptr, nullptr, 0);
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{res};
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
      std::string message = PQresultErrorMessage(res);
      while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      std::string code = state ? state : "";
      if (code == "42501" || code == "25006" || PQresultStatus(res) == PGRES_COMMAND_OK)
        return Status::permission_denied("report query refused: " + message +
                                         " (reports may read only the analytics views)");
      return Status::invalid_field("sql", message);
    }
    sdk::QueryRows out;
    const int n = PQnfields(res);
    for (int c = 0; c < n; ++c) out.columns.emplace_back(PQfname(res, c));
    const int rows = PQntuples(res);
    out.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> row;
      row.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::monostate{});
          continue;
        }
        std::string cell = PQgetvalue(res, r, c);
        const Oid type = PQftype(res, c);
        if (type == kInt8 || type == kInt2 || type == kInt4) {
          row.emplace_back(static_cast<std::int64_t>(std::strtoll(cell.c_str(), nullptr, 10)));
        } else if (type == kBool) {
          row.emplace_back(static_cast<std::int64_t>(cell == "t" ? 1 : 0));
        } else if (type == kFloat4 || type == kFloat8) {
          row.emplace_back(std::strtod(cell.c_str(), nullptr));
        } else if (type == kNumeric) {
          if (cell.find_first_of(".eEN") == std::string::npos)
            row.emplace_back(static_cast<std::int64_t>(std::strtoll(cell.c_str(), nullptr, 10)));
          else
            row.emplace_back(std::strtod(cell.c_str(), nullptr));
        } else {
          row.emplace_back(std::move(cell));
        }
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  PGconn* conn_;
};

}  // namespace

std::unique_ptr<sdk::QueryCapability> make_sqlite_query(soci::session& sql) {
  return std::make_unique<SqliteQuery>(sql);
}
std::unique_ptr<sdk::QueryCapability> make_postgresql_query(soci::session& sql) {
  return std::make_unique<PostgresqlQuery>(sql);
}

}  // namespace steward::engine::detail

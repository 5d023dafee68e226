#include "engine/report_sandbox.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <set>

#include "engine/report_native_query.hpp"
#include "store/no_sanitize.hpp"

namespace steward::engine {

// What the SQLite authorizer allows at the top level of a report's statement.
struct SqliteAuthorizerState {
  std::set<std::string> views;
  std::set<std::string> unfiltered;  // views whose rows a COUNT(*) may reach without a column
  std::string database;              // "main", or "temp" for a limited caller
};

namespace {

// The filter each restricted-aware view gets in a limited caller's TEMP view.
struct ViewFilter {
  const char* name;
  const char* where;  // empty: not filtered (funds, campaigns, appeals)
};
constexpr ViewFilter kViews[] = {
    {"analytics_constituents", "restricted = 0"},
    {"analytics_gifts", "restricted = 0"},
    {"analytics_allocations", "restricted = 0"},
    {"analytics_soft_credits", "restricted = 0 AND donor_restricted = 0"},
    {"analytics_recurring_plans", "restricted = 0"},
    {"analytics_funds", ""},
    {"analytics_campaigns", ""},
    {"analytics_appeals", ""},
};

int authorize(void* user, int action, const char* a1, const char* a2, const char* db,
              const char* inner) {
  const auto* state = static_cast<const SqliteAuthorizerState*>(user);
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_FUNCTION:
      return (a2 != nullptr && std::string(a2) == "load_extension") ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_READ: {
      if (inner != nullptr) return SQLITE_OK;  // inside one of the views
      if (a1 == nullptr) return SQLITE_DENY;
      if (a2 == nullptr || *a2 == '\0') {
        // A table read for its rows only (COUNT(*)): SQLite names no schema, so a limited caller
        // may do this only with views that are not filtered (main.analytics_gifts would count
        // restricted gifts). The views are never flattened (migration 0011), so this names a
        // view, not a table inside one.
        return state->unfiltered.count(a1) ? SQLITE_OK : SQLITE_DENY;
      }
      if (db != nullptr && state->views.count(a1) && state->database == db) return SQLITE_OK;
      return SQLITE_DENY;
    }
    default:
      return SQLITE_DENY;
  }
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char ch : name) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

const std::vector<std::string>& analytics_view_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& v : kViews) out.emplace_back(v.name);
    return out;
  }();
  return names;
}

ReportSandbox::ReportSandbox(store::Unit& unit, bool sees_restricted)
    : unit_(unit), sees_restricted_(sees_restricted) {}

Result<std::unique_ptr<ReportSandbox>> ReportSandbox::open(store::Unit& unit,
                                                           bool sees_restricted) {
  std::unique_ptr<ReportSandbox> box(new ReportSandbox(unit, sees_restricted));
  Status s;
  try {
    s = box->setup();
  } catch (const std::exception& e) {
    s = Status::unavailable(std::string("cannot prepare the report session: ") + e.what());
  }
  if (!s) return s;  // the destructor undoes whatever was set up
  return box;
}

STEWARD_NO_SANITIZE_VPTR Status ReportSandbox::setup() {
  soci::session& sql = unit_.sql();
  if (!unit_.is_postgresql()) {
    for (const auto& v : kViews) sql << "DROP VIEW IF EXISTS temp." + std::string(v.name);
    if (!sees_restricted_) {
      for (const auto& v : kViews) {
        std::string where = *v.where ? std::string(" WHERE ") + v.where : "";
        sql << "CREATE TEMP VIEW " + std::string(v.name) + " AS SELECT * FROM main." + v.name +
                   where;
      }
    }
    sql << "PRAGMA query_only", soci::into(previous_query_only_);
    sql.begin();
    began_ = true;
    sql << "PRAGMA query_only = ON";
    authorizer_ = std::make_unique<SqliteAuthorizerState>();
    for (const auto& v : kViews) {
      authorizer_->views.insert(v.name);
      if (sees_restricted_ || !*v.where) authorizer_->unfiltered.insert(v.name);
    }
    authorizer_->database = sees_restricted_ ? "main" : "temp";
    auto* be = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    sqlite_api::sqlite3_set_authorizer(be->conn_, &authorize, authorizer_.get());
    capability_ = detail::make_sqlite_query(sql);
    return Status::ok();
  }
  std::string schema;
  sql << "SELECT current_schema()", soci::into(schema);
  int roles = 0;
  sql << "SELECT COUNT(*) FROM pg_roles WHERE rolname IN "
         "('steward_report_all', 'steward_report_limited')",
      soci::into(roles);
  if (roles != 2)
    return Status::unavailable(
        "reports need the database roles steward_report_all and steward_report_limited; run "
        "`steward migrate` as a database user allowed to create roles (docs/analyst-guide.md)");
  sql.begin();
  began_ = true;
  if (!sees_restricted_) {
    for (const auto& v : kViews) {
      if (!*v.where) continue;
      sql << "CREATE TEMP VIEW " + std::string(v.name) + " AS SELECT * FROM " +
                 quote_identifier(schema) + "." + v.name + " WHERE " + v.where;
      sql << "GRANT SELECT ON pg_temp." + std::string(v.name) + " TO steward_report_limited";
    }
    sql << "SET LOCAL ROLE steward_report_limited";
  } else {
    sql << "SET LOCAL ROLE steward_report_all";
  }
  sql << "SET LOCAL transaction_read_only = on";
  // Dates a report selects (received_date, migration 0026) come back as YYYY-MM-DD whatever the
  // server's or the role's DateStyle, as they do on SQLite.
  sql << "SET LOCAL DateStyle = 'ISO, YMD'";
  capability_ = detail::make_postgresql_query(sql);
  return Status::ok();
}

STEWARD_NO_SANITIZE_VPTR void ReportSandbox::teardown() {
  soci::session& sql = unit_.sql();
  capability_.reset();
  if (!unit_.is_postgresql()) {
    auto* be = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    sqlite_api::sqlite3_set_authorizer(be->conn_, nullptr, nullptr);
    authorizer_.reset();
    try {
      sql << "PRAGMA query_only = " + std::to_string(previous_query_only_ ? 1 : 0);
      if (began_) sql.rollback();
      for (const auto& v : kViews) sql << "DROP VIEW IF EXISTS temp." + std::string(v.name);
    } catch (...) {
      // A session left with temp views hides restricted rows: safe, and the next run drops them.
    }
    return;
  }
  try {
    if (began_) sql.rollback();  // drops the temp views and resets the role
  } catch (...) {
  }
}

ReportSandbox::~ReportSandbox() { teardown(); }

}  // namespace steward::engine

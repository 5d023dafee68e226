#include "engine/reporting_role.hpp"

#include <sodium.h>

#include <regex>

#include "store/audit.hpp"

namespace steward::engine {
namespace {

std::string generated_password() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";  // no 0/O, 1/l/I
  constexpr std::uint32_t kSize = sizeof(kAlphabet) - 1;
  std::string out;
  for (int i = 0; i < 24; ++i) out += kAlphabet[randombytes_uniform(kSize)];
  return out;
}

// Runs a statement the server builds with format(): identifiers through %I, literals through
// %L, from bound values, so nothing the caller typed is spliced into SQL by Steward.
void run_formatted(store::Unit& unit, const std::string& pattern,
                   const std::vector<std::string>& args) {
  // format() is variadic over "any": each argument is cast to text so PostgreSQL knows its type.
  std::string sql = "SELECT format(CAST(:pattern AS TEXT)";
  for (std::size_t i = 0; i < args.size(); ++i)
    sql += ", CAST(:a" + std::to_string(i) + " AS TEXT)";
  sql += ")";
  std::string statement;
  soci::statement st(unit.sql());
  st.exchange(soci::use(pattern, "pattern"));
  for (std::size_t i = 0; i < args.size(); ++i)
    st.exchange(soci::use(args[i], "a" + std::to_string(i)));
  st.exchange(soci::into(statement));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  unit.sql() << statement;
}

constexpr const char* kNeedsPostgresql =
    "reporting roles need PostgreSQL; with SQLite, give the BI tool a copy of the database "
    "made with `steward backup` and point it at the report_* views";

Status reporting_role_check_name(const std::string& name) {
  static const std::regex kName("[a-z_][a-z0-9_]{0,62}");
  if (!std::regex_match(name, kName))
    return Status::invalid_field("name",
                                 "use lowercase letters, digits and _ (starting with a letter or "
                                 "_), at most 63 characters");
  return Status::ok();
}

// The fingerprint of a role create_reporting_role made for the current schema.
constexpr const char* kIsReportingRole =
    "r.rolcanlogin AND NOT r.rolsuper AND NOT r.rolcreaterole"
    " AND r.rolconfig @> ARRAY['default_transaction_read_only=on']::text[]"
    " AND has_table_privilege(r.oid, quote_ident(current_schema()) || '.report_gifts', 'SELECT')";

Status may_create_roles(store::Unit& unit) {
  int may = 0;
  unit.sql() << "SELECT CASE WHEN rolsuper OR rolcreaterole THEN 1 ELSE 0 END FROM pg_roles"
                " WHERE rolname = current_user",
      soci::into(may);
  if (!may)
    return Status::permission_denied(
        "the database user Steward connects as may not create or drop roles (it needs "
        "CREATEROLE)");
  return Status::ok();
}

}  // namespace

const std::vector<std::string>& reporting_view_names() {
  static const std::vector<std::string> names{
      "report_constituents", "report_gifts", "report_allocations", "report_soft_credits",
      "report_recurring",    "report_funds", "report_campaigns",   "report_appeals"};
  return names;
}

Result<ReportingRole> create_reporting_role(store::Database& db, const store::Actor& actor,
                                            const std::string& name,
                                            const std::optional<std::string>& password) {
  if (Status bad = reporting_role_check_name(name); !bad) return bad;
  if (name.rfind("pg_", 0) == 0 || name.rfind("steward_report", 0) == 0)
    return Status::invalid_field("name", "pg_ and steward_report are reserved prefixes");
  ReportingRole role;
  role.name = name;
  if (password) {
    if (password->size() < 12)
      return Status::invalid_field("password", "must be at least 12 characters");
    if (password->find_first_of("\r\n") != std::string::npos)
      return Status::invalid_field("password", "must be one line");
    role.password = *password;
  } else {
    role.password = generated_password();
    role.password_generated = true;
  }
  if (db.backend() != store::Backend::kPostgresql)
    return Status::precondition_failed(kNeedsPostgresql);
  auto done = db.write(actor, [&](store::Unit& unit) -> Result<ReportingRole> {
    int exists = 0;
    unit.sql() << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :n", soci::use(name),
        soci::into(exists);
    if (exists > 0) return Status::conflict("a database role named " + name + " already exists");
    if (Status may = may_create_roles(unit); !may) return may;
    unit.sql() << "SELECT current_schema()", soci::into(role.schema);
    run_formatted(unit,
                  "CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE "
                  "NOINHERIT NOREPLICATION",
                  {name, role.password});
    run_formatted(unit, "GRANT USAGE ON SCHEMA %I TO %I", {role.schema, name});
    for (const std::string& view : reporting_view_names())
      run_formatted(unit, "GRANT SELECT ON %I.%I TO %I", {role.schema, view, name});
    run_formatted(unit, "ALTER ROLE %I SET search_path = %I", {name, role.schema});
    run_formatted(unit, "ALTER ROLE %I SET default_transaction_read_only = on", {name});
    nlohmann::json after = {{"name", name},
                            {"schema", role.schema},
                            {"views", reporting_view_names()},
                            {"password_generated", role.password_generated}};
    store::record_audit(unit, "create", "reporting_role", 0, nullptr, after);
    return role;
  });
  return done;
}

Result<std::vector<std::string>> list_reporting_roles(store::Database& db) {
  if (db.backend() != store::Backend::kPostgresql)
    return Status::precondition_failed(kNeedsPostgresql);
  return db.read([&](store::Unit& unit) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    soci::rowset<std::string> rows =
        (unit.sql().prepare << std::string("SELECT r.rolname FROM pg_roles r WHERE ") +
                                   kIsReportingRole + " ORDER BY r.rolname");
    for (const std::string& role : rows) out.push_back(role);
    return out;
  });
}

Result<DroppedReportingRole> drop_reporting_role(store::Database& db, const store::Actor& actor,
                                                 const std::string& name) {
  if (Status bad = reporting_role_check_name(name); !bad) return bad;
  if (db.backend() != store::Backend::kPostgresql)
    return Status::precondition_failed(kNeedsPostgresql);
  return db.write(actor, [&](store::Unit& unit) -> Result<DroppedReportingRole> {
    int exists = 0;
    unit.sql() << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :n", soci::use(name),
        soci::into(exists);
    if (exists == 0) return Status::not_found("no database role named " + name);
    int ours = 0;
    unit.sql() << std::string("SELECT COUNT(*) FROM pg_roles r WHERE r.rolname = :n AND ") +
                      kIsReportingRole,
        soci::use(name), soci::into(ours);
    if (ours == 0)
      return Status::precondition_failed(
          name +
          " is not a reporting role of this Steward database (see `steward "
          "reporting-role list`); drop other roles yourself in psql");
    if (Status may = may_create_roles(unit); !may) return may;
    DroppedReportingRole dropped;
    dropped.name = name;
    unit.sql() << "SELECT current_schema()", soci::into(dropped.schema);
    for (const std::string& view : reporting_view_names())
      run_formatted(unit, "REVOKE ALL ON %I.%I FROM %I", {dropped.schema, view, name});
    run_formatted(unit, "REVOKE ALL ON SCHEMA %I FROM %I", {dropped.schema, name});
    // Sessions already open would keep running as a role that can read nothing; end them if we
    // may (pg_terminate_backend is not undone by a rollback, which is harmless here).
    int may_signal = 0;
    unit.sql() << "SELECT CASE WHEN r.rolsuper OR pg_has_role(current_user, 'pg_signal_backend',"
                  " 'MEMBER') THEN 1 ELSE 0 END FROM pg_roles r WHERE r.rolname = current_user",
        soci::into(may_signal);
    int open = 0;
    unit.sql() << "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = :n", soci::use(name),
        soci::into(open);
    if (may_signal && open > 0) {
      unit.sql() << "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) AS ended FROM"
                    " pg_stat_activity WHERE usename = :n) t WHERE t.ended",
          soci::use(name), soci::into(dropped.sessions_ended);
    }
    try {
      run_formatted(unit, "DROP ROLE %I", {name});
    } catch (const soci::soci_error& e) {
      // Privileges in another database or schema keep the role alive; say so and undo.
      return Status::precondition_failed(name +
                                         " still holds privileges outside this Steward "
                                         "schema; remove them in psql first: " +
                                         std::string(e.what()));
    }
    dropped.sessions_left = open - dropped.sessions_ended;
    store::record_audit(unit, "delete", "reporting_role", 0,
                        nlohmann::json{{"name", name}, {"schema", dropped.schema}}, nullptr);
    return dropped;
  });
}

}  // namespace steward::engine

// `steward reporting-role create NAME [--password-stdin] [--json]`: a PostgreSQL login role
// that can read only the report_* views, for Metabase, Superset, Excel or R
// (engine/reporting_role.hpp, docs/reporting.md). Without --password-stdin a 24-character
// password is generated and printed once. `steward reporting-role list [--json]` names the
// reporting roles of this database; `steward reporting-role drop NAME [--json]` removes one
// (and ends its open sessions). Each refuses on SQLite, saying what to do instead.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "engine/reporting_role.hpp"

namespace steward::app {

void add_reporting_role_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("reporting-role", "Database roles for BI tools (PostgreSQL)");
  group->require_subcommand(1);
  auto* create =
      group->add_subcommand("create", "Create a login role that can read only the report_* views");
  auto name = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  create->add_option("name", *name, "the role name (lowercase letters, digits, _)")->required();
  create->add_flag("--password-stdin", *from_stdin, "read the password from stdin");
  create->add_flag("--json", *json, "print the result as JSON");
  create->callback([&ctx, name, from_stdin, json] {
    std::optional<std::string> password;
    if (*from_stdin) {
      std::string line;
      std::getline(std::cin, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      password = line;
    }
    auto& db = open_database(ctx);
    auto role = engine::create_reporting_role(db, ctx.actor(), *name, password);
    if (!role) stop(role.status());
    if (*json) {
      nlohmann::json out = {{"name", role->name},
                            {"schema", role->schema},
                            {"views", engine::reporting_view_names()}};
      if (role->password_generated) out["password"] = role->password;
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("created login role {} (schema {}); it can read only:\n", role->name,
                             role->schema);
    for (const auto& v : engine::reporting_view_names()) std::cout << "  " << v << "\n";
    if (role->password_generated)
      std::cout << fmt::format("password (shown once): {}\n", role->password);
  });

  auto* list = group->add_subcommand("list", "Name the reporting roles of this database");
  auto list_json = std::make_shared<bool>(false);
  list->add_flag("--json", *list_json, "print the names as JSON");
  list->callback([&ctx, list_json] {
    auto roles = engine::list_reporting_roles(open_database(ctx));
    if (!roles) stop(roles.status());
    if (*list_json) {
      std::cout << nlohmann::json(*roles).dump(2) << "\n";
      return;
    }
    if (roles->empty()) std::cout << "no reporting roles\n";
    for (const auto& r : *roles) std::cout << r << "\n";
  });

  auto* drop = group->add_subcommand("drop", "Remove a reporting role and end its sessions");
  auto drop_name = std::make_shared<std::string>();
  auto drop_json = std::make_shared<bool>(false);
  drop->add_option("name", *drop_name, "the role name")->required();
  drop->add_flag("--json", *drop_json, "print the result as JSON");
  drop->callback([&ctx, drop_name, drop_json] {
    auto dropped = engine::drop_reporting_role(open_database(ctx), ctx.actor(), *drop_name);
    if (!dropped) stop(dropped.status());
    if (*drop_json) {
      std::cout << nlohmann::json{{"name", dropped->name},
                                  {"schema", dropped->schema},
                                  {"sessions_ended", dropped->sessions_ended},
                                  {"sessions_left", dropped->sessions_left}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << fmt::format("dropped login role {} (schema {}); {} open session(s) ended\n",
                             dropped->name, dropped->schema, dropped->sessions_ended);
    if (dropped->sessions_left > 0)
      std::cout << fmt::format(
          "{} session(s) are still open but can read nothing; end them in psql with "
          "pg_terminate_backend\n",
          dropped->sessions_left);
  });
}

}  // namespace steward::app

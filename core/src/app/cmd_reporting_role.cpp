// `steward reporting-role create NAME [--password-stdin] [--json]`: a PostgreSQL login role
// that can read only the report_* views, for Metabase, Superset, Excel or R
// (engine/reporting_role.hpp, docs/reporting.md). Without --password-stdin a 24-character
// password is generated and printed once. Refuses on SQLite, saying what to do instead.
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
}

}  // namespace steward::app

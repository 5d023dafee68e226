// `steward reports ...`: list and run report plugins (engine/report_runner.hpp).
//
//   steward reports list [--json]
//   steward reports params ID [--json]
//   steward reports run ID [--param key=value ...] [--format table|csv|json|xlsx]
//                          [--output FILE] [--as USER]
//
// Without --as the command runs as the operator, who can read the database anyway, so it sees
// restricted constituents. With --as USER it runs with that user's role (which must allow
// running reports) and restricted grant, exactly as the user would through the API.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "engine/report_runner.hpp"
#include "http/report_render.hpp"
#include "store/user_repository.hpp"

namespace steward::app {
namespace {

engine::ReportSource report_source(Context& ctx) {
  engine::ReportSource source;
  source.plugin_dir = ctx.config.plugin_dir;
  source.isolation.timeout_ms = ctx.config.plugin_timeout_ms;
  return source;
}

engine::ReportCaller caller_for(Context& ctx, const std::string& as_user) {
  engine::ReportCaller caller;
  caller.actor = ctx.actor();
  caller.sees_restricted = true;
  if (as_user.empty()) return caller;
  auto& db = open_database(ctx);
  auto user = db.read([&](store::Unit& u) { return store::users::get_by_username(u, as_user); });
  if (!user) stop(Status::invalid_field("as", "no user named " + as_user));
  if (user->disabled) stop(Status::permission_denied("user " + as_user + " is disabled"));
  if (!auth::allows(user->role, auth::Permission::kRunReports))
    stop(Status::permission_denied("user " + as_user + " (" + auth::to_string(user->role) +
                                   ") may not run reports"));
  caller.actor.name = ctx.actor().name + " as user:" + as_user;
  caller.sees_restricted = user->restricted_access;
  return caller;
}

std::map<std::string, sdk::Value> parse_params(const std::vector<std::string>& items) {
  std::map<std::string, sdk::Value> out;
  for (const auto& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      stop(Status::invalid_field("param", "expected key=value, got \"" + item + "\""));
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

}  // namespace

void add_reports_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("reports", "List and run reports");
  cmd->require_subcommand(1);

  {
    auto* sub = cmd->add_subcommand("list", "Installed report plugins");
    auto json = std::make_shared<bool>(false);
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, json] {
      auto& db = open_database(ctx);
      auto list = db.read([](store::Unit& u) { return engine::list_reports(u); });
      if (!list) stop(list.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *list)
          out.push_back({{"id", r.plugin_id},
                         {"name", r.name},
                         {"version", r.version},
                         {"enabled", r.enabled},
                         {"state", r.state}});
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (list->empty()) std::cout << "no report plugins installed\n";
      for (const auto& r : *list)
        std::cout << fmt::format("{}  {}  {}  {}\n", r.plugin_id, r.version,
                                 r.enabled ? "enabled" : r.state, r.name);
    });
  }
  {
    auto* sub = cmd->add_subcommand("params", "The parameters a report takes");
    auto id = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    sub->add_option("id", *id, "report plugin id")->required();
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, id, json] {
      auto& db = open_database(ctx);
      auto specs = engine::report_parameters(db, report_source(ctx), *id);
      if (!specs) stop(specs.status());
      if (*json) {
        std::cout << http::parameter_specs_json(*specs).dump(2) << "\n";
        return;
      }
      for (const auto& s : *specs) {
        std::string line = fmt::format("{}  {}{}  {}", s.name, sdk::value_type_name(s.type),
                                       s.required ? " (required)" : "", s.label);
        if (!s.choices.empty()) {
          std::string list;
          for (const auto& c : s.choices) list += (list.empty() ? "" : "|") + c;
          line += "  [" + list + "]";
        }
        if (sdk::type_of(s.default_value) != sdk::ValueType::kNull)
          line += "  default " + domain::value_text(s.default_value);
        std::cout << line << "\n";
      }
    });
  }
  {
    auto* sub = cmd->add_subcommand("run", "Run a report and print or save its table");
    auto id = std::make_shared<std::string>();
    auto params = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>("table");
    auto output = std::make_shared<std::string>();
    auto as_user = std::make_shared<std::string>();
    sub->add_option("id", *id, "report plugin id")->required();
    sub->add_option("--param", *params, "a parameter, key=value (repeatable)");
    sub->add_option("--format", *format, "table, csv, json or xlsx")
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
    sub->add_option("--output", *output, "write to this file instead of stdout");
    sub->add_option("--as", *as_user, "run as this Steward user (role and restricted grant)");
    sub->callback([&ctx, id, params, format, output, as_user] {
      auto& db = open_database(ctx);
      auto caller = caller_for(ctx, *as_user);
      auto supplied = parse_params(*params);
      if (*format == "xlsx" && (output->empty() || *output == "-"))
        stop(Status::invalid_field("output", "an XLSX workbook needs --output FILE"));
      auto result = engine::run_report(db, report_source(ctx), *id, supplied, caller);
      if (!result) stop(result.status());
      std::string bytes;
      if (*format == "json") {
        nlohmann::json out = http::report_table_json(result->table);
        out["report"] = result->report_id;
        out["name"] = result->name;
        nlohmann::json p = nlohmann::json::object();
        for (const auto& [k, v] : result->parameters) p[k] = http::report_value_json(v);
        out["parameters"] = p;
        bytes = out.dump(2) + "\n";
      } else if (*format == "csv") {
        bytes = http::report_table_csv(result->table);
      } else if (*format == "xlsx") {
        auto book = http::report_table_xlsx(result->table, result->name);
        if (!book) stop(book.status());
        bytes = std::move(*book);
      } else {
        bytes = result->name + "\n\n" + http::report_table_text(result->table);
        bytes += fmt::format("\n{} row(s)\n", result->table.rows.size());
      }
      write_output(bytes, *output);
    });
  }
}

}  // namespace steward::app

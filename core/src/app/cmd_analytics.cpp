// `steward analytics query`: the analytics query API on the command line
// (engine/analytics_query.hpp, docs/reporting.md).
//
//   steward analytics query --json '{"measures": ["amount"], ...}' [--format table|csv|json|xlsx]
//                           [--output FILE]
//
// The operator can read the database anyway, so restricted donors are counted. A truncated
// answer says so on stderr (and in the JSON). Every answered query is audited
// (engine/analytics_audit.hpp).
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "engine/analytics_audit.hpp"
#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"
#include "http/report_render.hpp"

namespace steward::app {

void add_analytics_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("analytics", "Giving measures by dimensions");
  group->require_subcommand(1);
  auto* sub = group->add_subcommand("query", "Run an analytics query (docs/reporting.md)");
  auto body = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto output = std::make_shared<std::string>();
  sub->add_option("--json", *body, "the query as JSON")->required();
  sub->add_option("--format", *format, "table, csv, json or xlsx")
      ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
  sub->add_option("--output", *output, "write to this file instead of stdout");
  sub->callback([&ctx, body, format, output] {
    if (*format == "xlsx" && (output->empty() || *output == "-"))
      stop(Status::invalid_field("output", "an XLSX workbook needs --output FILE"));
    nlohmann::json parsed = nlohmann::json::parse(*body, nullptr, false);
    if (parsed.is_discarded()) stop(Status::invalid_field("json", "is not valid JSON"));
    auto q = engine::analytics::parse_query(parsed);
    if (!q) stop(q.status());
    auto& db = open_database(ctx);
    auto answer = engine::analytics::run(db, *q, true);
    if (!answer) stop(answer.status());
    Status audited = engine::analytics::record_run(db, ctx.actor(), parsed, *answer, *format, true);
    if (!audited) stop(audited);
    if (answer->truncated) std::cerr << answer->message << "\n";
    std::string bytes;
    if (*format == "json") {
      nlohmann::json out = http::report_table_json(answer->table);
      out["from"] = answer->from;
      out["to"] = answer->to;
      out["groups"] = answer->groups;
      out["truncated"] = answer->truncated;
      if (answer->truncated) out["message"] = answer->message;
      bytes = out.dump(2) + "\n";
    } else if (*format == "csv") {
      bytes = http::report_table_csv(answer->table);
    } else if (*format == "xlsx") {
      auto book = http::report_table_xlsx(answer->table, "Analytics");
      if (!book) stop(book.status());
      bytes = std::move(*book);
    } else {
      bytes = http::report_table_text(answer->table);
      bytes += fmt::format("\n{} row(s), {} to {}\n", answer->table.rows.size(), answer->from,
                           answer->to);
    }
    write_output(bytes, *output);
  });
}

}  // namespace steward::app

#include "engine/report_runner.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "engine/report_sandbox.hpp"
#include "plugins/plugin_service.hpp"
#include "store/audit.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

using store::plugin_records::PluginRecord;

Result<std::unique_ptr<plugins::PluginHandle>> open_report(store::Database& db,
                                                           const ReportSource& source,
                                                           const std::string& report_id,
                                                           PluginRecord& record) {
  static const store::Actor kSystem{"system", ""};
  return db.write(kSystem, [&](store::Unit& u) -> Result<std::unique_ptr<plugins::PluginHandle>> {
    auto rec = store::plugin_records::get(u, report_id);
    if (!rec || rec->kind != "report")
      return Status::not_found("report " + report_id + " is not installed");
    record = *rec;
    return plugins::open_plugin(u, source.plugin_dir, report_id, source.isolation);
  });
}

nlohmann::json params_json(const std::map<std::string, sdk::Value>& params) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : params) out[k] = domain::value_text(v);
  return out;
}

}  // namespace

Result<std::vector<PluginRecord>> list_reports(store::Unit& unit) {
  auto all = store::plugin_records::list(unit);
  if (!all) return all.status();
  std::vector<PluginRecord> out;
  for (auto& r : *all)
    if (r.kind == "report") out.push_back(std::move(r));
  return out;
}

Result<domain::HostDefaults> report_host_defaults(store::Unit& unit) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  domain::HostDefaults host;
  host.today = domain::utc_now_iso().substr(0, 10);
  host.fiscal_year_start_month = settings->fiscal_year_start_month;
  host.base_currency = settings->base_currency;
  return host;
}

Result<std::vector<sdk::ParameterSpec>> report_parameters(store::Database& db,
                                                          const ReportSource& source,
                                                          const std::string& report_id) {
  PluginRecord record;
  auto handle = open_report(db, source, report_id, record);
  if (!handle) return handle.status();
  return (*handle)->parameters();
}

Status check_table(const sdk::Table& table) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != table.columns.size())
      return Status::internal(fmt::format("report row {} has {} values for {} columns", r + 1,
                                          row.size(), table.columns.size()));
    for (std::size_t c = 0; c < row.size(); ++c) {
      auto got = sdk::type_of(row[c]);
      auto want = table.columns[c].type;
      if (got == sdk::ValueType::kNull || got == want) continue;
      if (want == sdk::ValueType::kNumber && got == sdk::ValueType::kInteger) continue;
      return Status::internal(fmt::format("report row {} column {} is {}, declared {}", r + 1,
                                          table.columns[c].name, sdk::value_type_name(got),
                                          sdk::value_type_name(want)));
    }
  }
  if (table.chart) {
    auto known = [&](const std::string& name) {
      for (const auto& c : table.columns)
        if (c.name == name) return true;
      return false;
    };
    bool ok = known(table.chart->x_column);
    for (const auto& y : table.chart->y_columns) ok = ok && known(y);
    if (!ok) return Status::internal("report chart hint names a column the table does not have");
  }
  return Status::ok();
}

Result<ReportResult> run_report_function(store::Database& db,
                                         const std::vector<sdk::ParameterSpec>& specs,
                                         const std::map<std::string, sdk::Value>& supplied,
                                         const ReportCaller& caller, const ReportFunction& fn) {
  auto host = db.read([](store::Unit& u) { return report_host_defaults(u); });
  if (!host) return host.status();
  auto params = domain::resolve_parameters(specs, supplied, *host);
  if (!params) return params.status();
  auto table = db.read([&](store::Unit& u) -> Result<sdk::Table> {
    auto box = ReportSandbox::open(u, caller.sees_restricted);
    if (!box) return box.status();
    return fn((*box)->capability(), *params);
  });
  if (!table) return table.status();
  if (Status s = check_table(*table); !s) return s;
  ReportResult out;
  out.parameters = std::move(*params);
  out.table = std::move(*table);
  return out;
}

Result<ReportResult> run_report(store::Database& db, const ReportSource& source,
                                const std::string& report_id,
                                const std::map<std::string, sdk::Value>& supplied,
                                const ReportCaller& caller) {
  PluginRecord record;
  auto opened = open_report(db, source, report_id, record);
  if (!opened) return opened.status();
  plugins::PluginHandle& handle = **opened;
  auto specs = handle.parameters();
  if (!specs) return specs.status();
  auto result = run_report_function(
      db, *specs, supplied, caller,
      [&](const sdk::QueryCapability& q, const std::map<std::string, sdk::Value>& p) {
        return handle.run(q, p);
      });
  if (handle.failing()) {
    db.write(caller.actor, [&](store::Unit& u) {
      return plugins::mark_plugin_failing(u, report_id, handle.last_error());
    });
  }
  if (!result) return result.status();
  result->report_id = report_id;
  result->name = handle.manifest().name;
  Status audited = db.write(caller.actor, [&](store::Unit& u) -> Status {
    store::record_audit(u, "run", "report", record.id, nullptr,
                        {{"report", report_id},
                         {"parameters", params_json(result->parameters)},
                         {"rows", result->table.rows.size()},
                         {"sees_restricted", caller.sees_restricted}});
    return Status::ok();
  });
  if (!audited) return audited;
  return result;
}

}  // namespace steward::engine

#include "store/plugin_repository.hpp"

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::plugin_records {
namespace {

const char* kPluginColumns =
    "id, plugin_id, kind, version, name, file_name, sha256, enabled, config, isolation, state, "
    "last_error, installed_by, installed_at, updated_at";

PluginRecord plugin_from_row(const soci::row& row) {
  RowReader r(row);
  PluginRecord p;
  p.id = r.integer();
  p.plugin_id = r.text();
  p.kind = r.text();
  p.version = r.text();
  p.name = r.text();
  p.file_name = r.text();
  p.sha256 = r.text();
  p.enabled = r.flag();
  p.config = r.text();
  p.isolation = r.text();
  p.state = r.text();
  p.last_error = r.opt_text();
  p.installed_by = r.text();
  p.installed_at = r.timestamp();
  p.updated_at = r.timestamp();
  return p;
}

}  // namespace

nlohmann::json to_json(const PluginRecord& p) {
  nlohmann::json config = nlohmann::json::parse(p.config, nullptr, false);
  if (config.is_discarded()) config = p.config;
  return {{"id", p.plugin_id},
          {"kind", p.kind},
          {"version", p.version},
          {"name", p.name},
          {"file_name", p.file_name},
          {"sha256", p.sha256},
          {"enabled", p.enabled},
          {"config", config},
          {"isolation", p.isolation},
          {"state", p.state},
          {"last_error", p.last_error ? nlohmann::json(*p.last_error) : nlohmann::json()},
          {"installed_by", p.installed_by},
          {"installed_at", p.installed_at},
          {"updated_at", p.updated_at}};
}

Result<PluginRecord> get(Unit& unit, const std::string& plugin_id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kPluginColumns) + " FROM plugins WHERE plugin_id = :id",
      soci::use(plugin_id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("plugin " + plugin_id + " is not installed");
  }
  return plugin_from_row(row);
}

Result<std::vector<PluginRecord>> list(Unit& unit) {
  soci::rowset<soci::row> rows = (unit.sql().prepare << "SELECT " + std::string(kPluginColumns) +
                                                            " FROM plugins ORDER BY plugin_id");
  std::vector<PluginRecord> out;
  for (const auto& row : rows) out.push_back(plugin_from_row(row));
  return out;
}

Result<PluginRecord> create(Unit& unit, const PluginRecord& p) {
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM plugins WHERE plugin_id = :id", soci::use(p.plugin_id),
      soci::into(taken);
  if (taken > 0) return Status::conflict("plugin " + p.plugin_id + " is already installed");
  std::string now = domain::utc_now_iso();
  int enabled = p.enabled ? 1 : 0;
  std::string by = unit.actor().name;
  long long id = 0;
  unit.sql() << "INSERT INTO plugins (plugin_id, kind, version, name, file_name, sha256, enabled, "
                "config, isolation, state, last_error, installed_by, installed_at, updated_at) "
                "VALUES (:pid, :kind, :version, :name, :file, :sha, :enabled, :config, :iso, "
                ":state, :err, :by, :at, :updated) RETURNING id",
      soci::use(p.plugin_id), soci::use(p.kind), soci::use(p.version), soci::use(p.name),
      soci::use(p.file_name), soci::use(p.sha256), soci::use(enabled), soci::use(p.config),
      soci::use(p.isolation), soci::use(p.state), soci::use(p.last_error), soci::use(by),
      soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, p.plugin_id);
  if (created) record_audit(unit, "install", "plugin", id, nullptr, to_json(*created));
  return created;
}

Result<PluginRecord> update(Unit& unit, const PluginRecord& p, const std::string& action) {
  auto before = get(unit, p.plugin_id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  int enabled = p.enabled ? 1 : 0;
  unit.sql() << "UPDATE plugins SET version = :version, name = :name, file_name = :file, "
                "sha256 = :sha, enabled = :enabled, config = :config, isolation = :iso, "
                "state = :state, last_error = :err, updated_at = :updated "
                "WHERE plugin_id = :pid",
      soci::use(p.version), soci::use(p.name), soci::use(p.file_name), soci::use(p.sha256),
      soci::use(enabled), soci::use(p.config), soci::use(p.isolation), soci::use(p.state),
      soci::use(p.last_error), soci::use(now), soci::use(p.plugin_id);
  auto after = get(unit, p.plugin_id);
  if (after) record_audit(unit, action, "plugin", after->id, to_json(*before), to_json(*after));
  return after;
}

Status remove(Unit& unit, const std::string& plugin_id) {
  auto before = get(unit, plugin_id);
  if (!before) return before.status();
  unit.sql() << "DELETE FROM plugins WHERE plugin_id = :pid", soci::use(plugin_id);
  record_audit(unit, "remove", "plugin", before->id, to_json(*before), nullptr);
  return Status::ok();
}

Result<bool> bundled_seen(Unit& unit, const std::string& plugin_id) {
  int n = 0;
  unit.sql() << "SELECT COUNT(*) FROM bundled_plugins WHERE plugin_id = :pid", soci::use(plugin_id),
      soci::into(n);
  return n > 0;
}

Status remember_bundled(Unit& unit, const std::string& plugin_id) {
  auto seen = bundled_seen(unit, plugin_id);
  if (!seen) return seen.status();
  if (!*seen) {
    unit.sql() << "INSERT INTO bundled_plugins (plugin_id) VALUES (:pid)", soci::use(plugin_id);
  }
  return Status::ok();
}

}  // namespace steward::store::plugin_records

// Installed plugins in the database (table `plugins`, migration 0008). Free functions taking the
// caller's Unit; every write appends to the audit trail (entity type "plugin"). The lifecycle
// rules (what may be enabled, hashes, the directory) live in plugins/plugin_service.hpp; this
// file only stores records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::store::plugin_records {

struct PluginRecord {
  long long id = 0;
  std::string plugin_id;  // reverse-DNS id from the manifest
  std::string kind;       // importer | mailer | report
  std::string version;
  std::string name;
  std::string file_name;  // inside the plugin directory
  std::string sha256;     // hex, of the approved file
  bool enabled = false;
  std::string config = "{}";             // JSON object text, validated against the plugin's schema
  std::string isolation = "in_process";  // in_process | isolated
  std::string state = "installed";       // installed | enabled | failing | missing | changed
  std::optional<std::string> last_error;
  std::string installed_by;
  std::string installed_at;
  std::string updated_at;
};

nlohmann::json to_json(const PluginRecord& record);

// Errors: kConflict when plugin_id is taken.
Result<PluginRecord> create(Unit& unit, const PluginRecord& record);
// Errors: kNotFound naming the id.
Result<PluginRecord> get(Unit& unit, const std::string& plugin_id);
// Ordered by plugin_id.
Result<std::vector<PluginRecord>> list(Unit& unit);
// Writes every mutable column of `record` (found by plugin_id); audits `action` with before and
// after images. Errors: kNotFound.
Result<PluginRecord> update(Unit& unit, const PluginRecord& record, const std::string& action);
// Errors: kNotFound.
Status remove(Unit& unit, const std::string& plugin_id);

// Built-in plugins Steward installed by itself (table bundled_plugins): a removed built-in stays
// removed because its id is still remembered here.
Result<bool> bundled_seen(Unit& unit, const std::string& plugin_id);
Status remember_bundled(Unit& unit, const std::string& plugin_id);

}  // namespace steward::store::plugin_records

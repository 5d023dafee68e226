// plugins/plugin_service.hpp: the admin lifecycle of plugins, keeping the `plugins` table and
// the plugin directory in step. Every function takes the caller's Unit (one transaction,
// audited through store::plugin_records) and the plugin directory.
//
// States: installed (present, disabled) -> enabled <-> installed; any -> failing (too many
// failed calls; enable clears it); any -> missing (file gone; back when it returns);
// any -> changed (file's SHA-256 differs from the approved one; `approve` or `enable` accepts
// the new file after reading its manifest again).
//
// Errors name the field: kInvalid ("config.port: must be at most 65535"), kNotFound (not
// installed), kConflict (id already installed, a different file of that name exists),
// kPreconditionFailed (enable a missing plugin).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "plugins/isolated_plugin.hpp"
#include "plugins/plugin_handle.hpp"
#include "steward/sdk/manifest.hpp"
#include "store/plugin_repository.hpp"

namespace steward::plugins {

using store::plugin_records::PluginRecord;

// Re-checks each record against its file (missing / changed / back) and stores state changes.
Result<std::vector<PluginRecord>> sync_plugins(store::Unit& unit, const std::filesystem::path& dir);

struct PluginInfo {
  PluginRecord record;
  std::optional<sdk::Manifest> manifest;  // when the file is present and loads
  std::string load_problem;               // why not, otherwise
};
Result<PluginInfo> plugin_info(store::Unit& unit, const std::filesystem::path& dir,
                               const std::string& plugin_id);

// Copies `source` into `dir` (mode 0644) unless it is already there, checks the manifest, and
// records the plugin disabled with its hash. `isolation` "in_process" | "isolated"; default:
// isolated for importers (they parse files from outside), in_process otherwise.
Result<PluginRecord> install_plugin(store::Unit& unit, const std::filesystem::path& dir,
                                    const std::filesystem::path& source,
                                    const std::optional<std::string>& isolation);
Result<PluginRecord> enable_plugin(store::Unit& unit, const std::filesystem::path& dir,
                                   const std::string& plugin_id);
Result<PluginRecord> disable_plugin(store::Unit& unit, const std::string& plugin_id);
Result<PluginRecord> approve_plugin(store::Unit& unit, const std::filesystem::path& dir,
                                    const std::string& plugin_id);
// Applies "key=value" settings (config_schema.hpp) and validates the result against the
// plugin's schema; nothing is written when it fails.
Result<PluginRecord> configure_plugin(store::Unit& unit, const std::filesystem::path& dir,
                                      const std::string& plugin_id,
                                      const std::vector<std::string>& settings);
// The same with a JSON object of changes (the HTTP API): each key set to its value, null removes.
Result<PluginRecord> configure_plugin_json(store::Unit& unit, const std::filesystem::path& dir,
                                           const std::string& plugin_id,
                                           const nlohmann::json& changes);
Result<PluginRecord> set_plugin_isolation(store::Unit& unit, const std::string& plugin_id,
                                          const std::string& isolation);
// Records a runtime failure (the handle marked itself failing).
Result<PluginRecord> mark_plugin_failing(store::Unit& unit, const std::string& plugin_id,
                                         const std::string& error);
// A usable handle for an enabled plugin, in the mode its record says. Refused (kPrecondition-
// Failed, naming the plugin and the state) unless enabled and the file's hash is the approved
// one; a hash mismatch also records the state "changed".
Result<std::unique_ptr<PluginHandle>> open_plugin(store::Unit& unit,
                                                  const std::filesystem::path& dir,
                                                  const std::string& plugin_id,
                                                  const IsolationOptions& options);

// Deletes the record in the caller's unit and returns the name of its file, which the caller
// deletes with delete_plugin_file() once the unit has committed (so a removal that rolls back
// leaves the plugin whole).
Result<std::string> remove_plugin(store::Unit& unit, const std::filesystem::path& dir,
                                  const std::string& plugin_id);
void delete_plugin_file(const std::filesystem::path& dir, const std::string& file_name);

}  // namespace steward::plugins

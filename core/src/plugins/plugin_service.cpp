#include "plugins/plugin_service.hpp"

#include <unistd.h>

#include <system_error>

#include "plugins/config_schema.hpp"
#include "plugins/file_hash.hpp"
#include "plugins/file_safety.hpp"
#include "plugins/in_process_plugin.hpp"

namespace steward::plugins {
namespace fs = std::filesystem;
namespace records = store::plugin_records;

namespace {

// The state a record should be in given its file; `record` is updated in place.
bool refresh_state(const fs::path& dir, PluginRecord& record) {
  std::string before = record.state;
  std::error_code ec;
  fs::path path = dir / record.file_name;
  if (!fs::exists(path, ec)) {
    record.state = "missing";
  } else {
    auto hash = sha256_file(path);
    if (!hash || *hash != record.sha256) {
      record.state = "changed";
    } else if (record.state == "missing" || record.state == "changed") {
      record.state = record.enabled ? "enabled" : "installed";
    }
  }
  return record.state != before;
}

Status check_isolation(const std::string& isolation) {
  if (isolation == "in_process" || isolation == "isolated") return Status::ok();
  return Status::invalid_field("isolation", "must be in_process or isolated");
}

Result<InspectedPlugin> inspect_for(const fs::path& dir, const PluginRecord& record) {
  auto inspected = inspect_plugin(dir, record.file_name);
  if (!inspected) return inspected.status();
  if (inspected->manifest.id != record.plugin_id) {
    return Status::conflict(record.file_name + " now declares plugin id " + inspected->manifest.id +
                            ", not " + record.plugin_id + "; remove and install it again");
  }
  return inspected;
}

Result<PluginRecord> accept_file(store::Unit& unit, const fs::path& dir, PluginRecord record,
                                 bool enable, const std::string& action) {
  auto inspected = inspect_for(dir, record);
  if (!inspected) return inspected.status();
  auto hash = sha256_file(dir / record.file_name);
  if (!hash) return hash.status();
  nlohmann::json config = nlohmann::json::parse(record.config, nullptr, false);
  if (enable) {
    if (Status s = validate_config(inspected->manifest.config_schema, config); !s) {
      return Status::invalid("plugin " + record.plugin_id +
                                 " cannot be enabled until it is configured: " + s.message(),
                             s.fields());
    }
  }
  record.sha256 = *hash;
  record.version = inspected->manifest.version;
  record.name = inspected->manifest.name;
  if (enable) record.enabled = true;
  record.state = record.enabled ? "enabled" : "installed";
  record.last_error.reset();
  return records::update(unit, record, action);
}

}  // namespace

Result<std::vector<PluginRecord>> sync_plugins(store::Unit& unit, const fs::path& dir) {
  auto list = records::list(unit);
  if (!list) return list.status();
  for (auto& record : *list) {
    if (refresh_state(dir, record)) {
      auto updated = records::update(unit, record, "state");
      if (!updated) return updated.status();
      record = *updated;
    }
  }
  return list;
}

Result<PluginInfo> plugin_info(store::Unit& unit, const fs::path& dir,
                               const std::string& plugin_id) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  PluginInfo info{*record, std::nullopt, ""};
  auto inspected = inspect_for(dir, *record);
  if (inspected) {
    info.manifest = inspected->manifest;
  } else {
    info.load_problem = inspected.status().message();
  }
  return info;
}

Result<PluginRecord> install_plugin(store::Unit& unit, const fs::path& dir, const fs::path& source,
                                    const std::optional<std::string>& isolation) {
  if (isolation) {
    if (Status s = check_isolation(*isolation); !s) return s;
  }
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) {
    return Status::invalid_field("path", source.string() + " is not a file");
  }
  std::string name = source.filename().string();
  if (!name.ends_with(".so")) {
    return Status::invalid_field("path", name + " is not a plugin library (*.so)");
  }
  if (Status s = check_plugin_directory(dir); !s) return s;
  fs::path real_dir = fs::canonical(dir, ec);
  fs::path dest = real_dir / name;
  bool copied = false;
  auto source_hash = sha256_file(source);
  if (!source_hash) return source_hash.status();
  if (fs::canonical(source, ec).parent_path() != real_dir) {
    if (fs::exists(dest, ec)) {
      auto existing = sha256_file(dest);
      if (!existing || *existing != *source_hash) {
        return Status::conflict("a different file named " + name +
                                " is already in the plugin directory");
      }
    } else {
      fs::path temp = private_temp_path(dest, "installing");
      fs::copy_file(source, temp, fs::copy_options::overwrite_existing, ec);
      if (!ec) fs::permissions(temp, fs::perms(0644), ec);
      if (!ec) fs::rename(temp, dest, ec);
      if (ec) {
        fs::remove(temp);
        return Status::unavailable("cannot copy " + name +
                                   " into the plugin directory: " + ec.message());
      }
      copied = true;
    }
  }
  auto cleanup = [&](Status s) {
    if (copied) fs::remove(dest, ec);
    return s;
  };
  auto inspected = inspect_plugin(real_dir, name);
  if (!inspected) return cleanup(inspected.status());
  const sdk::Manifest& m = inspected->manifest;
  if (records::get(unit, m.id)) {
    return cleanup(Status::conflict("plugin " + m.id +
                                    " is already installed; to accept a new file, copy it over "
                                    "the old one and run approve"));
  }
  PluginRecord record;
  record.plugin_id = m.id;
  record.kind = sdk::kind_name(m.kind);
  record.version = m.version;
  record.name = m.name;
  record.file_name = name;
  record.sha256 = *source_hash;
  record.isolation =
      isolation.value_or(m.kind == sdk::PluginKind::kImporter ? "isolated" : "in_process");
  auto created = records::create(unit, record);
  if (!created) return cleanup(created.status());
  return created;
}

namespace {

// The plugin's record with its state refreshed from the directory; refused when its file is gone.
Result<PluginRecord> present_record(store::Unit& unit, const fs::path& dir,
                                    const std::string& plugin_id) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  refresh_state(dir, *record);
  if (record->state == "missing") {
    return Status::precondition_failed("plugin " + plugin_id + ": its file " + record->file_name +
                                       " is not in the plugin directory");
  }
  return record;
}

}  // namespace

Result<PluginRecord> enable_plugin(store::Unit& unit, const fs::path& dir,
                                   const std::string& plugin_id) {
  auto record = present_record(unit, dir, plugin_id);
  if (!record) return record.status();
  // A changed file is accepted here too: enabling is the admin's approval (the audit row shows
  // the old and the new hash).
  return accept_file(unit, dir, *record, true, "enable");
}

Result<PluginRecord> approve_plugin(store::Unit& unit, const fs::path& dir,
                                    const std::string& plugin_id) {
  auto record = present_record(unit, dir, plugin_id);
  if (!record) return record.status();
  return accept_file(unit, dir, *record, false, "approve");
}

Result<PluginRecord> disable_plugin(store::Unit& unit, const std::string& plugin_id) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  record->enabled = false;
  if (record->state == "enabled" || record->state == "failing") record->state = "installed";
  return records::update(unit, *record, "disable");
}

namespace {

template <typename Apply>
Result<PluginRecord> configure_with(store::Unit& unit, const fs::path& dir,
                                    const std::string& plugin_id, Apply apply) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  nlohmann::json config = nlohmann::json::parse(record->config, nullptr, false);
  if (config.is_discarded() || !config.is_object()) config = nlohmann::json::object();
  if (Status s = apply(config); !s) return s;
  auto inspected = inspect_for(dir, *record);
  if (!inspected) return inspected.status();
  if (Status s = validate_config(inspected->manifest.config_schema, config); !s) return s;
  record->config = config.dump();
  return records::update(unit, *record, "configure");
}

}  // namespace

Result<PluginRecord> configure_plugin(store::Unit& unit, const fs::path& dir,
                                      const std::string& plugin_id,
                                      const std::vector<std::string>& settings) {
  return configure_with(unit, dir, plugin_id,
                        [&](nlohmann::json& config) { return apply_settings(config, settings); });
}

Result<PluginRecord> configure_plugin_json(store::Unit& unit, const fs::path& dir,
                                           const std::string& plugin_id,
                                           const nlohmann::json& changes) {
  if (!changes.is_object()) return Status::invalid_field("config", "must be a JSON object");
  return configure_with(unit, dir, plugin_id, [&](nlohmann::json& config) {
    for (const auto& [key, value] : changes.items()) {
      if (value.is_null()) {
        config.erase(key);
      } else {
        config[key] = value;
      }
    }
    return Status::ok();
  });
}

Result<PluginRecord> set_plugin_isolation(store::Unit& unit, const std::string& plugin_id,
                                          const std::string& isolation) {
  if (Status s = check_isolation(isolation); !s) return s;
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  record->isolation = isolation;
  return records::update(unit, *record, "isolation");
}

Result<PluginRecord> mark_plugin_failing(store::Unit& unit, const std::string& plugin_id,
                                         const std::string& error) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  record->state = "failing";
  record->last_error = error;
  return records::update(unit, *record, "failing");
}

Result<std::unique_ptr<PluginHandle>> open_plugin(store::Unit& unit, const fs::path& dir,
                                                  const std::string& plugin_id,
                                                  const IsolationOptions& options) {
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  if (refresh_state(dir, *record)) {
    auto updated = records::update(unit, *record, "state");
    if (!updated) return updated.status();
  }
  if (!record->enabled || record->state != "enabled") {
    std::string why = record->state == "changed"
                          ? "its file changed since it was approved; an admin must approve it"
                          : "it is " + record->state + (record->enabled ? "" : " (not enabled)");
    return Status::precondition_failed("plugin " + plugin_id + " cannot be used: " + why);
  }
  if (record->isolation == "isolated") {
    return open_isolated(dir, record->file_name, record->config, options);
  }
  return open_in_process(dir, record->file_name, record->config);
}

Result<std::string> remove_plugin(store::Unit& unit, const fs::path& dir,
                                  const std::string& plugin_id) {
  (void)dir;
  auto record = records::get(unit, plugin_id);
  if (!record) return record.status();
  if (Status s = records::remove(unit, plugin_id); !s) return s;
  return record->file_name;
}

void delete_plugin_file(const fs::path& dir, const std::string& file_name) {
  std::error_code ec;
  fs::path path = dir / file_name;
  if (fs::is_regular_file(fs::symlink_status(path, ec))) fs::remove(path, ec);
}

}  // namespace steward::plugins

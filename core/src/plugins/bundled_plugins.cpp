#include "plugins/bundled_plugins.hpp"

#include <algorithm>
#include <system_error>

#include <soci/soci.h>

#include "plugins/file_hash.hpp"
#include "plugins/file_safety.hpp"
#include "plugins/in_process_plugin.hpp"
#include "plugins/plugin_service.hpp"
#include "store/plugin_repository.hpp"

namespace steward::plugins {
namespace fs = std::filesystem;
namespace records = store::plugin_records;

namespace {

// Two `steward serve` nodes starting together on one PostgreSQL database take turns per plugin
// (a transaction-scoped advisory lock), so the second finds the first's record and leaves the
// file alone instead of installing it again. On SQLite the write transaction already serialises.
constexpr long long kBundledInstallLock = 7234002;

// Replaces the installed copy with the shipped file (a temporary copy of this process's own,
// renamed over it: a file another process has loaded is never written in place).
Status replace_copy(const fs::path& source, const fs::path& dest) {
  std::error_code ec;
  fs::path temp = private_temp_path(dest, "upgrading");
  fs::copy_file(source, temp, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::permissions(temp, fs::perms(0644), ec);
  if (!ec) fs::rename(temp, dest, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Status::unavailable("cannot replace " + dest.string() + ": " + ec.message());
  }
  return Status::ok();
}

Result<BundledOutcome> first_install(store::Unit& unit, const fs::path& plugin_dir,
                                     const fs::path& source, BundledOutcome out) {
  auto installed = install_plugin(unit, plugin_dir, source, std::nullopt);
  if (!installed) return installed.status();
  if (Status s = records::remember_bundled(unit, out.plugin_id); !s) return s;
  auto enabled = enable_plugin(unit, plugin_dir, out.plugin_id);
  out.action = "installed";
  if (!enabled) {
    if (enabled.status().code() != StatusCode::kInvalid) return enabled.status();
    out.message = "needs configuration before it can be enabled: " + enabled.status().message();
  }
  return out;
}

Result<BundledOutcome> upgrade(store::Unit& unit, const fs::path& plugin_dir,
                               const fs::path& source, const records::PluginRecord& record,
                               BundledOutcome out) {
  auto shipped = sha256_file(source);
  if (!shipped) return shipped.status();
  out.action = "current";
  if (*shipped == record.sha256) return out;
  fs::path dest = plugin_dir / record.file_name;
  auto present = sha256_file(dest);
  if (present && *present != record.sha256) {
    out.action = "skipped";
    out.message = "the installed copy was changed by hand; an admin must approve or replace it";
    return out;
  }
  if (Status s = replace_copy(source, dest); !s) return s;
  auto approved = approve_plugin(unit, plugin_dir, record.plugin_id);
  if (!approved) return approved.status();
  out.action = "upgraded";
  return out;
}

Result<BundledOutcome> install_one(store::Unit& unit, const fs::path& plugin_dir,
                                   const fs::path& bundled_dir, const std::string& name) {
  BundledOutcome out{name, "", "skipped", ""};
  auto inspected = inspect_plugin(bundled_dir, name);
  if (!inspected) {
    out.message = inspected.status().message();
    return out;
  }
  out.plugin_id = inspected->manifest.id;
  auto seen = records::bundled_seen(unit, out.plugin_id);
  if (!seen) return seen.status();
  auto record = records::get(unit, out.plugin_id);
  if (!record && record.status().code() != StatusCode::kNotFound) return record.status();
  if (!record) {
    if (*seen) {
      out.message = "removed by an admin; not installed again";
      return out;
    }
    return first_install(unit, plugin_dir, bundled_dir / name, out);
  }
  if (!*seen || record->file_name != name) {
    out.message = "installed by an admin from another file; left alone";
    return out;
  }
  return upgrade(unit, plugin_dir, bundled_dir / name, *record, out);
}

}  // namespace

fs::path bundled_plugin_dir(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "plugins";
}

Result<std::vector<BundledOutcome>> install_bundled_plugins(store::Database& db,
                                                            const store::Actor& actor,
                                                            const fs::path& plugin_dir,
                                                            const fs::path& bundled_dir) {
  std::vector<BundledOutcome> outcomes;
  std::error_code ec;
  if (bundled_dir.empty() || !fs::is_directory(bundled_dir, ec)) return outcomes;
  if (fs::equivalent(bundled_dir, plugin_dir, ec)) {
    return Status::invalid_field("bundled_plugin_dir", "must not be the plugin directory itself");
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(bundled_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".so") && entry.is_regular_file(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    auto outcome = db.write(actor, [&](store::Unit& u) -> Result<BundledOutcome> {
      if (u.is_postgresql()) {
        long long key = kBundledInstallLock;
        u.sql() << "SELECT pg_advisory_xact_lock(:key)", soci::use(key);
      }
      return install_one(u, plugin_dir, bundled_dir, name);
    });
    if (outcome) {
      outcomes.push_back(*outcome);
    } else {
      outcomes.push_back({name, "", "skipped", outcome.status().message()});
    }
  }
  return outcomes;
}

}  // namespace steward::plugins

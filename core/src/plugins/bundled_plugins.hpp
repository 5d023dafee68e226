// plugins/bundled_plugins.hpp: the built-in plugins that ship with Steward (plugins/ in the
// source tree, built into build/plugins) are installed and enabled on first run.
//
// install_bundled_plugins() looks at every *.so in the bundled directory, each in its own unit
// of work (one bad file does not stop the others):
//   - never seen before, not installed: copied into the plugin directory, installed and
//     enabled ("installed"); a plugin whose configuration schema requires settings stays
//     installed until an admin configures it ("needs configuration").
//   - installed earlier by Steward, and the shipped file differs (Steward was upgraded): the new
//     file replaces the old copy and is approved, keeping the admin's enabled flag and settings
//     ("upgraded"); a copy someone changed by hand is left for the admin ("changed locally").
//   - installed earlier by Steward and since removed by an admin: left out ("removed by an
//     admin"), remembered in the table bundled_plugins.
//   - installed by an admin from another file under the same id: left alone.
// Everything is audited as the given actor (the plugin records' audit rows).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::plugins {

struct BundledOutcome {
  std::string file_name;
  std::string plugin_id;  // empty when the file could not be read
  std::string action;     // installed | upgraded | current | skipped
  std::string message;    // why, for anything but installed/upgraded/current
};

// Where Steward's own plugins are: `configured` when set, else <directory of the running
// executable>/../plugins (build/bin/steward -> build/plugins).
std::filesystem::path bundled_plugin_dir(const std::string& configured);

// A missing bundled directory is not an error (an empty list).
Result<std::vector<BundledOutcome>> install_bundled_plugins(
    store::Database& db, const store::Actor& actor, const std::filesystem::path& plugin_dir,
    const std::filesystem::path& bundled_dir);

}  // namespace steward::plugins

// plugins/host.hpp: discovery of the plugins in the configured plugin directory.
//
// scan_plugin_directory() looks at every *.so in the directory, applies the file rules
// (file_safety.hpp), loads each acceptable library just far enough to read and check its
// manifest (nothing is created), and reports per file either the manifest or why it was
// refused. Two files declaring one id are both refused ("duplicate id ... also in ...") so an
// admin notices instead of one silently shadowing the other.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugins {

struct ScannedPlugin {
  std::string file_name;
  std::optional<sdk::Manifest> manifest;  // set when the file loaded and its manifest checked out
  Status problem;                         // ok, or why the file is refused
};

Result<std::vector<ScannedPlugin>> scan_plugin_directory(const std::filesystem::path& dir);

}  // namespace steward::plugins

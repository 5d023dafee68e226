// plugins/in_process_plugin.hpp: a plugin loaded into this process with Boost.DLL.
//
// open_in_process() checks the file (file_safety), loads it, checks the exported symbols and the
// SDK API version and the manifest, and only then calls the factory with the configuration JSON.
// The handle keeps the Library alive (a shared_ptr) for as long as the plugin object lives, and
// destroys the object before releasing the library. Exceptions from any call become a Status
// naming the plugin. A crash or hang here takes the process with it: use Isolation::kIsolated
// for code you do not trust (isolated_plugin.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "plugins/loader.hpp"
#include "plugins/plugin_handle.hpp"

namespace steward::plugins {

// Loads the library and returns its checked manifest without creating a plugin object.
struct InspectedPlugin {
  std::shared_ptr<Library> library;
  sdk::Manifest manifest;
};
Result<InspectedPlugin> inspect_plugin(const std::filesystem::path& dir,
                                       const std::string& file_name);

Result<std::unique_ptr<PluginHandle>> open_in_process(const std::filesystem::path& dir,
                                                      const std::string& file_name,
                                                      const std::string& config_json);

}  // namespace steward::plugins

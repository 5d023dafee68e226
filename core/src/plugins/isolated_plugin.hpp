// plugins/isolated_plugin.hpp: a plugin running in a child process (`steward plugin-host`),
// behind the same PluginHandle interface as an in-process one.
//
// Each call is one request/reply (plugins/wire.hpp) with a per-call timeout. When the child
// crashes (segfault, abort), hangs past the timeout, or sends garbage, the call fails with
// kUnavailable naming the plugin and what happened, the child is killed, and the next call
// starts a fresh child (re-sending the configuration). Failed calls count towards the failing
// limit like exceptions do in-process. Per-file importer state does not survive a restart: an
// import whose child died must start the file again.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "plugins/plugin_handle.hpp"

namespace steward::plugins {

struct IsolationOptions {
  std::string host_binary;  // the `steward` executable; empty = this process's own binary
  int timeout_ms = 30000;   // per call
  // Starting the child (exec, loading the library, the plugin's factory) may take longer than a
  // call on a loaded machine; it gets at least this long before it counts as hung.
  int start_timeout_ms = 10000;
};

// Starts the child, which loads and checks the plugin; returns its errors (wrong API version,
// factory threw) like open_in_process does.
Result<std::unique_ptr<PluginHandle>> open_isolated(const std::filesystem::path& dir,
                                                    const std::string& file_name,
                                                    const std::string& config_json,
                                                    const IsolationOptions& options);

}  // namespace steward::plugins

// plugins/plugin_host_server.hpp: the child side of process isolation, run by
// `steward plugin-host --plugin PATH`. It loads one plugin in-process (all the usual file and
// manifest checks apply), then answers requests (plugins/wire.hpp) one at a time until its input
// closes. A plugin exception is reported back as a failed call; a crash or hang simply ends or
// stalls this process, which the server notices (isolated_plugin.hpp).
#pragma once

#include <string>

namespace steward::plugins {

// Serves on in_fd/out_fd; returns the process exit code (0 on a clean end of input).
int serve_plugin_host(const std::string& plugin_path, int in_fd, int out_fd);

}  // namespace steward::plugins

// `steward plugin-host --plugin PATH`: the child process of an isolated plugin
// (plugins/isolated_plugin.hpp). Not for people: it speaks length-prefixed JSON on stdin/stdout.
// Before loading the plugin it moves the protocol to private descriptors and points stdout at
// stderr, so a plugin that prints cannot corrupt the conversation.
#include <fcntl.h>
#include <unistd.h>

#include "app/cli.hpp"
#include "plugins/plugin_host_server.hpp"

namespace steward::app {

void add_plugin_host_command(CLI::App& app, Context&) {
  auto* sub = app.add_subcommand("plugin-host", "Run one plugin for the server (internal)");
  sub->group("");  // hidden from --help
  auto path = std::make_shared<std::string>();
  sub->add_option("--plugin", *path, "path of the plugin library")->required();
  sub->callback([path] {
    int in_fd = ::dup(0);
    int out_fd = ::dup(1);
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (in_fd < 0 || out_fd < 0 || null_fd < 0) throw CLI::RuntimeError(2);
    ::dup2(null_fd, 0);
    ::dup2(2, 1);
    ::close(null_fd);
    int code = plugins::serve_plugin_host(*path, in_fd, out_fd);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace steward::app

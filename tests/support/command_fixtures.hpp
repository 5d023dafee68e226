// Runs a command line (usually the real `steward` binary) and captures what it printed, for
// command-line tests. app_tests know the binary as STEWARD_BIN.
#pragma once

#include <string>

namespace steward::testing {

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command_line` through the shell with stderr merged into stdout.
CommandRun run_command(const std::string& command_line);

}  // namespace steward::testing

// Runs a shell command the way an admin would and captures its exit code and output (stdout and
// stderr together). For command-line tests of the real `steward` binary (STEWARD_BIN in
// app_tests).
#pragma once

#include <string>

namespace steward::testing {

struct CommandRun {
  int exit_code = -1;
  std::string output;
};

// With `with_stderr` false, stderr is discarded and only stdout is captured (for parsing JSON).
CommandRun run_command(const std::string& command, bool with_stderr = true);

// Quotes `text` as one shell word ('...' with embedded quotes escaped).
std::string shell_quote(const std::string& text);

}  // namespace steward::testing

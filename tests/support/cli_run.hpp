// Runs a shell command (the real `steward` binary in command-line tests) and captures what it
// printed on stdout and stderr together, with its exit code.
#pragma once

#include <string>

namespace steward::testing {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `program args` through the shell ("2>&1" appended).
CliRun run_program(const std::string& program, const std::string& args);

}  // namespace steward::testing

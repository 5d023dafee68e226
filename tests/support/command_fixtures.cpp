#include "support/command_fixtures.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace steward::testing {

CommandRun run_command(const std::string& command_line) {
  std::string command = command_line + " 2>&1";
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace steward::testing

#include "support/cli_run.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace steward::testing {

CliRun run_program(const std::string& program, const std::string& args) {
  std::string command = program + " " + args + " 2>&1";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace steward::testing

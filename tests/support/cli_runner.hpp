// Runs the real `steward` binary the way an admin would (app_tests only: STEWARD_BIN is the
// path of the built binary), in a fresh temporary folder per test.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace steward::testing {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `steward ARGS` through the shell; `input` (if any) is piped to its stdin.
inline CliRun run_steward(const std::string& args, const std::string& input = "") {
  std::string command = std::string(STEWARD_BIN) + " " + args + " 2>&1";
  if (!input.empty()) command = "printf '%s\\n' '" + input + "' | " + command;
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// A temporary folder and a SQLite database URL in it, removed after the test.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "steward.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // `steward --database <this test's db> ARGS`
  CliRun steward_db(const std::string& args, const std::string& input = "") {
    return run_steward("--database " + db_ + " " + args, input);
  }
  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace steward::testing

// Runs the real `steward` binary the way an admin would (app_tests only: STEWARD_BIN is the
// path of the built binary), in a fresh temporary folder per test.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/cli_run.hpp"

namespace steward::testing {

using CliRun = CommandRun;

// Runs `steward ARGS` through the shell; `input` (if any) is piped to its stdin.
inline CliRun run_steward(const std::string& args, const std::string& input = "") {
  std::string command = std::string(STEWARD_BIN) + " " + args;
  if (!input.empty()) command = "printf '%s\\n' " + shell_quote(input) + " | " + command;
  return run_command(command);
}

// `steward ARGS` capturing stdout only (stderr discarded), e.g. to parse `--json` output.
inline CliRun run_steward_stdout(const std::string& args) {
  return run_command(std::string(STEWARD_BIN) + " " + args, false);
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
  // `steward --database <this test's db> ARGS`, stdout only (stderr discarded).
  CliRun steward_db_stdout(const std::string& args) {
    return run_steward_stdout("--database " + db_ + " " + args);
  }
  // Runs `steward migrate` on this test's database (call from a derived SetUp).
  void migrate() {
    CliRun run = steward_db("migrate");
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace steward::testing

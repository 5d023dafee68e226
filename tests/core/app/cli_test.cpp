// Runs the real `steward` binary the way an admin would.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;
using steward::testing::CliTest;

using steward::testing::run_steward;

TEST_F(CliTest, MigrateCreatesTheDatabaseAndStatusListsEachMigration) {
  CliRun first = steward_db("migrate");
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("applied"), std::string::npos);
  CliRun again = steward_db("migrate");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("up to date"), std::string::npos);
  CliRun status = steward_db("migrate --status");
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_NE(status.output.find("0001  initial"), std::string::npos);
  EXPECT_NE(status.output.find("applied 20"), std::string::npos);
}

TEST_F(CliTest, BadDatabaseUrlsAreExplainedNotCrashes) {
  CliRun bad = run_steward("--database mysql://x migrate");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("unsupported database URL"), std::string::npos) << bad.output;
  CliRun missing_dir = run_steward("--database sqlite:/nonexistent/dir/x.db migrate");
  EXPECT_EQ(missing_dir.exit_code, 1);
  EXPECT_NE(missing_dir.output.find("does not exist"), std::string::npos) << missing_dir.output;
}

TEST_F(CliTest, UnknownCommandsAndBadConfigFailWithUsage) {
  EXPECT_NE(run_steward("frobnicate").exit_code, 0);
  CliRun version = run_steward("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.output.find("steward "), std::string::npos);
  CliRun config = run_steward("--config /nonexistent.toml --database " + db_ + " migrate");
  EXPECT_EQ(config.exit_code, 1);
  EXPECT_NE(config.output.find("does not exist"), std::string::npos) << config.output;
}

TEST_F(CliTest, ServeRefusesABadListenAddress) {
  CliRun bad = steward_db("serve --listen nowhere");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("HOST:PORT"), std::string::npos) << bad.output;
}

TEST_F(CliTest, ServeMigratesAnswersHealthzAndStopsCleanlyOnSigterm) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    execl(STEWARD_BIN, STEWARD_BIN, "--database", db_.c_str(), "serve", "--listen", "127.0.0.1:0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE* server_out = fdopen(out[0], "r");
  std::array<char, 256> line{};
  ASSERT_NE(std::fgets(line.data(), line.size(), server_out), nullptr);
  std::string banner = line.data();
  auto colon = banner.rfind(':');
  ASSERT_NE(colon, std::string::npos) << banner;
  std::string port = banner.substr(colon + 1);
  port.erase(port.find_last_not_of(" \n") + 1);

  CliRun health =
      steward::testing::run_command("curl -s http://127.0.0.1:" + port + "/healthz", false);
  EXPECT_EQ(health.output, R"({"status":"ok"})");

  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  fclose(server_out);
  EXPECT_TRUE(WIFEXITED(status)) << "serve did not exit by itself on SIGTERM";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // It migrated the fresh database on start.
  CliRun migrated = steward_db("migrate");
  EXPECT_NE(migrated.output.find("up to date"), std::string::npos) << migrated.output;
}

}  // namespace

// `steward duplicates find` and `steward duplicates merge` on a real SQLite file.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/test_database.hpp"

namespace {

namespace fx = steward::testing::dedupe;

struct CliResult {
  int exit_code = -1;
  std::string output;
};

CliResult steward_cli(const std::string& args) {
  std::string command = std::string(STEWARD_BIN) + " " + args + " 2>&1";
  CliResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(DuplicatesCliTest, FindsThePairMergesItAndThenFindsNothing) {
  auto dir =
      std::filesystem::temp_directory_path() / ("steward-dup-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string url = "sqlite:" + (dir / "steward.db").string();
  ASSERT_EQ(steward_cli("--database " + url + " migrate").exit_code, 0);
  long long a = 0, b = 0;
  {
    auto db = steward::store::Database::open(url);
    ASSERT_TRUE(db.is_ok());
    a = fx::add_person(**db, "Jane", "Doe");
    b = fx::add_person(**db, "JANE", "DOE");
    fx::add_email(**db, a, "jane@example.org", true);
    fx::add_email(**db, b, "Jane@Example.org", true);
    fx::add_gift(**db, b, 2500);
  }
  CliResult found = steward_cli("--database " + url + " duplicates find --rules email --json");
  ASSERT_EQ(found.exit_code, 0) << found.output;
  auto pairs = nlohmann::json::parse(found.output);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0]["first_id"], a);
  EXPECT_EQ(pairs[0]["second_id"], b);
  EXPECT_EQ(pairs[0]["score"], 60);

  CliResult bad = steward_cli("--database " + url + " duplicates merge " + std::to_string(a) + " " +
                              std::to_string(b) + " --take password=" + std::to_string(b));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("take.password"), std::string::npos) << bad.output;

  CliResult merged =
      steward_cli("--database " + url + " duplicates merge " + std::to_string(a) + " " +
                  std::to_string(b) + " --take first_name=" + std::to_string(b));
  EXPECT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_NE(merged.output.find("merged 1 record(s) into " + std::to_string(a)), std::string::npos);
  CliResult again = steward_cli("--database " + url + " duplicates find");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("0 candidate pair(s)"), std::string::npos) << again.output;
  std::filesystem::remove_all(dir);
}

}  // namespace

// `steward demo load` run the way scripts/run --demo runs it.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/cli_runner.hpp"

namespace {

using DemoRun = steward::testing::CliRun;

class DemoCliTest : public steward::testing::CliTest {};

TEST_F(DemoCliTest, LoadsOnceThenIfEmptySkipsAndAPlainLoadRefuses) {
  DemoRun unmigrated = steward_db("demo load --today 2026-06-30");
  EXPECT_EQ(unmigrated.exit_code, 1) << unmigrated.output;
  ASSERT_EQ(steward_db("migrate").exit_code, 0);

  DemoRun bad = steward_db("demo load --today 2026-13-01");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("today"), std::string::npos) << bad.output;

  DemoRun load = steward_db("demo load --seed 3 --today 2026-06-30");
  ASSERT_EQ(load.exit_code, 0) << load.output;
  EXPECT_NE(load.output.find("constituents  500"), std::string::npos) << load.output;
  EXPECT_NE(load.output.find("total given"), std::string::npos) << load.output;
  EXPECT_NE(load.output.find("USD"), std::string::npos) << load.output;

  DemoRun skip = steward_db("demo load --if-empty");
  EXPECT_EQ(skip.exit_code, 0) << skip.output;
  EXPECT_NE(skip.output.find("demo not loaded"), std::string::npos) << skip.output;

  DemoRun refuse = steward_db("demo load");
  EXPECT_EQ(refuse.exit_code, 1) << refuse.output;
  EXPECT_NE(refuse.output.find("already has 500 constituent"), std::string::npos) << refuse.output;
}

TEST_F(DemoCliTest, JsonReportIsTheSameForTheSameSeed) {
  ASSERT_EQ(steward_db("migrate").exit_code, 0);
  DemoRun first = steward_db("demo load --seed 5 --today 2026-06-30 --constituents 100 --json");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("\"total_given\""), std::string::npos) << first.output;
  std::filesystem::remove(dir_ / "steward.db");
  ASSERT_EQ(steward_db("migrate").exit_code, 0);
  DemoRun second = steward_db("demo load --seed 5 --today 2026-06-30 --constituents 100 --json");
  EXPECT_EQ(second.output, first.output);
}

}  // namespace

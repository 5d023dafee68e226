// `steward needs` and `steward recurring mrr|upcoming`, run through the real binary.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/needs_fixtures.hpp"

namespace {

using namespace steward::testing::needs;

struct CliResult {
  int exit_code = -1;
  std::string output;
};

CliResult steward_cli(const std::string& args, bool with_stderr = true) {
  std::string command = std::string(STEWARD_BIN) + " " + args + (with_stderr ? " 2>&1" : "");
  CliResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class NeedsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-needs-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "steward.db").string();
    CliResult migrate = steward_cli("--database " + db_ + " migrate");
    ASSERT_EQ(migrate.exit_code, 0) << migrate.output;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(NeedsCliTest, NeedsMrrAndUpcomingPrintWhatTheDataSays) {
  {
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    steward::store::Database& db = **opened;
    steward::store::Actor actor{"test:cli", ""};
    DemoFunds funds = make_demo_funds(db, actor);
    long long donor = make_constituent(db, "김하늘");
    PlanSpec p;
    p.constituent_id = donor;
    p.amount_minor = 1000;
    p.frequency = "weekly";
    p.starts_on = "2026-03-02";
    p.fund_id = funds.transport;
    for (int i = 0; i < 3; ++i) make_plan(db, p);  // $130.00 a month
    GiftSpec g;
    g.constituent_id = donor;
    g.received_on = "2026-03-03";
    g.amount_minor = 5000;
    g.allocations = {{funds.transport, 5000}};
    make_gift(db, g);
  }

  CliResult table = steward_cli("--database " + db_ + " needs --as-of 2026-03-15");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("Secure Transportation"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("200.00 USD"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("130.00 USD"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("65.0%"), std::string::npos) << table.output;  // 130 / 200

  CliResult json_run = steward_cli("--database " + db_ + " needs --as-of 2026-03-15 --json", false);
  ASSERT_EQ(json_run.exit_code, 0) << json_run.output;
  auto j = nlohmann::json::parse(json_run.output);
  ASSERT_EQ(j["funds"].size(), 3u);
  for (const auto& f : j["funds"]) {
    if (f["fund_code"] == "TRANSPORT") {
      EXPECT_EQ(f["need_minor"], 20000);
      EXPECT_EQ(f["committed_minor"], 13000);
      EXPECT_EQ(f["received_this_month_minor"], 5000);
      EXPECT_EQ(f["gap_minor"], 7000);
      EXPECT_EQ(f["committed_bp"], 6500);
    }
    if (f["fund_code"] == "MEDICAL") {
      EXPECT_EQ(f["people_served"], 12);
    }
  }

  CliResult mrr =
      steward_cli("--database " + db_ + " recurring mrr --as-of 2026-03-15 --json", false);
  ASSERT_EQ(mrr.exit_code, 0) << mrr.output;
  auto m = nlohmann::json::parse(mrr.output);
  EXPECT_EQ(m["monthly_minor"], 13000);
  EXPECT_EQ(m["by_fund"][0]["fund_name"], "Secure Transportation");

  CliResult upcoming =
      steward_cli("--database " + db_ + " recurring upcoming --from 2026-03-01 --days 10");
  ASSERT_EQ(upcoming.exit_code, 0) << upcoming.output;
  EXPECT_NE(upcoming.output.find("2026-03-02  김하늘"), std::string::npos) << upcoming.output;
  EXPECT_NE(upcoming.output.find("2026-03-09"), std::string::npos) << upcoming.output;
  EXPECT_NE(upcoming.output.find(": 6"), std::string::npos) << upcoming.output;  // 3 plans × 2

  CliResult bad = steward_cli("--database " + db_ + " needs --as-of 2026-02-30");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("as_of"), std::string::npos) << bad.output;
  CliResult bad_days = steward_cli("--database " + db_ + " recurring upcoming --days 0");
  EXPECT_EQ(bad_days.exit_code, 1);
  EXPECT_NE(bad_days.output.find("days"), std::string::npos) << bad_days.output;
}

TEST_F(NeedsCliTest, EmptyDatabaseAnswersCleanly) {
  CliResult table = steward_cli("--database " + db_ + " needs --as-of 2026-03-15");
  EXPECT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("no active fund has a monthly need"), std::string::npos);
  CliResult mrr = steward_cli("--database " + db_ + " recurring mrr --json", false);
  ASSERT_EQ(mrr.exit_code, 0) << mrr.output;
  auto m = nlohmann::json::parse(mrr.output);
  EXPECT_EQ(m["monthly_minor"], 0);
  EXPECT_TRUE(m["by_fund"].empty());
  CliResult upcoming = steward_cli("--database " + db_ + " recurring upcoming --json", false);
  ASSERT_EQ(upcoming.exit_code, 0) << upcoming.output;
  EXPECT_TRUE(nlohmann::json::parse(upcoming.output)["gifts"].empty());
}

}  // namespace

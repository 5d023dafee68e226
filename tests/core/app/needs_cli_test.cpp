// `steward needs` and `steward recurring mrr|upcoming`, run through the real binary.

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"
#include "support/needs_fixtures.hpp"

namespace {

using namespace steward::testing::needs;

using steward::testing::CliRun;

class NeedsCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
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

  CliRun table = steward_db("needs --as-of 2026-03-15");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("Secure Transportation"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("200.00 USD"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("130.00 USD"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("65.0%"), std::string::npos) << table.output;  // 130 / 200

  CliRun json_run = steward_db_stdout("needs --as-of 2026-03-15 --json");
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

  CliRun mrr = steward_db_stdout("recurring mrr --as-of 2026-03-15 --json");
  ASSERT_EQ(mrr.exit_code, 0) << mrr.output;
  auto m = nlohmann::json::parse(mrr.output);
  EXPECT_EQ(m["monthly_minor"], 13000);
  EXPECT_EQ(m["by_fund"][0]["fund_name"], "Secure Transportation");

  CliRun upcoming = steward_db("recurring upcoming --from 2026-03-01 --days 10");
  ASSERT_EQ(upcoming.exit_code, 0) << upcoming.output;
  EXPECT_NE(upcoming.output.find("2026-03-02  김하늘"), std::string::npos) << upcoming.output;
  EXPECT_NE(upcoming.output.find("2026-03-09"), std::string::npos) << upcoming.output;
  EXPECT_NE(upcoming.output.find(": 6"), std::string::npos) << upcoming.output;  // 3 plans × 2

  CliRun bad = steward_db("needs --as-of 2026-02-30");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("as_of"), std::string::npos) << bad.output;
  CliRun bad_days = steward_db("recurring upcoming --days 0");
  EXPECT_EQ(bad_days.exit_code, 1);
  EXPECT_NE(bad_days.output.find("days"), std::string::npos) << bad_days.output;
}

TEST_F(NeedsCliTest, EmptyDatabaseAnswersCleanly) {
  CliRun table = steward_db("needs --as-of 2026-03-15");
  EXPECT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("no active fund has a monthly need"), std::string::npos);
  CliRun mrr = steward_db_stdout("recurring mrr --json");
  ASSERT_EQ(mrr.exit_code, 0) << mrr.output;
  auto m = nlohmann::json::parse(mrr.output);
  EXPECT_EQ(m["monthly_minor"], 0);
  EXPECT_TRUE(m["by_fund"].empty());
  CliRun upcoming = steward_db_stdout("recurring upcoming --json");
  ASSERT_EQ(upcoming.exit_code, 0) << upcoming.output;
  EXPECT_TRUE(nlohmann::json::parse(upcoming.output)["gifts"].empty());
}

}  // namespace

// `steward recurring ...`, `pledges`, `tasks` run as an admin would, on a SQLite file.

#include <filesystem>

#include <gtest/gtest.h>

#include "support/aggregate_fixtures.hpp"
#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;

class RecurringCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok());
    donor_ = steward::testing::insert_constituent(**db, "정하늘");
  }
  long long donor_ = 0;
};

TEST_F(RecurringCliTest, ProcessPrintsTransitionsWithReasonsOnceOnly) {
  CliRun add = steward_db("recurring add --donor " + std::to_string(donor_) +
                          " --amount 50.00 --currency USD --frequency monthly --anchor-day 31 "
                          "--start 2026-01-01");
  ASSERT_EQ(add.exit_code, 0) << add.output;
  EXPECT_NE(add.output.find("first installment 2026-01-31"), std::string::npos) << add.output;
  CliRun early = steward_db("recurring process --today 2026-02-07");
  EXPECT_EQ(early.exit_code, 0) << early.output;
  EXPECT_NE(early.output.find("0 transition(s)"), std::string::npos) << early.output;
  CliRun late = steward_db("recurring process --today 2026-02-08");
  EXPECT_EQ(late.exit_code, 0) << late.output;
  EXPECT_NE(late.output.find("active -> failing (installment due 2026-01-31 unpaid after 7 days)"),
            std::string::npos)
      << late.output;
  CliRun again = steward_db("recurring process --today 2026-02-08");
  EXPECT_NE(again.output.find("0 transition(s)"), std::string::npos) << again.output;
  CliRun show = steward_db("recurring show 1");
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_NE(show.output.find("status: failing"), std::string::npos) << show.output;
  EXPECT_NE(show.output.find("next expected: 2026-01-31 2026-02-28"), std::string::npos)
      << show.output;
  EXPECT_EQ(steward_db("recurring cancel 1 --reason moved").exit_code, 0);
  CliRun final_plan = steward_db("recurring resume 1");
  EXPECT_EQ(final_plan.exit_code, 1);
  EXPECT_NE(final_plan.output.find("cancelled"), std::string::npos) << final_plan.output;
}

TEST_F(RecurringCliTest, BadOptionsNameTheOption) {
  CliRun bad = steward_db("recurring add --donor " + std::to_string(donor_) +
                          " --amount 50.001 --start 2026-01-01");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("--amount"), std::string::npos) << bad.output;
  CliRun day = steward_db("recurring add --donor " + std::to_string(donor_) +
                          " --amount 5 --start 2026-01-01 --anchor-day 40");
  EXPECT_EQ(day.exit_code, 1);
  EXPECT_NE(day.output.find("anchor_day"), std::string::npos) << day.output;
}

TEST_F(RecurringCliTest, PledgesAndTasksFromTheCommandLine) {
  std::string donor = std::to_string(donor_);
  CliRun pledge =
      steward_db("pledges add --donor " + donor +
                 " --amount 100.00 --installments 3 --frequency monthly --start 2026-01-31 "
                 "--pledged-on 2026-01-01");
  ASSERT_EQ(pledge.exit_code, 0) << pledge.output;
  CliRun show = steward_db("pledges show 1 --as-of 2026-03-01");
  EXPECT_NE(show.output.find("33.34 USD"), std::string::npos) << show.output;
  EXPECT_NE(show.output.find("OVERDUE"), std::string::npos) << show.output;
  CliRun off = steward_db("pledges write-off 1 --reason 'donor moved' --on 2026-04-01");
  EXPECT_EQ(off.exit_code, 0) << off.output;
  EXPECT_NE(steward_db("pledges list --status written_off").output.find("written_off"),
            std::string::npos);
  ASSERT_EQ(steward_db("tasks add --assignee mina --due 2026-01-05 --subject 'Thank-you call' "
                       "--constituent " +
                       donor)
                .exit_code,
            0);
  ASSERT_EQ(steward_db("tasks add --assignee joe --due 2099-01-05 --subject Later").exit_code, 0);
  CliRun overdue = steward_db("tasks overdue --as-of 2026-02-01");
  EXPECT_NE(overdue.output.find("Thank-you call"), std::string::npos) << overdue.output;
  EXPECT_EQ(overdue.output.find("Later"), std::string::npos) << overdue.output;
  EXPECT_EQ(steward_db("tasks done 1").exit_code, 0);
  EXPECT_EQ(steward_db("tasks overdue --as-of 2026-02-01").output.find("Thank-you"),
            std::string::npos);
}

}  // namespace

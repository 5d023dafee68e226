// `steward segments ...` against a real SQLite database, as an analyst would use it.

#include <filesystem>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/cli_runner.hpp"
#include "support/segment_fixtures.hpp"

namespace steward::testing {
namespace {

class SegmentsCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
};

TEST_F(SegmentsCliTest, SavesCountsListsMembersAndDeletes) {
  {
    auto db = store::Database::open(db_);
    ASSERT_TRUE(db.is_ok()) << db.status().to_string();
    SegmentFixtures data(**db);
    long long kim = data.constituent("김민지");
    long long bob = data.constituent("Bob");
    data.constituent("Never tagged");
    data.tag(kim, "이사회");
    data.tag(bob, "이사회");
  }
  CommandRun add = steward_db("segments add 이사회 --filter " + shell_quote(R"({"tag":"이사회"})") +
                              " --description 'Board'");
  ASSERT_EQ(add.exit_code, 0) << add.output;
  EXPECT_NE(add.output.find("created segment 1"), std::string::npos) << add.output;

  CommandRun bad = steward_db("segments add Broken --filter " +
                              shell_quote(R"({"and":[{"tag":"x"},{"gave":{"min":"lots"}}]})"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("and[1].gave.min: not a decimal amount"), std::string::npos)
      << bad.output;

  CommandRun count = steward_db("segments count 1");
  EXPECT_EQ(count.exit_code, 0) << count.output;
  EXPECT_EQ(count.output, "2\n");
  EXPECT_EQ(steward_db("segments count --filter '{}'").output, "3\n");

  CommandRun list = steward_db("segments list");
  EXPECT_NE(list.output.find("1\t이사회\t{\"tag\":\"이사회\"}"), std::string::npos) << list.output;

  CommandRun show = steward_db("segments show 이사회");
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_NE(show.output.find("members now: 2"), std::string::npos) << show.output;

  CommandRun members = steward_db("segments members 1 --limit 1");
  EXPECT_EQ(members.exit_code, 0) << members.output;
  EXPECT_NE(members.output.find("1\t김민지"), std::string::npos) << members.output;
  EXPECT_NE(members.output.find("more: --after 1"), std::string::npos) << members.output;
  CommandRun json = steward_db("segments members 1 --after 1 --json");
  EXPECT_NE(json.output.find("\"display_name\": \"Bob\""), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"next_after\": null"), std::string::npos) << json.output;

  EXPECT_EQ(steward_db("segments delete 1").exit_code, 0);
  CommandRun gone = steward_db("segments show 1");
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.output.find("does not exist"), std::string::npos) << gone.output;
  EXPECT_EQ(steward_db("segments count").exit_code, 1);
}

}  // namespace
}  // namespace steward::testing

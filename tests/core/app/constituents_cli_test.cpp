// `steward constituents` and `steward households` run the way an admin would.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/cli_runner.hpp"

namespace {

using ::steward::testing::CliRun;

class ConstituentsCliTest : public ::steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
};

TEST_F(ConstituentsCliTest, AddSearchTagDeleteRestoreAndHouseholds) {
  CliRun kim = steward_db(
      "constituents add --first 영희 --last 김 --email young@example.org "
      "--phone '010-1234-5678'");
  ASSERT_EQ(kim.exit_code, 0) << kim.output;
  EXPECT_NE(kim.output.find("created constituent 1: 김영희"), std::string::npos) << kim.output;
  CliRun org = steward_db(
      "constituents add --kind organization --org-name 'Grace Church' "
      "--org-type church");
  ASSERT_EQ(org.exit_code, 0) << org.output;

  CliRun bad = steward_db("constituents add --first Grace --email nope");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("last_name"), std::string::npos) << bad.output;

  CliRun found = steward_db("constituents list --search 영희");
  EXPECT_EQ(found.exit_code, 0) << found.output;
  EXPECT_NE(found.output.find("김영희"), std::string::npos);
  EXPECT_EQ(found.output.find("Grace Church"), std::string::npos);
  CliRun by_phone = steward_db("constituents list --search 12345678 --json");
  EXPECT_NE(by_phone.output.find("\"display_name\": \"김영희\""), std::string::npos)
      << by_phone.output;

  EXPECT_EQ(steward_db("constituents tag 1 Board").exit_code, 0);
  CliRun tagged = steward_db("constituents list --tag Board");
  EXPECT_NE(tagged.output.find("김영희"), std::string::npos) << tagged.output;
  CliRun show = steward_db("constituents show 1");
  EXPECT_NE(show.output.find("young@example.org (home, primary)"), std::string::npos)
      << show.output;
  EXPECT_NE(show.output.find("[Board]"), std::string::npos) << show.output;
  EXPECT_EQ(steward_db("constituents untag 1 Board").exit_code, 0);

  EXPECT_EQ(steward_db("constituents delete 1").exit_code, 0);
  EXPECT_EQ(steward_db("constituents list").output.find("김영희"), std::string::npos);
  EXPECT_EQ(steward_db("constituents restore 1").exit_code, 0);
  EXPECT_NE(steward_db("constituents list").output.find("김영희"), std::string::npos);

  CliRun hh = steward_db("households create 1");
  ASSERT_EQ(hh.exit_code, 0) << hh.output;
  EXPECT_NE(hh.output.find("김씨 가정"), std::string::npos) << hh.output;
  EXPECT_EQ(steward_db("households remove 3 1").exit_code, 0);
  CliRun again = steward_db("households add 3 1 --role head");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  CliRun twice = steward_db("households add 3 1");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.output.find("already belongs"), std::string::npos) << twice.output;
}

}  // namespace

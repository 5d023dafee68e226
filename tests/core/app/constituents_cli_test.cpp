// `steward constituents` and `steward households` run the way an admin would.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace {

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CliResult steward(const std::string& args) {
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

class ConstituentsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-constituents-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    db_ = "--database sqlite:" + (dir_ / "steward.db").string() + " ";
    ASSERT_EQ(steward(db_ + "migrate").exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(ConstituentsCliTest, AddSearchTagDeleteRestoreAndHouseholds) {
  CliResult kim = steward(db_ +
                          "constituents add --first 영희 --last 김 --email young@example.org "
                          "--phone '010-1234-5678'");
  ASSERT_EQ(kim.exit_code, 0) << kim.output;
  EXPECT_NE(kim.output.find("created constituent 1: 김영희"), std::string::npos) << kim.output;
  CliResult org = steward(db_ +
                          "constituents add --kind organization --org-name 'Grace Church' "
                          "--org-type church");
  ASSERT_EQ(org.exit_code, 0) << org.output;

  CliResult bad = steward(db_ + "constituents add --first Grace --email nope");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("last_name"), std::string::npos) << bad.output;

  CliResult found = steward(db_ + "constituents list --search 영희");
  EXPECT_EQ(found.exit_code, 0) << found.output;
  EXPECT_NE(found.output.find("김영희"), std::string::npos);
  EXPECT_EQ(found.output.find("Grace Church"), std::string::npos);
  CliResult by_phone = steward(db_ + "constituents list --search 12345678 --json");
  EXPECT_NE(by_phone.output.find("\"display_name\": \"김영희\""), std::string::npos)
      << by_phone.output;

  EXPECT_EQ(steward(db_ + "constituents tag 1 Board").exit_code, 0);
  CliResult tagged = steward(db_ + "constituents list --tag Board");
  EXPECT_NE(tagged.output.find("김영희"), std::string::npos) << tagged.output;
  CliResult show = steward(db_ + "constituents show 1");
  EXPECT_NE(show.output.find("young@example.org (home, primary)"), std::string::npos)
      << show.output;
  EXPECT_NE(show.output.find("[Board]"), std::string::npos) << show.output;
  EXPECT_EQ(steward(db_ + "constituents untag 1 Board").exit_code, 0);

  EXPECT_EQ(steward(db_ + "constituents delete 1").exit_code, 0);
  EXPECT_EQ(steward(db_ + "constituents list").output.find("김영희"), std::string::npos);
  EXPECT_EQ(steward(db_ + "constituents restore 1").exit_code, 0);
  EXPECT_NE(steward(db_ + "constituents list").output.find("김영희"), std::string::npos);

  CliResult hh = steward(db_ + "households create 1");
  ASSERT_EQ(hh.exit_code, 0) << hh.output;
  EXPECT_NE(hh.output.find("김씨 가정"), std::string::npos) << hh.output;
  EXPECT_EQ(steward(db_ + "households remove 3 1").exit_code, 0);
  CliResult again = steward(db_ + "households add 3 1 --role head");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  CliResult twice = steward(db_ + "households add 3 1");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.output.find("already belongs"), std::string::npos) << twice.output;
}

}  // namespace

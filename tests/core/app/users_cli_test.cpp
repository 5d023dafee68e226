// `steward users`: the first admin, one-time passwords, roles and API tokens.
#include <gtest/gtest.h>

#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;

class UsersCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_EQ(steward_db("migrate").exit_code, 0);
  }
};

TEST_F(UsersCliTest, EnsureAdminCreatesTheFirstAdminOnceWithAOneTimePassword) {
  CliRun first = steward_db("users ensure-admin");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("user admin has the one-time password: "), std::string::npos);
  CliRun again = steward_db("users ensure-admin");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.output, "");
  CliRun list = steward_db("users list");
  EXPECT_NE(list.output.find("admin\tadmin\trestricted\tactive\tmust change password"),
            std::string::npos)
      << list.output;
}

TEST_F(UsersCliTest, AddChecksThePasswordPolicyAndRoles) {
  CliRun weak = steward_db("users add grace --role fundraiser --password-stdin", "Password1234");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.output.find("password: is too common"), std::string::npos) << weak.output;
  CliRun role = steward_db("users add grace --role owner");
  EXPECT_EQ(role.exit_code, 1);
  EXPECT_NE(role.output.find("role: must be admin"), std::string::npos) << role.output;
  CliRun ok =
      steward_db("users add grace --role fundraiser --display-name '김은혜' --password-stdin",
                 "river-lantern-oak-97");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  CliRun dup = steward_db("users add grace --role viewer");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.output.find("taken"), std::string::npos);
  EXPECT_EQ(steward_db("users set-role grace analyst").exit_code, 0);
  EXPECT_NE(steward_db("users list").output.find("grace\tanalyst"), std::string::npos);
}

TEST_F(UsersCliTest, ApiTokensAreShownOnceAndCanBeRevoked) {
  ASSERT_EQ(steward_db("users add ana --role analyst").exit_code, 0);
  CliRun created = steward_db("users token-create ana 'Metabase' --scope read");
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("token 1: stw_"), std::string::npos);
  EXPECT_NE(steward_db("users tokens ana").output.find("1\tMetabase\tread\tactive"),
            std::string::npos);
  EXPECT_EQ(steward_db("users token-revoke ana 1").exit_code, 0);
  EXPECT_NE(steward_db("users tokens ana").output.find("revoked"), std::string::npos);
  EXPECT_EQ(steward_db("users token-revoke ana 1").exit_code, 1);
}

TEST_F(UsersCliTest, CommandsRefuseAnUnmigratedDatabase) {
  CliRun r = steward::testing::run_steward("--database sqlite:" + (dir_ / "empty.db").string() +
                                           " users list");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("migrate"), std::string::npos) << r.output;
}

}  // namespace

// `steward privacy export` and `steward privacy erase` on a real SQLite file.
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "support/cli_runner.hpp"
#include "support/privacy_fixtures.hpp"
#include "support/test_database.hpp"

namespace {

using steward::testing::CliRun;

class PrivacyCliTest : public steward::testing::CliTest {};

TEST_F(PrivacyCliTest, ExportsToAPrivateFileThenErasesOnlyWithConfirm) {
  migrate();
  steward::testing::PrivacyDonor d;
  std::string before;
  {
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok());
    d = steward::testing::make_privacy_donor(**db, {"test:runner", ""});
    before = steward::testing::figures_snapshot(**db, d.campaign);
  }
  const std::string id = std::to_string(d.donor);
  const std::string file = (dir_ / "minji.json").string();
  CliRun exported = steward_db("privacy export " + id + " --out " + file);
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(file);
  auto doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["profile"]["first_name"], "민지");
  EXPECT_EQ(doc["tags"][0]["name"], "기도 후원자");

  CliRun refused = steward_db("privacy erase " + id);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("confirm"), std::string::npos) << refused.output;

  CliRun erased = steward_db_stdout("privacy erase " + id + " --confirm --json");
  ASSERT_EQ(erased.exit_code, 0) << erased.output;
  auto out = nlohmann::json::parse(erased.output);
  EXPECT_EQ(out["display_name"], "Erased donor #" + id);
  EXPECT_EQ(out["removed"]["emails"], 1);
  {
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok());
    EXPECT_EQ(steward::testing::figures_snapshot(**db, d.campaign), before);
  }
  CliRun again = steward_db("privacy erase " + id + " --confirm");
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("already erased"), std::string::npos) << again.output;
}

}  // namespace

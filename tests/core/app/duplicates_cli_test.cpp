// `steward duplicates find` and `steward duplicates merge` on a real SQLite file.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "support/cli_runner.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/test_database.hpp"

namespace {

namespace fx = steward::testing::dedupe;

using steward::testing::CliRun;

class DuplicatesCliTest : public steward::testing::CliTest {};

TEST_F(DuplicatesCliTest, FindsThePairMergesItAndThenFindsNothing) {
  ASSERT_EQ(steward_db("migrate").exit_code, 0);
  long long a = 0, b = 0;
  {
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok());
    a = fx::add_person(**db, "Jane", "Doe");
    b = fx::add_person(**db, "JANE", "DOE");
    fx::add_email(**db, a, "jane@example.org", true);
    fx::add_email(**db, b, "Jane@Example.org", true);
    fx::add_gift(**db, b, 2500);
  }
  CliRun found = steward_db("duplicates find --rules email --json");
  ASSERT_EQ(found.exit_code, 0) << found.output;
  auto pairs = nlohmann::json::parse(found.output);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0]["first_id"], a);
  EXPECT_EQ(pairs[0]["second_id"], b);
  EXPECT_EQ(pairs[0]["score"], 60);

  CliRun bad = steward_db("duplicates merge " + std::to_string(a) + " " + std::to_string(b) +
                          " --take password=" + std::to_string(b));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("take.password"), std::string::npos) << bad.output;

  CliRun merged = steward_db("duplicates merge " + std::to_string(a) + " " + std::to_string(b) +
                             " --take first_name=" + std::to_string(b));
  EXPECT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_NE(merged.output.find("merged 1 record(s) into " + std::to_string(a)), std::string::npos);
  CliRun again = steward_db("duplicates find");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("0 candidate pair(s)"), std::string::npos) << again.output;
}

}  // namespace

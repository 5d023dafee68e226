// `steward analytics query` and `steward reporting-role create` through the real binary on
// SQLite: JSON, CSV and XLSX answers, a name error naming the field, and the reporting role
// refused on SQLite with what to do instead.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace {

using steward::testing::CliRun;

class AnalyticsCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    auto& db = **opened;
    auto donor = steward::testing::make_person(db, "김 후원자");
    steward::testing::give(db, donor, 1000, "2025-01-10");
    steward::testing::give(db, donor, 3000, "2025-02-10");
    steward::testing::give(db, donor, 8000, "2025-02-20");
  }
  const std::string query_ =
      R"('{"measures":["amount","median","gift_count"],"dimensions":["period"],)"
      R"("grain":"month","from":"2025-01-01","to":"2025-03-31"}')";
};

TEST_F(AnalyticsCliTest, AnswersInEveryFormat) {
  CliRun json = steward_db_stdout("analytics query --format json --json " + query_);
  ASSERT_EQ(json.exit_code, 0) << json.output;
  auto j = nlohmann::json::parse(json.output);
  ASSERT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][1][0], "2025-02");
  EXPECT_EQ(j["rows"][1][1]["minor"], 11000);
  EXPECT_EQ(j["rows"][1][2]["minor"], 5500);

  CliRun csv = steward_db_stdout("analytics query --format csv --json " + query_);
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NE(csv.output.find("2025-02,110.00,USD,55.00,USD,2"), std::string::npos) << csv.output;

  CliRun table = steward_db("analytics query --json " + query_);
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("2 row(s)"), std::string::npos) << table.output;

  const auto book = dir_ / "a.xlsx";
  CliRun xlsx =
      steward_db("analytics query --format xlsx --output " + book.string() + " --json " + query_);
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.output;
  EXPECT_GT(std::filesystem::file_size(book), 1000u);
}

TEST_F(AnalyticsCliTest, ErrorsNameTheField) {
  CliRun bad = steward_db(R"(analytics query --json '{"measures":["amount"],"grain":"week"}')");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("grain"), std::string::npos) << bad.output;
  for (const char* sub : {"create metabase", "list", "drop metabase"}) {
    CliRun role = steward_db(std::string("reporting-role ") + sub);
    EXPECT_NE(role.exit_code, 0) << sub;
    EXPECT_NE(role.output.find("PostgreSQL"), std::string::npos) << role.output;
  }
}

}  // namespace

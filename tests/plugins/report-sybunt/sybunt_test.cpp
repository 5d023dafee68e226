// report-sybunt through the report runner on both backends: gave in some fiscal year before
// last year, but neither last year nor this year.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"
#include "sybunt_report.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

class SybuntDatabaseTest : public testing::DatabaseTest {};

TEST_P(SybuntDatabaseTest, EarlierGiversWhoSkippedLastYearAndThisYear) {
  testing::set_setting(db(), "fiscal_year_start_month", "7");
  auto old = testing::make_person(db(), "Old 오래된");
  auto last = testing::make_person(db(), "Last year");
  auto back = testing::make_person(db(), "Came back");
  give(db(), old, 1500, "2022-05-01");   // FY2022
  give(db(), old, 500, "2021-05-01");    // FY2021
  give(db(), last, 2000, "2021-01-01");  // FY2021 ...
  give(db(), last, 2000, "2024-01-01");  // ... and FY2024 (last year): LYBUNT, not SYBUNT
  give(db(), back, 1000, "2020-01-01");
  give(db(), back, 1000, "2025-01-01");  // this year
  SybuntReport report;
  auto r = engine::run_report_function(
      db(), report.parameters(), {{"as_of", std::string("2025-03-15")}},
      engine::ReportCaller{{"test", ""}, true},
      [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
        return report.run(q, p);
      });
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->table.rows.size(), 1u);
  const auto& row = r->table.rows[0];
  EXPECT_EQ(std::get<std::string>(row.at(1)), "Old 오래된");
  EXPECT_EQ(std::get<sdk::Date>(row.at(2)), (sdk::Date{2022, 5, 1}));
  EXPECT_EQ(std::get<std::int64_t>(row.at(testing::column_index(r->table, "last_fiscal_year"))),
            2022);
  EXPECT_EQ(std::get<sdk::Money>(row.at(testing::column_index(r->table, "lifetime_total"))).minor,
            2000);
}

STEWARD_INSTANTIATE_DATABASE_TEST(SybuntDatabaseTest);

}  // namespace
}  // namespace steward::reports

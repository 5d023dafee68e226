// report-giving-trends: bucket arithmetic (pure), and through the report runner on both
// backends: a month with a partly refunded gift and a split gift, the same month last year,
// and grouping by fund.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "giving_trends_report.hpp"
#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"
#include "trend_buckets.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

TEST(TrendBuckets, PeriodKeys) {
  EXPECT_EQ(period_key({2025, 3, 9}, "month", 1), "2025-03");
  EXPECT_EQ(period_key({2025, 3, 9}, "quarter", 1), "2025-Q1");
  EXPECT_EQ(period_key({2025, 10, 1}, "quarter", 1), "2025-Q4");
  EXPECT_EQ(period_key({2025, 3, 9}, "year", 7), "2025");
  EXPECT_EQ(period_key({2025, 7, 1}, "fiscal_year", 7), "FY2026");
  EXPECT_EQ(period_key({2025, 6, 30}, "fiscal_year", 7), "FY2025");
}

TEST(TrendBuckets, AverageAndMedianRoundHalfAwayFromZeroAndLastYearShifts) {
  std::vector<TrendGift> gifts = {
      {1, 10, {2025, 1, 2}, 1000, "", "All"}, {2, 11, {2025, 1, 3}, 2001, "", "All"},
      {3, 10, {2025, 1, 9}, 4000, "", "All"}, {4, 12, {2025, 1, 9}, 4000, "", "All"},
      {5, 13, {2024, 1, 31}, 700, "", "All"}, {6, 13, {2024, 2, 29}, 900, "", "All"}};
  auto rows = bucket_trends(gifts, {2025, 1, 1}, {2025, 2, 28}, "month", 1);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].period, "2025-01");
  EXPECT_EQ(rows[0].current.total, 11001);
  EXPECT_EQ(rows[0].current.gifts, 4);
  EXPECT_EQ(rows[0].current.donors, 3);
  EXPECT_EQ(rows[0].current.average, 2750);  // 2750.25
  EXPECT_EQ(rows[0].current.median, 3001);   // (2001 + 4000) / 2 = 3000.5
  EXPECT_EQ(rows[0].last_year.total, 700);
  EXPECT_EQ(rows[1].period, "2025-02");  // 2024-02-29 is compared with 2025-02-28
  EXPECT_EQ(rows[1].current.gifts, 0);
  EXPECT_EQ(rows[1].last_year.total, 900);
}

class GivingTrendsDatabaseTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(std::map<std::string, Value> supplied) {
    supplied.emplace("from", std::string("2025-01-01"));
    supplied.emplace("to", std::string("2025-01-31"));
    GivingTrendsReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, true},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }
  void dataset() {
    auto d1 = testing::make_person(db(), "박지훈");
    auto d2 = testing::make_person(db(), "D2");
    auto d3 = testing::make_person(db(), "D3");
    auto gen = testing::fund_for(db(), "GEN");
    auto edu = testing::fund_for(db(), "EDU");
    give(db(), d1, 1000, "2024-01-05", gen);
    give(db(), d2, 3000, "2024-01-20", gen);
    give(db(), d1, 5000, "2025-01-10", gen);
    testing::refund(db(), give(db(), d3, 6000, "2025-01-15", gen), 2000, "2025-01-16");
    auto split = db().write(actor(), [&](store::Unit& u) {
      auto in = testing::gift_input(d2, 10000, "2025-01-20", gen);
      in.allocations = {{gen, {6000, "USD"}, 0}, {edu, {4000, "USD"}, 0}};
      return store::gifts::create(u, in);
    });
    ASSERT_TRUE(split.is_ok()) << split.status().to_string();
    give(db(), d1, 777, "2025-02-01", gen);  // outside the range
  }
  static std::int64_t money(const std::vector<Value>& row, std::size_t i) {
    return std::get<sdk::Money>(row.at(i)).minor;
  }
};

TEST_P(GivingTrendsDatabaseTest, OneMonthAgainstTheSameMonthLastYear) {
  dataset();
  auto r = run({{"grain", std::string("month")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& row = t.rows[0];
  EXPECT_EQ(std::get<std::string>(row.at(0)), "2025-01");
  EXPECT_EQ(money(row, testing::column_index(t, "total")), 19000);
  EXPECT_EQ(std::get<std::int64_t>(row.at(testing::column_index(t, "gifts"))), 3);
  EXPECT_EQ(std::get<std::int64_t>(row.at(testing::column_index(t, "donors"))), 3);
  EXPECT_EQ(money(row, testing::column_index(t, "average")), 6333);
  EXPECT_EQ(money(row, testing::column_index(t, "median")), 5000);
  EXPECT_EQ(money(row, testing::column_index(t, "last_year_total")), 4000);
  EXPECT_EQ(std::get<std::int64_t>(row.at(testing::column_index(t, "last_year_donors"))), 2);
  EXPECT_DOUBLE_EQ(std::get<double>(row.at(testing::column_index(t, "change_percent"))), 375.0);
  ASSERT_TRUE(t.chart.has_value());
  EXPECT_EQ(t.chart->x_column, "period");
}

TEST_P(GivingTrendsDatabaseTest, ByFundSplitsGiftsByAllocation) {
  dataset();
  auto r = run({{"grain", std::string("quarter")}, {"group_by", std::string("fund")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& edu = testing::row_where(t, "group", "EDU fund");
  EXPECT_EQ(std::get<std::string>(edu.at(0)), "2025-Q1");
  EXPECT_EQ(money(edu, testing::column_index(t, "total")), 4000);
  EXPECT_EQ(std::get<std::int64_t>(edu.at(testing::column_index(t, "gifts"))), 1);
  EXPECT_TRUE(
      std::holds_alternative<std::monostate>(edu.at(testing::column_index(t, "change_percent"))));
  const auto& gen = testing::row_where(t, "group", "GEN fund");
  EXPECT_EQ(money(gen, testing::column_index(t, "total")), 15000);
  EXPECT_EQ(std::get<std::int64_t>(gen.at(testing::column_index(t, "gifts"))), 3);
  EXPECT_EQ(money(gen, testing::column_index(t, "median")), 5000);
  EXPECT_EQ(money(gen, testing::column_index(t, "last_year_total")), 4000);
}

TEST_P(GivingTrendsDatabaseTest, RefusesAnUnknownGrouping) {
  auto r = run({{"group_by", std::string("colour")}});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at(0).field, "group_by");
}

STEWARD_INSTANTIATE_DATABASE_TEST(GivingTrendsDatabaseTest);

}  // namespace
}  // namespace steward::reports

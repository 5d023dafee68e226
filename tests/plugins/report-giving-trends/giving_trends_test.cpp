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

TEST(TrendBuckets, LastYearWindowEndsOnTheLeapDayOfAMonthEnd) {
  const Window w = last_year_window({2025, 1, 1}, {2025, 2, 28});
  EXPECT_EQ(w.from, (sdk::Date{2024, 1, 1}));
  EXPECT_EQ(w.to, (sdk::Date{2024, 2, 29}));
  EXPECT_EQ(last_year_window({2025, 1, 1}, {2025, 2, 27}).to, (sdk::Date{2024, 2, 27}));
}

TEST(TrendBuckets, FindsAPeriodHoldingGiftsOfBothYearsAndOfOneYear) {
  // Up to the 15th: January 2024 is in both windows until the 15th, then only this year's.
  const sdk::Date from{2024, 1, 1};
  EXPECT_TRUE(
      roles_share_a_period(from, {2025, 1, 15}, last_year_window(from, {2025, 1, 15}), "month", 1));
  EXPECT_FALSE(
      roles_share_a_period(from, {2025, 1, 31}, last_year_window(from, {2025, 1, 31}), "month", 1));
  // From mid-July: July 2024 is last year's before the 15th and both years' after it.
  const sdk::Date mid{2024, 7, 15};
  EXPECT_TRUE(
      roles_share_a_period(mid, {2026, 6, 30}, last_year_window(mid, {2026, 6, 30}), "month", 1));
  // A year or less: no day is in both windows.
  EXPECT_FALSE(
      roles_share_a_period(mid, {2025, 3, 3}, last_year_window(mid, {2025, 3, 3}), "quarter", 1));
}

TEST(TrendBuckets, AGroupInBothWindowsFillsThisYearAndTheNextYearsLastYear) {
  std::vector<TrendGroup> groups = {{3, 202401, "", "All", 11001, 4, 3, 6001, 2},
                                    {1, 202501, "", "All", 50, 1, 1, 50, 1}};
  auto rows = trend_rows(groups, "month");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].period, "2024-01");
  EXPECT_EQ(rows[0].current.total, 11001);
  EXPECT_EQ(rows[0].current.average, 2750);  // 2750.25
  EXPECT_EQ(rows[0].current.median, 3001);   // (2001 + 4000) / 2 = 3000.5
  EXPECT_EQ(rows[0].last_year.gifts, 0);
  EXPECT_EQ(rows[1].period, "2025-01");
  EXPECT_EQ(rows[1].current.total, 50);
  EXPECT_EQ(rows[1].last_year.total, 11001);
  EXPECT_EQ(rows[1].last_year.donors, 3);
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

TEST_P(GivingTrendsDatabaseTest, AnEvenCountsMedianIsTheMeanOfTheTwoMiddleGifts) {
  // Four gifts in January 2025: 10.00, 20.01, 40.00, 40.00. The lower middle gift (20.01, what
  // PostgreSQL's percentile_disc gives) and the upper one (40.00) are both wrong: the median is
  // their mean, 30.005, rounded half away from zero to 30.01.
  auto d10 = testing::make_person(db(), "김민지");
  auto d11 = testing::make_person(db(), "D11");
  auto d12 = testing::make_person(db(), "D12");
  auto d13 = testing::make_person(db(), "D13");
  give(db(), d10, 1000, "2025-01-02");
  give(db(), d11, 2001, "2025-01-03");
  give(db(), d10, 4000, "2025-01-09");
  give(db(), d12, 4000, "2025-01-09");
  give(db(), d13, 700, "2024-01-31");
  give(db(), d13, 900, "2024-02-29");  // compared with February 2025, which ends on the 28th
  auto r = run({{"from", std::string("2025-01-01")},
                {"to", std::string("2025-02-28")},
                {"grain", std::string("month")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& jan = t.rows[0];
  EXPECT_EQ(std::get<std::string>(jan.at(0)), "2025-01");
  EXPECT_EQ(money(jan, testing::column_index(t, "total")), 11001);
  EXPECT_EQ(std::get<std::int64_t>(jan.at(testing::column_index(t, "gifts"))), 4);
  EXPECT_EQ(std::get<std::int64_t>(jan.at(testing::column_index(t, "donors"))), 3);
  EXPECT_EQ(money(jan, testing::column_index(t, "average")), 2750);  // 2750.25
  EXPECT_EQ(money(jan, testing::column_index(t, "median")), 3001);
  EXPECT_EQ(money(jan, testing::column_index(t, "last_year_total")), 700);
  const auto& feb = t.rows[1];
  EXPECT_EQ(std::get<std::string>(feb.at(0)), "2025-02");
  EXPECT_EQ(std::get<std::int64_t>(feb.at(testing::column_index(t, "gifts"))), 0);
  EXPECT_EQ(money(feb, testing::column_index(t, "last_year_total")), 900);
}

TEST_P(GivingTrendsDatabaseTest, ARangeLongerThanAYearCountsItsFirstMonthInBothYears) {
  auto d1 = testing::make_person(db(), "D1");
  auto d2 = testing::make_person(db(), "D2");
  auto d3 = testing::make_person(db(), "D3");
  give(db(), d3, 70, "2023-01-12");
  give(db(), d1, 100, "2024-01-10");
  give(db(), d2, 300, "2024-01-20");
  give(db(), d1, 50, "2025-01-05");
  // To 31 January 2025: January 2024 is wholly in both windows (this year's and last year's).
  auto whole = run({{"from", std::string("2024-01-01")}, {"to", std::string("2025-01-31")}});
  ASSERT_TRUE(whole.is_ok()) << whole.status().to_string();
  const auto& t = whole->table;
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& jan24 = testing::row_where(t, "period", "2024-01");
  EXPECT_EQ(money(jan24, testing::column_index(t, "total")), 400);
  EXPECT_EQ(money(jan24, testing::column_index(t, "median")), 200);
  EXPECT_EQ(money(jan24, testing::column_index(t, "last_year_total")), 70);
  const auto& jan25 = testing::row_where(t, "period", "2025-01");
  EXPECT_EQ(money(jan25, testing::column_index(t, "total")), 50);
  EXPECT_EQ(money(jan25, testing::column_index(t, "last_year_total")), 400);
  EXPECT_EQ(std::get<std::int64_t>(jan25.at(testing::column_index(t, "last_year_donors"))), 2);
  // To 15 January 2025: only 1-15 January 2024 is last year's, the whole month is this year's.
  auto part = run({{"from", std::string("2024-01-01")}, {"to", std::string("2025-01-15")}});
  ASSERT_TRUE(part.is_ok()) << part.status().to_string();
  const auto& u = part->table;
  ASSERT_EQ(u.rows.size(), 2u);
  const auto& p24 = testing::row_where(u, "period", "2024-01");
  EXPECT_EQ(money(p24, testing::column_index(u, "total")), 400);
  EXPECT_EQ(std::get<std::int64_t>(p24.at(testing::column_index(u, "donors"))), 2);
  EXPECT_EQ(money(p24, testing::column_index(u, "median")), 200);
  EXPECT_EQ(money(p24, testing::column_index(u, "last_year_total")), 70);
  const auto& p25 = testing::row_where(u, "period", "2025-01");
  EXPECT_EQ(money(p25, testing::column_index(u, "last_year_total")), 100);
  EXPECT_EQ(std::get<std::int64_t>(p25.at(testing::column_index(u, "last_year_gifts"))), 1);
  EXPECT_DOUBLE_EQ(std::get<double>(p25.at(testing::column_index(u, "change_percent"))), -50.0);
}

TEST_P(GivingTrendsDatabaseTest, TwoPartsOfOneGiftInOneFundAreOneGiftOfTheirSum) {
  auto d1 = testing::make_person(db(), "D1");
  auto d2 = testing::make_person(db(), "D2");
  auto gen = testing::fund_for(db(), "GEN");
  give(db(), d1, 1000, "2025-01-05", gen);
  // The gift service refuses a fund twice in one gift, but the table allows it (older data, a
  // direct load): the report must still count one gift of 100.00, not two parts.
  const long long gift = give(db(), d2, 10000, "2025-01-20", gen);
  auto twice = db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE gift_allocations SET amount_minor = 6000 WHERE gift_id = :g",
        soci::use(gift);
    u.sql()
        << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor) VALUES (:g, :f, 4000)",
        soci::use(gift), soci::use(gen);
    return Status::ok();
  });
  ASSERT_TRUE(twice.is_ok()) << twice.to_string();
  auto r = run({{"grain", std::string("month")}, {"group_by", std::string("fund")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& row = t.rows[0];
  EXPECT_EQ(money(row, testing::column_index(t, "total")), 11000);
  EXPECT_EQ(std::get<std::int64_t>(row.at(testing::column_index(t, "gifts"))), 2);
  // The gifts are 10.00 and 100.00 (not the parts 10.00, 40.00 and 60.00, whose median is 40.00).
  EXPECT_EQ(money(row, testing::column_index(t, "median")), 5500);
  EXPECT_EQ(money(row, testing::column_index(t, "average")), 5500);
}

TEST_P(GivingTrendsDatabaseTest, RefusesAnUnknownGrouping) {
  auto r = run({{"group_by", std::string("colour")}});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at(0).field, "group_by");
}

STEWARD_INSTANTIATE_DATABASE_TEST(GivingTrendsDatabaseTest);

}  // namespace
}  // namespace steward::reports

// FEP arithmetic with a fake query capability: the FEP worked example (1,000 donors giving
// $1M, 450 of them giving $650k the next year: 45% donor and 65% dollar retention) and the
// periods the report binds.
#include <gtest/gtest.h>

#include "retention_report.hpp"
#include "support/report_fixtures.hpp"

namespace steward::reports {
namespace {

using sdk::Value;

std::map<std::string, Value> params(std::int64_t fiscal_year, std::int64_t start_month = 1) {
  return {{"fiscal_year", fiscal_year},
          {"p2_start", std::monostate{}},
          {"as_of", sdk::Date{2026, 1, 15}},
          {"fiscal_year_start_month", start_month},
          {"counting", std::string("individual")}};
}

const std::vector<Value>& metric(const sdk::Table& t, const std::string& key) {
  return testing::row_where(t, "metric", key);
}

TEST(RetentionReport, FepWorkedExampleGives45PercentDonorAnd65PercentDollarRetention) {
  testing::FakeQuery db;
  // 1,000 donors gave $1,000 each in P1 (first gifts long before); 450 gave $650,000 in P2.
  // The report's query returns them counted per FEP cell: 450 retained who gave less in P2
  // ($650,000 together), 550 who lapsed.
  const std::int64_t p2_total = 65'000'000;
  db.answer(
      {"in_p1", "in_p2", "first_in_p1", "first_in_p2", "change", "donors", "p1", "p2", "currency"},
      {{std::int64_t{1}, std::int64_t{0}, std::int64_t{0}, std::int64_t{0}, std::int64_t{-1},
        std::int64_t{550}, std::int64_t{550 * 100'000}, std::int64_t{0}, std::string("USD")},
       {std::int64_t{1}, std::int64_t{1}, std::int64_t{0}, std::int64_t{0}, std::int64_t{-1},
        std::int64_t{450}, std::int64_t{450 * 100'000}, std::int64_t{p2_total},
        std::string("USD")}});
  RetentionReport report;
  auto t = report.run(db, params(2025));
  ASSERT_TRUE(t.is_ok()) << t.status().to_string();
  EXPECT_DOUBLE_EQ(std::get<double>(metric(*t, "donor_retention").at(6)), 45.0);
  EXPECT_DOUBLE_EQ(std::get<double>(metric(*t, "dollar_retention").at(6)), 65.0);
  EXPECT_EQ(std::get<std::int64_t>(metric(*t, "p1_donors").at(2)), 1000);
  EXPECT_EQ(std::get<std::int64_t>(metric(*t, "lapsed_repeat").at(2)), 550);
  EXPECT_EQ(std::get<sdk::Money>(metric(*t, "net").at(5)).minor, p2_total - 100'000'000);
  // P2 = FY2025 (calendar), P1 = 2024: the bound dates.
  ASSERT_EQ(db.calls.size(), 1u);
  std::vector<std::string> bound;
  for (const auto& v : db.calls[0].params) bound.push_back(testing::cell(v));
  EXPECT_EQ(bound,
            (std::vector<std::string>{"2024-01-01", "2024-12-31", "2025-01-01", "2025-12-31",
                                      "2025-12-31", "2024-01-01", "2024-01-01", "2025-01-01"}));
}

TEST(RetentionReport, FiscalYearsStartingInJuly) {
  testing::FakeQuery db;
  RetentionReport report;
  auto t = report.run(db, params(2026, 7));
  ASSERT_TRUE(t.is_ok()) << t.status().to_string();
  ASSERT_FALSE(db.calls.empty());
  EXPECT_EQ(testing::cell(db.calls[0].params.at(0)), "2024-07-01");
  EXPECT_EQ(testing::cell(db.calls[0].params.at(1)), "2025-06-30");
  EXPECT_EQ(testing::cell(db.calls[0].params.at(2)), "2025-07-01");
  EXPECT_EQ(testing::cell(db.calls[0].params.at(3)), "2026-06-30");
}

TEST(RetentionReport, DefaultsToTheLastCompleteFiscalYear) {
  testing::FakeQuery db;
  RetentionReport report;
  auto p = params(0, 7);
  p["fiscal_year"] = std::monostate{};  // as_of 2026-01-15 is in FY2026: P2 = FY2025
  ASSERT_TRUE(report.run(db, p).is_ok());
  EXPECT_EQ(testing::cell(db.calls.at(0).params.at(2)), "2024-07-01");
}

TEST(RetentionReport, RefusesABadStartMonthNamingIt) {
  testing::FakeQuery db;
  RetentionReport report;
  auto t = report.run(db, params(2025, 13));
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().fields().at(0).field, "fiscal_year_start_month");
}

}  // namespace
}  // namespace steward::reports

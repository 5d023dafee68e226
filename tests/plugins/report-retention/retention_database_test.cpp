// report-retention through the report runner on SQLite and PostgreSQL: a hand-computed
// dataset where every FEP category has a member, a refunded gift that must not count, and a
// household whose members gave in different years.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "retention_report.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

class RetentionDatabaseTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(const std::map<std::string, Value>& supplied,
                                   bool sees_restricted = true) {
    RetentionReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, sees_restricted},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }
};

std::int64_t money(const sdk::Table& t, const std::string& key, const std::string& column) {
  const auto& row = testing::row_where(t, "metric", key);
  const auto& v = row.at(testing::column_index(t, column));
  if (std::holds_alternative<std::monostate>(v)) return 0;
  return std::get<sdk::Money>(v).minor;
}
std::int64_t donors(const sdk::Table& t, const std::string& key) {
  return std::get<std::int64_t>(testing::row_where(t, "metric", key).at(2));
}
double rate(const sdk::Table& t, const std::string& key) {
  return std::get<double>(testing::row_where(t, "metric", key).at(6));
}

TEST_P(RetentionDatabaseTest, EveryCategoryMatchesTheHandComputedFigures) {
  auto a = testing::make_person(db(), "A 새 후원자");  // new in P2
  auto b = testing::make_person(db(), "B");            // repeat, retained, upgraded
  auto c = testing::make_person(db(), "C");            // recaptured
  auto d = testing::make_person(db(), "D");            // lapsed repeat
  auto e = testing::make_person(db(), "E");            // lapsed new
  auto f = testing::make_person(db(), "F");            // new in P1, downgraded
  auto g = testing::make_person(db(), "G");            // new in P1, same
  auto h = testing::make_person(db(), "H");            // P1 gift refunded: new in P2
  give(db(), a, 10000, "2024-03-01");
  give(db(), b, 2000, "2022-05-01");
  give(db(), b, 5000, "2023-02-01");
  give(db(), b, 8000, "2024-02-01");
  give(db(), c, 4000, "2021-06-01");
  give(db(), c, 6000, "2024-06-01");
  give(db(), d, 1000, "2022-01-01");
  give(db(), d, 3000, "2023-01-15");
  give(db(), e, 2500, "2023-07-01");
  give(db(), f, 10000, "2023-03-01");
  give(db(), f, 4000, "2024-03-01");
  give(db(), g, 7000, "2023-04-01");
  give(db(), g, 7000, "2024-04-01");
  testing::refund(db(), give(db(), h, 9000, "2023-05-01"), 0, "2023-05-02");
  give(db(), h, 4500, "2024-05-01");
  give(db(), a, 99900, "2025-01-02");  // after P2: ignored

  auto r =
      run({{"fiscal_year", std::string("2024")}, {"fiscal_year_start_month", std::string("1")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  EXPECT_EQ(donors(t, "p1_donors"), 5);
  EXPECT_EQ(money(t, "p1_donors", "p1_amount"), 27500);
  EXPECT_EQ(donors(t, "p2_donors"), 6);
  EXPECT_EQ(money(t, "p2_donors", "p2_amount"), 39500);
  EXPECT_EQ(donors(t, "new"), 2);
  EXPECT_EQ(money(t, "new", "p2_amount"), 14500);
  EXPECT_EQ(donors(t, "recaptured"), 1);
  EXPECT_EQ(money(t, "recaptured", "p2_amount"), 6000);
  EXPECT_EQ(donors(t, "retained"), 3);
  EXPECT_EQ(donors(t, "upgraded"), 1);
  EXPECT_EQ(money(t, "upgraded", "change"), 3000);
  EXPECT_EQ(donors(t, "same"), 1);
  EXPECT_EQ(donors(t, "downgraded"), 1);
  EXPECT_EQ(money(t, "downgraded", "change"), -6000);
  EXPECT_EQ(donors(t, "lapsed_new"), 1);
  EXPECT_EQ(money(t, "lapsed_new", "p1_amount"), 2500);
  EXPECT_EQ(donors(t, "lapsed_repeat"), 1);
  EXPECT_EQ(money(t, "lapsed_repeat", "p1_amount"), 3000);
  EXPECT_EQ(donors(t, "gains"), 3);
  EXPECT_EQ(money(t, "gains", "change"), 23500);
  EXPECT_EQ(donors(t, "losses"), 2);
  EXPECT_EQ(money(t, "losses", "change"), -11500);
  EXPECT_EQ(donors(t, "net"), 1);
  EXPECT_EQ(money(t, "net", "change"), 12000);
  EXPECT_DOUBLE_EQ(rate(t, "donor_retention"), 60.0);
  EXPECT_DOUBLE_EQ(rate(t, "new_donor_retention"), 66.67);
  EXPECT_DOUBLE_EQ(rate(t, "repeat_donor_retention"), 50.0);
  EXPECT_DOUBLE_EQ(rate(t, "dollar_retention"), 69.09);
}

TEST_P(RetentionDatabaseTest, AHouseholdCountsOnceWhenCountingHouseholds) {
  auto home = testing::make_household(db(), "김 가정");
  auto m1 = testing::make_person(db(), "김철수");
  auto m2 = testing::make_person(db(), "이영희");
  testing::add_member(db(), home, m1);
  testing::add_member(db(), home, m2);
  give(db(), m1, 5000, "2023-06-01");
  give(db(), m2, 7000, "2024-06-01");
  auto individual =
      run({{"fiscal_year", std::string("2024")}, {"fiscal_year_start_month", std::string("1")}});
  ASSERT_TRUE(individual.is_ok()) << individual.status().to_string();
  EXPECT_EQ(donors(individual->table, "retained"), 0);
  EXPECT_EQ(donors(individual->table, "lapsed_new"), 1);
  EXPECT_EQ(donors(individual->table, "new"), 1);
  auto household = run({{"fiscal_year", std::string("2024")},
                        {"fiscal_year_start_month", std::string("1")},
                        {"counting", std::string("household")}});
  ASSERT_TRUE(household.is_ok()) << household.status().to_string();
  EXPECT_EQ(donors(household->table, "retained"), 1);
  EXPECT_EQ(donors(household->table, "upgraded"), 1);
  EXPECT_EQ(money(household->table, "upgraded", "change"), 2000);
  EXPECT_EQ(donors(household->table, "new"), 0);
}

TEST_P(RetentionDatabaseTest, ARestrictedDonorIsLeftOutForACallerWithoutTheGrant) {
  auto open = testing::make_person(db(), "Open");
  auto hidden = testing::make_person(db(), "Hidden");
  testing::make_restricted(db(), hidden);
  give(db(), open, 1000, "2024-02-01");
  give(db(), hidden, 50000, "2024-02-01");
  auto limited = run({{"fiscal_year", std::string("2024")}}, false);
  ASSERT_TRUE(limited.is_ok()) << limited.status().to_string();
  EXPECT_EQ(donors(limited->table, "p2_donors"), 1);
  EXPECT_EQ(money(limited->table, "p2_donors", "p2_amount"), 1000);
  auto granted = run({{"fiscal_year", std::string("2024")}}, true);
  ASSERT_TRUE(granted.is_ok());
  EXPECT_EQ(donors(granted->table, "p2_donors"), 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(RetentionDatabaseTest);

}  // namespace
}  // namespace steward::reports

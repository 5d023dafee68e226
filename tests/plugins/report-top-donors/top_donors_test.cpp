// report-top-donors through the report runner on both backends: competition ranks, a refund,
// the limit, household counting and a restricted donor.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"
#include "top_donors_report.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

class TopDonorsDatabaseTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(std::map<std::string, Value> supplied, bool granted = true) {
    supplied.emplace("from", std::string("2025-01-01"));
    supplied.emplace("to", std::string("2025-12-31"));
    TopDonorsReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, granted},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }
};

TEST_P(TopDonorsDatabaseTest, RanksTiesAndLimits) {
  auto a = testing::make_person(db(), "가 후원자");
  auto b = testing::make_person(db(), "B");
  auto c = testing::make_person(db(), "C");
  auto d = testing::make_person(db(), "D");
  auto hidden = testing::make_person(db(), "Hidden");
  testing::make_restricted(db(), hidden);
  give(db(), a, 10000, "2025-02-01");
  give(db(), a, 2000, "2025-03-01");
  give(db(), b, 12000, "2025-04-01");
  give(db(), c, 9000, "2025-05-01");
  testing::refund(db(), give(db(), d, 50000, "2025-05-02"), 45000, "2025-05-03");
  give(db(), hidden, 99000, "2025-06-01");
  give(db(), c, 99000, "2024-12-31");  // before the period

  auto r = run({{"limit", std::string("4")}}, false);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 4u);
  auto name = [&](std::size_t i) { return std::get<std::string>(t.rows[i].at(2)); };
  auto rank = [&](std::size_t i) { return std::get<std::int64_t>(t.rows[i].at(0)); };
  EXPECT_EQ(name(0), "가 후원자");  // 12000, id before B
  EXPECT_EQ(name(1), "B");
  EXPECT_EQ(rank(0), 1);
  EXPECT_EQ(rank(1), 1);
  EXPECT_EQ(name(2), "C");
  EXPECT_EQ(rank(2), 3);
  EXPECT_EQ(name(3), "D");  // 5000 net
  EXPECT_EQ(std::get<sdk::Money>(t.rows[3].at(3)).minor, 5000);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0].at(4)), 2);
  EXPECT_EQ(std::get<sdk::Money>(t.rows[0].at(5)).minor, 10000);
  EXPECT_EQ(std::get<sdk::Date>(t.rows[0].at(6)), (sdk::Date{2025, 3, 1}));

  auto all = run({{"limit", std::string("1")}});
  ASSERT_TRUE(all.is_ok());
  EXPECT_EQ(std::get<std::string>(all->table.rows.at(0).at(2)), "Hidden");

  auto bad = run({{"limit", std::string("0")}});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "limit");
}

TEST_P(TopDonorsDatabaseTest, HouseholdsAddUpTheirMembers) {
  auto home = testing::make_household(db(), "박 가정");
  auto m1 = testing::make_person(db(), "M1");
  auto m2 = testing::make_person(db(), "M2");
  auto solo = testing::make_person(db(), "Solo");
  testing::add_member(db(), home, m1);
  testing::add_member(db(), home, m2);
  give(db(), m1, 3000, "2025-02-01");
  give(db(), m2, 4000, "2025-02-02");
  give(db(), solo, 6000, "2025-02-03");
  auto r = run({{"counting", std::string("household")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->table.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(r->table.rows[0].at(2)), "박 가정");
  EXPECT_EQ(std::get<sdk::Money>(r->table.rows[0].at(3)).minor, 7000);
  EXPECT_EQ(std::get<std::int64_t>(r->table.rows[0].at(4)), 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(TopDonorsDatabaseTest);

}  // namespace
}  // namespace steward::reports

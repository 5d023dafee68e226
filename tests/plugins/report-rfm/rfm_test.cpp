// report-rfm: quintile scoring (pure) and, through the report runner on both backends, scores
// for five donors whose recency, frequency and money differ.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "rfm_report.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

TEST(RfmScores, QuintilesShareScoresOnTies) {
  EXPECT_EQ(quintile_scores({10, 20, 30, 40, 50}), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(quintile_scores({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
            (std::vector<std::int64_t>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
  EXPECT_EQ(quintile_scores({7, 7, 7}), (std::vector<std::int64_t>{1, 1, 1}));
  EXPECT_EQ(quintile_scores({5, 1, 5}), (std::vector<std::int64_t>{2, 1, 2}));
}

class RfmDatabaseTest : public testing::DatabaseTest {};

TEST_P(RfmDatabaseTest, ScoresFiveDonors) {
  std::vector<long long> ids;
  for (const char* n : {"하나", "둘", "셋", "넷", "다섯"})
    ids.push_back(testing::make_person(db(), n));
  // Donor i gave i+1 gifts of (i+1) x 10.00, the last one (5 - i) months before as_of.
  for (int i = 0; i < 5; ++i) {
    for (int k = 0; k <= i; ++k) {
      char day[16];
      std::snprintf(day, sizeof day, "2025-%02d-%02d", 7 - (5 - i), 10 - k);
      give(db(), ids[static_cast<std::size_t>(i)], (i + 1) * 1000, day);
    }
  }
  give(db(), ids[0], 99999, "2021-01-01");  // outside the 3-year window
  RfmReport report;
  auto r = engine::run_report_function(
      db(), report.parameters(), {{"as_of", std::string("2025-07-01")}},
      engine::ReportCaller{{"test", ""}, true},
      [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
        return report.run(q, p);
      });
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->table.rows.size(), 5u);
  const auto& best = r->table.rows[0];
  EXPECT_EQ(std::get<std::string>(best.at(1)), "다섯");
  EXPECT_EQ(std::get<std::string>(best.at(9)), "555");
  EXPECT_EQ(std::get<std::int64_t>(best.at(4)), 5);
  EXPECT_EQ(std::get<sdk::Money>(best.at(5)).minor, 25000);
  const auto& worst = r->table.rows[4];
  EXPECT_EQ(std::get<std::string>(worst.at(1)), "하나");
  EXPECT_EQ(std::get<std::string>(worst.at(9)), "111");
  EXPECT_EQ(std::get<std::int64_t>(worst.at(3)), 141);  // 2025-02-10 .. 2025-07-01
}

STEWARD_INSTANTIATE_DATABASE_TEST(RfmDatabaseTest);

}  // namespace
}  // namespace steward::reports

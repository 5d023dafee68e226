// report-campaign-results through the report runner on both backends: a campaign with two
// appeals, a refund, a gift outside the range and a campaign without gifts.
#include <gtest/gtest.h>

#include "campaign_results_report.hpp"
#include "engine/report_runner.hpp"
#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;

class CampaignResultsDatabaseTest : public testing::DatabaseTest {
 protected:
  long long insert(const std::string& sql) {
    auto id = db().write(actor(), [&](store::Unit& u) -> Result<long long> {
      long long out = 0;
      u.sql() << sql + " RETURNING id", soci::into(out);
      return out;
    });
    EXPECT_TRUE(id.is_ok()) << id.status().to_string();
    return id.is_ok() ? *id : 0;
  }
  long long gift(long long donor, long long minor, const std::string& day, long long campaign,
                 long long appeal) {
    const long long fund = testing::fund_for(db(), "GEN");
    auto g = db().write(actor(), [&](store::Unit& u) {
      auto in = testing::gift_input(donor, minor, day, fund);
      in.campaign_id = campaign;
      in.appeal_id = appeal;
      return store::gifts::create(u, in);
    });
    EXPECT_TRUE(g.is_ok()) << g.status().to_string();
    return g.is_ok() ? g->id : 0;
  }
};

TEST_P(CampaignResultsDatabaseTest, GoalsRaisedDonorsAndAverages) {
  long long spring = insert(
      "INSERT INTO campaigns (code, name, goal_minor, currency) VALUES "
      "('SPR', '봄 캠페인', 100000, 'USD')");
  insert("INSERT INTO campaigns (code, name, currency) VALUES ('EMPTY', 'Empty', 'USD')");
  long long mail =
      insert("INSERT INTO appeals (campaign_id, code, name, currency, goal_minor) VALUES (" +
             std::to_string(spring) + ", 'SPR-M', 'Letter', 'USD', 40000)");
  long long email =
      insert("INSERT INTO appeals (campaign_id, code, name, channel, currency) VALUES (" +
             std::to_string(spring) + ", 'SPR-E', 'Email', 'email', 'USD')");
  auto a = testing::make_person(db(), "A");
  auto b = testing::make_person(db(), "B");
  gift(a, 20000, "2025-03-01", spring, mail);
  gift(a, 10000, "2025-03-05", spring, email);
  testing::refund(db(), gift(b, 15000, "2025-03-06", spring, mail), 5000, "2025-03-07");
  gift(b, 77700, "2025-06-01", spring, mail);  // after `to`
  CampaignResultsReport report;
  auto r = engine::run_report_function(
      db(), report.parameters(), {{"to", std::string("2025-05-31")}},
      engine::ReportCaller{{"test", ""}, true},
      [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
        return report.run(q, p);
      });
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 4u);
  const auto& campaign = testing::row_where(t, "code", "SPR");
  EXPECT_EQ(std::get<std::string>(campaign.at(0)), "campaign");
  EXPECT_EQ(std::get<sdk::Money>(campaign.at(4)).minor, 40000);
  EXPECT_DOUBLE_EQ(std::get<double>(campaign.at(5)), 40.0);
  EXPECT_EQ(std::get<std::int64_t>(campaign.at(6)), 3);
  EXPECT_EQ(std::get<std::int64_t>(campaign.at(7)), 2);
  EXPECT_EQ(std::get<sdk::Money>(campaign.at(8)).minor, 13333);
  const auto& letter = testing::row_where(t, "code", "SPR-M");
  EXPECT_EQ(std::get<sdk::Money>(letter.at(4)).minor, 30000);
  EXPECT_DOUBLE_EQ(std::get<double>(letter.at(5)), 75.0);
  const auto& mailed = testing::row_where(t, "code", "SPR-E");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(mailed.at(5)));
  const auto& empty = testing::row_where(t, "code", "EMPTY");
  EXPECT_EQ(std::get<std::int64_t>(empty.at(6)), 0);
  EXPECT_EQ(std::get<sdk::Money>(empty.at(4)).minor, 0);
  // Campaign first, then its appeals.
  EXPECT_EQ(std::get<std::string>(t.rows[0].at(1)), "SPR");
  EXPECT_EQ(std::get<std::string>(t.rows[1].at(0)), "appeal");
}

STEWARD_INSTANTIATE_DATABASE_TEST(CampaignResultsDatabaseTest);

}  // namespace
}  // namespace steward::reports

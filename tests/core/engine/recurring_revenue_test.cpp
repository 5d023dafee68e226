#include "engine/recurring_revenue.hpp"

#include <gtest/gtest.h>

#include "support/needs_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using namespace steward::testing::needs;
using domain::Date;

class RecurringRevenueTest : public testing::DatabaseTest {
 protected:
  MrrReport mrr(const Date& as_of = Date(2026, 3, 15)) {
    auto r = db().read([&](store::Unit& u) { return monthly_recurring_revenue(u, as_of); });
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? *r : MrrReport{};
  }
  std::vector<ExpectedGift> upcoming(const Date& from, const Date& to) {
    auto r = db().read([&](store::Unit& u) { return upcoming_expected_gifts(u, from, to); });
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? *r : std::vector<ExpectedGift>{};
  }
  long long plan(long long donor, long long amount, const std::string& frequency,
                 std::optional<long long> fund = {}, const std::string& status = "active") {
    PlanSpec p;
    p.constituent_id = donor;
    p.amount_minor = amount;
    p.frequency = frequency;
    p.fund_id = fund;
    p.status = status;
    return make_plan(db(), p);
  }
};

TEST_P(RecurringRevenueTest, ThreeWeeklyTenDollarPlansAreExactly130) {
  long long donor = make_constituent(db(), "Ada Lovelace");
  for (int i = 0; i < 3; ++i) plan(donor, 1000, "weekly");
  MrrReport r = mrr();
  EXPECT_EQ(r.base.currency, "USD");
  EXPECT_EQ(r.base.monthly_minor, 13000);  // 3 × 10 × 52 / 12, not 3 × 43.33
  EXPECT_EQ(r.base.plan_count, 3);
  ASSERT_EQ(r.base.by_fund.size(), 1u);
  EXPECT_FALSE(r.base.by_fund[0].fund_id.has_value());
  EXPECT_EQ(r.base.by_fund[0].fund_name, "unallocated");
  EXPECT_EQ(r.base.by_fund[0].monthly_minor, 13000);
}

TEST_P(RecurringRevenueTest, MixedFrequenciesSumNumeratorsBeforeDividing) {
  long long donor = make_constituent(db(), "Grace Hopper");
  plan(donor, 1000, "weekly");      // 43.333...
  plan(donor, 10000, "quarterly");  // 33.333...
  plan(donor, 10000, "yearly");     // 8.333...
  plan(donor, 2500, "monthly");     // 25
  // (52000 + 40000 + 10000 + 30000) / 12 = 11000 exactly; rounding each would give 10999.
  EXPECT_EQ(mrr().base.monthly_minor, 11000);
}

TEST_P(RecurringRevenueTest, CountsActiveAndFailingButNotOtherStatusesOrEndedPlans) {
  long long donor = make_constituent(db(), "Donor");
  plan(donor, 1000, "monthly", {}, "active");
  plan(donor, 2000, "monthly", {}, "failing");
  for (const char* s : {"paused", "lapsed", "cancelled", "completed"}) {
    plan(donor, 100000, "monthly", {}, s);
  }
  PlanSpec ended;
  ended.constituent_id = donor;
  ended.amount_minor = 500000;
  ended.ends_on = "2026-03-14";
  make_plan(db(), ended);
  MrrReport r = mrr(Date(2026, 3, 15));
  EXPECT_EQ(r.base.monthly_minor, 3000);
  EXPECT_EQ(r.base.plan_count, 2);
  // The day it ends it still counts.
  EXPECT_EQ(mrr(Date(2026, 3, 14)).base.monthly_minor, 503000);
}

TEST_P(RecurringRevenueTest, ByFundAndOtherCurrenciesListedSeparately) {
  auto funds = make_demo_funds(db(), actor());
  long long donor = make_constituent(db(), "김민지");
  plan(donor, 5000, "monthly", funds.medical);
  plan(donor, 30000, "quarterly", funds.transport);
  plan(donor, 700, "monthly");
  PlanSpec won;
  won.constituent_id = donor;
  won.amount_minor = 50000;
  won.currency = "KRW";
  won.fund_id = funds.church;
  make_plan(db(), won);
  MrrReport r = mrr();
  EXPECT_EQ(r.base.monthly_minor, 5000 + 10000 + 700);
  ASSERT_EQ(r.base.by_fund.size(), 3u);
  EXPECT_EQ(r.base.by_fund[0].fund_name, "Financial and Medical Support");
  EXPECT_EQ(r.base.by_fund[0].monthly_minor, 5000);
  EXPECT_EQ(r.base.by_fund[1].fund_code, "TRANSPORT");
  EXPECT_EQ(r.base.by_fund[1].monthly_minor, 10000);
  EXPECT_EQ(r.base.by_fund[2].fund_name, "unallocated");
  ASSERT_EQ(r.other_currencies.size(), 1u);
  EXPECT_EQ(r.other_currencies[0].currency, "KRW");
  EXPECT_EQ(r.other_currencies[0].monthly_minor, 50000);
  ASSERT_EQ(r.other_currencies[0].by_fund.size(), 1u);
  EXPECT_EQ(r.other_currencies[0].by_fund[0].fund_id.value_or(0), funds.church);
}

TEST_P(RecurringRevenueTest, EmptyDatabaseGivesAnEmptyWellFormedReport) {
  MrrReport r = mrr();
  EXPECT_EQ(r.as_of, "2026-03-15");
  EXPECT_EQ(r.base.currency, "USD");
  EXPECT_EQ(r.base.monthly_minor, 0);
  EXPECT_EQ(r.base.plan_count, 0);
  EXPECT_TRUE(r.base.by_fund.empty());
  EXPECT_TRUE(r.other_currencies.empty());
  EXPECT_TRUE(upcoming(Date(2026, 3, 1), Date(2026, 3, 31)).empty());
}

TEST_P(RecurringRevenueTest, UpcomingGiftsOfAnAnchor31PlanInFebruaryAreSortedByDate) {
  auto funds = make_demo_funds(db(), actor());
  long long hangul = make_constituent(db(), "박서준");
  long long ada = make_constituent(db(), "Ada Lovelace");
  PlanSpec end_of_month;
  end_of_month.constituent_id = hangul;
  end_of_month.amount_minor = 5000;
  end_of_month.anchor_day = 31;
  end_of_month.starts_on = "2026-01-31";
  end_of_month.fund_id = funds.medical;
  long long p31 = make_plan(db(), end_of_month);
  PlanSpec weekly;
  weekly.constituent_id = ada;
  weekly.amount_minor = 1000;
  weekly.frequency = "weekly";
  weekly.starts_on = "2026-02-20";
  long long pw = make_plan(db(), weekly);
  PlanSpec paused = end_of_month;
  paused.status = "paused";
  make_plan(db(), paused);

  auto gifts = upcoming(Date(2026, 2, 15), Date(2026, 3, 6));
  ASSERT_EQ(gifts.size(), 4u);
  EXPECT_EQ(gifts[0].expected_on, "2026-02-20");
  EXPECT_EQ(gifts[0].plan_id, pw);
  EXPECT_EQ(gifts[0].fund_name, "unallocated");
  EXPECT_EQ(gifts[1].expected_on, "2026-02-27");
  EXPECT_EQ(gifts[2].expected_on, "2026-02-28");  // anchor 31 falls on February's last day
  EXPECT_EQ(gifts[2].plan_id, p31);
  EXPECT_EQ(gifts[2].display_name, "박서준");
  EXPECT_EQ(gifts[2].amount_minor, 5000);
  EXPECT_EQ(gifts[2].fund_id.value_or(0), funds.medical);
  EXPECT_EQ(gifts[2].fund_name, "Financial and Medical Support");
  EXPECT_EQ(gifts[3].expected_on, "2026-03-06");
  // And back on the 31st in March.
  auto march = upcoming(Date(2026, 3, 7), Date(2026, 3, 31));
  ASSERT_FALSE(march.empty());
  EXPECT_EQ(march.back().expected_on, "2026-03-31");
  EXPECT_EQ(march.back().plan_id, p31);
}

TEST_P(RecurringRevenueTest, UpcomingRefusesAnInvertedRange) {
  auto r = db().read([&](store::Unit& u) {
    return upcoming_expected_gifts(u, Date(2026, 3, 2), Date(2026, 3, 1));
  });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "to");
}

STEWARD_INSTANTIATE_DATABASE_TEST(RecurringRevenueTest);

}  // namespace
}  // namespace steward::engine

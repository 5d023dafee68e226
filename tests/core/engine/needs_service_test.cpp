#include "engine/needs_service.hpp"

#include <gtest/gtest.h>

#include "support/needs_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using namespace steward::testing::needs;
using domain::Date;

class NeedsServiceTest : public testing::DatabaseTest {
 protected:
  NeedsReport needs(const Date& as_of = Date(2026, 3, 15)) {
    auto r = db().read([&](store::Unit& u) { return needs_coverage(u, as_of); });
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? *r : NeedsReport{};
  }
  const FundNeed& find(const NeedsReport& r, long long fund_id) {
    for (const FundNeed& f : r.funds) {
      if (f.fund_id == fund_id) return f;
    }
    ADD_FAILURE() << "fund " << fund_id << " not in the report";
    static FundNeed none;
    return none;
  }
  void plan(long long donor, long long amount, const std::string& frequency, long long fund) {
    PlanSpec p;
    p.constituent_id = donor;
    p.amount_minor = amount;
    p.frequency = frequency;
    p.fund_id = fund;
    make_plan(db(), p);
  }
  long long gift(long long donor, const std::string& on, long long amount,
                 std::vector<std::pair<long long, long long>> allocations) {
    GiftSpec g;
    g.constituent_id = donor;
    g.received_on = on;
    g.amount_minor = amount;
    g.allocations = std::move(allocations);
    return make_gift(db(), g);
  }
};

// The three demo needs, with numbers a person can check by hand (as of 2026-03-15):
//   Medical:   $50 × 12 people = $600 need; 4 monthly $50 + 3 weekly $10 ($130) = $330
//              committed (55.0 %), gap $270.
//   Transport: $200 need; one quarterly $300 = $100 committed (50.0 %), gap $100.
//   Church:    $1,000 need; yearly $12,000 + monthly $500 = $1,500 committed (150.0 %), gap $0.
TEST_P(NeedsServiceTest, CoverageOfTheThreeDemoNeeds) {
  auto funds = make_demo_funds(db(), actor());
  long long donor = make_constituent(db(), "이지은");
  for (int i = 0; i < 4; ++i) plan(donor, 5000, "monthly", funds.medical);
  for (int i = 0; i < 3; ++i) plan(donor, 1000, "weekly", funds.medical);
  plan(donor, 30000, "quarterly", funds.transport);
  plan(donor, 1200000, "yearly", funds.church);
  plan(donor, 50000, "monthly", funds.church);
  gift(donor, "2026-03-02", 25000, {{funds.transport, 25000}});

  NeedsReport r = needs();
  EXPECT_EQ(r.as_of, "2026-03-15");
  EXPECT_EQ(r.month_start, "2026-03-01");
  ASSERT_EQ(r.funds.size(), 3u);
  EXPECT_EQ(r.funds[0].fund_name, "Community and Church-Building");  // ordered by name

  const FundNeed& medical = find(r, funds.medical);
  EXPECT_EQ(medical.need_per_unit_minor, 5000);
  EXPECT_EQ(medical.people_served.value_or(0), 12);
  EXPECT_EQ(medical.need_minor, 60000);
  EXPECT_EQ(medical.committed_minor, 33000);
  EXPECT_EQ(medical.committed_bp, 5500);
  EXPECT_EQ(format_basis_points(medical.committed_bp), "55.0%");
  EXPECT_EQ(medical.gap_minor, 27000);

  const FundNeed& transport = find(r, funds.transport);
  EXPECT_FALSE(transport.people_served.has_value());
  EXPECT_EQ(transport.need_minor, 20000);
  EXPECT_EQ(transport.committed_minor, 10000);
  EXPECT_EQ(transport.committed_bp, 5000);
  EXPECT_EQ(transport.gap_minor, 10000);
  EXPECT_EQ(transport.received_minor, 25000);
  EXPECT_EQ(transport.received_bp, 12500);
  EXPECT_EQ(format_basis_points(transport.received_bp), "125.0%");

  const FundNeed& church = find(r, funds.church);
  EXPECT_EQ(church.need_minor, 100000);
  EXPECT_EQ(church.committed_minor, 150000);
  EXPECT_EQ(church.committed_bp, 15000);
  EXPECT_EQ(church.gap_minor, 0);  // never below zero
}

TEST_P(NeedsServiceTest, ReceivedThisMonthIsNetOfRefundsAndCountsEachFundOfASplitGift) {
  auto funds = make_demo_funds(db(), actor());
  long long donor = make_constituent(db(), "Donor");
  // Split $300: $100 medical, $200 church.
  gift(donor, "2026-03-05", 30000, {{funds.medical, 10000}, {funds.church, 20000}});
  // $100 to medical, $40 refunded: $60 counts.
  GiftSpec partly;
  partly.constituent_id = donor;
  partly.received_on = "2026-03-06";
  partly.amount_minor = 10000;
  partly.refunded_minor = 4000;
  partly.status = "partially_refunded";
  partly.allocations = {{funds.medical, 10000}};
  make_gift(db(), partly);
  // Not counted: fully refunded, pending, deleted, last month, after as_of.
  GiftSpec refunded = partly;
  refunded.refunded_minor = 10000;
  refunded.status = "refunded";
  make_gift(db(), refunded);
  GiftSpec pending = partly;
  pending.refunded_minor = 0;
  pending.status = "pending";
  make_gift(db(), pending);
  GiftSpec deleted = pending;
  deleted.status = "completed";
  deleted.deleted = true;
  make_gift(db(), deleted);
  gift(donor, "2026-02-28", 99900, {{funds.medical, 99900}});
  gift(donor, "2026-03-16", 99900, {{funds.medical, 99900}});

  NeedsReport r = needs();
  const FundNeed& medical = find(r, funds.medical);
  EXPECT_EQ(medical.received_minor, 16000);  // 100 + 60
  EXPECT_EQ(medical.received_bp, 2666);      // 160 / 600 = 26.666 %, rounded down
  EXPECT_EQ(format_basis_points(medical.received_bp), "26.6%");
  EXPECT_EQ(find(r, funds.church).received_minor, 20000);
  EXPECT_EQ(find(r, funds.transport).received_minor, 0);
}

TEST_P(NeedsServiceTest, ARefundOfASplitGiftIsSharedInProportion) {
  auto funds = make_demo_funds(db(), actor());
  long long donor = make_constituent(db(), "Donor");
  GiftSpec g;
  g.constituent_id = donor;
  g.received_on = "2026-03-10";
  g.amount_minor = 30000;
  g.refunded_minor = 3000;  // $30 of $300
  g.status = "partially_refunded";
  g.allocations = {{funds.medical, 10000}, {funds.church, 20000}};
  make_gift(db(), g);
  NeedsReport r = needs();
  EXPECT_EQ(find(r, funds.medical).received_minor, 9000);
  EXPECT_EQ(find(r, funds.church).received_minor, 18000);
}

// Transport needs $200 a month. Over 2025-04-01 .. 2026-03-15 it received $3,000 + $250 =
// $3,250; twelve months of need are $2,400; the $850 left over is 4 more months (4.25, floor).
TEST_P(NeedsServiceTest, MonthsAheadIsTheLastYearsSurplusInMonthsOfNeed) {
  auto funds = make_demo_funds(db(), actor());
  long long donor = make_constituent(db(), "Donor");
  gift(donor, "2025-03-31", 500000, {{funds.transport, 500000}});  // before the window
  gift(donor, "2025-06-10", 300000, {{funds.transport, 300000}});
  gift(donor, "2026-03-02", 25000, {{funds.transport, 25000}});
  gift(donor, "2026-01-10", 100000, {{funds.church, 100000}});
  NeedsReport r = needs();
  EXPECT_EQ(r.year_start, "2025-04-01");
  const FundNeed& transport = find(r, funds.transport);
  EXPECT_EQ(transport.received_12_months_minor, 325000);
  EXPECT_EQ(transport.months_ahead, 4);
  EXPECT_EQ(find(r, funds.church).months_ahead, 0);  // received less than a year's need
  EXPECT_EQ(find(r, funds.medical).months_ahead, 0);
}

TEST_P(NeedsServiceTest, OnlyActiveFundsWithANeedAreListed) {
  make_fund(db(), actor(), {"GENERAL", "General Fund", {}, "USD", {}});
  make_fund(db(), actor(), {"OLD", "Old Program", 10000, "USD", {}, false});
  long long zero = make_fund(db(), actor(), {"NEW", "새 사역", 10000, "USD", 0});
  NeedsReport r = needs();
  ASSERT_EQ(r.funds.size(), 1u);
  EXPECT_EQ(r.funds[0].fund_id, zero);
  EXPECT_EQ(r.funds[0].fund_name, "새 사역");
  EXPECT_EQ(r.funds[0].need_minor, 10000);  // people_served 0 counts as one
}

TEST_P(NeedsServiceTest, EmptyDatabaseGivesAnEmptyWellFormedReport) {
  NeedsReport r = needs(Date(2026, 2, 28));
  EXPECT_EQ(r.as_of, "2026-02-28");
  EXPECT_EQ(r.month_start, "2026-02-01");
  EXPECT_EQ(r.year_start, "2025-03-01");
  EXPECT_TRUE(r.funds.empty());
}

TEST(BasisPointsTest, RoundsDownAndNeverNegative) {
  EXPECT_EQ(basis_points(1, 3), 3333);
  EXPECT_EQ(basis_points(2, 3), 6666);
  EXPECT_EQ(basis_points(-5, 3), 0);
  EXPECT_EQ(basis_points(5, 0), 0);
  EXPECT_EQ(format_basis_points(0), "0.0%");
  EXPECT_EQ(format_basis_points(6666), "66.6%");
  EXPECT_EQ(format_basis_points(123456), "1234.5%");
}

STEWARD_INSTANTIATE_DATABASE_TEST(NeedsServiceTest);

}  // namespace
}  // namespace steward::engine

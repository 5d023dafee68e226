#include "store/giving_summary_repository.hpp"

#include <gtest/gtest.h>

#include "store/gift_repository.hpp"
#include "store/row_reader.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::GiftInput;

class GivingSummaryTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    fund = testing::make_fund(db(), "GENERAL");
  }
  long long add(const GiftInput& in) {
    auto g = db().write(actor(), [&](Unit& u) { return gifts::create(u, in); });
    EXPECT_TRUE(g.is_ok()) << g.status().to_string();
    return g ? g->id : 0;
  }
  giving::Summary summary(long long id) {
    auto s = db().read([&](Unit& u) { return giving::get(u, id); });
    EXPECT_TRUE(s.is_ok()) << s.status().to_string();
    return s ? *s : giving::Summary{};
  }
  // Every summary row and year row as text, to compare incremental with rebuilt results.
  std::string snapshot() {
    std::string out;
    Status s = db().read([&](Unit& u) {
      soci::rowset<soci::row> rows =
          (u.sql().prepare << "SELECT constituent_id, gift_count, lifetime_minor, "
                              "largest_gift_minor, first_gift_minor, last_gift_minor, "
                              "soft_credit_count, soft_credit_minor FROM giving_summaries "
                              "ORDER BY constituent_id");
      for (const soci::row& r : rows) {
        RowReader rr(r);
        for (std::size_t i = 0; i < r.size(); ++i) out += std::to_string(rr.integer(i)) + ",";
        out += ";";
      }
      soci::rowset<soci::row> years =
          (u.sql().prepare << "SELECT constituent_id, fiscal_year, gift_count, total_minor, "
                              "soft_credit_minor FROM giving_by_year ORDER BY 1, 2");
      for (const soci::row& r : years) {
        RowReader rr(r);
        for (std::size_t i = 0; i < r.size(); ++i) out += std::to_string(rr.integer(i)) + ",";
        out += ";";
      }
      return Status::ok();
    });
    EXPECT_TRUE(s.is_ok()) << s.to_string();
    return out;
  }
  long long fund = 0;
};

TEST_P(GivingSummaryTest, ExactAfterInsertUpdateRefundAndDelete) {
  long long ann = testing::make_person(db(), "Ann");
  long long a = add(testing::gift_input(ann, 5000, "2024-03-01", fund));
  long long b = add(testing::gift_input(ann, 12000, "2025-01-15", fund));
  giving::Summary s = summary(ann);
  EXPECT_EQ(s.gift_count, 2);
  EXPECT_EQ(s.lifetime_minor, 17000);
  EXPECT_EQ(s.largest_gift_minor, 12000);
  EXPECT_EQ(s.first_gift_on.value_or(""), "2024-03-01");
  EXPECT_EQ(s.first_gift_minor, 5000);
  EXPECT_EQ(s.last_gift_on.value_or(""), "2025-01-15");
  EXPECT_EQ(s.last_gift_minor, 12000);

  GiftInput changed = testing::gift_input(ann, 7000, "2024-03-01", fund);
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::update(u, a, changed); }));
  EXPECT_EQ(summary(ann).lifetime_minor, 19000);

  gifts::RefundInput r;
  r.amount = sdk::Money{2000, "USD"};
  r.refunded_on = "2025-02-01";
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::refund(u, b, r); }));
  s = summary(ann);
  EXPECT_EQ(s.lifetime_minor, 17000);
  EXPECT_EQ(s.largest_gift_minor, 10000);

  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::soft_delete(u, a); }));
  s = summary(ann);
  EXPECT_EQ(s.gift_count, 1);
  EXPECT_EQ(s.lifetime_minor, 10000);

  GiftInput pending = testing::gift_input(ann, 999, "2025-03-01", fund);
  pending.status = "pending";
  add(pending);
  EXPECT_EQ(summary(ann).gift_count, 1);

  r.amount.reset();
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::refund(u, b, r); }));
  s = summary(ann);
  EXPECT_EQ(s.gift_count, 0);
  EXPECT_EQ(s.lifetime_minor, 0);
  EXPECT_FALSE(s.first_gift_on.has_value());
}

TEST_P(GivingSummaryTest, HouseholdCountsEachGiftOnceAndSoftCreditsStaySeparate) {
  long long home = testing::make_household(db(), "Lee Household");
  long long jin = testing::make_person(db(), "이진");
  long long mina = testing::make_person(db(), "이민아");
  testing::add_member(db(), home, jin);
  testing::add_member(db(), home, mina);
  long long g1 = add(testing::gift_input(jin, 10000, "2025-01-10", fund));
  add(testing::gift_input(mina, 2500, "2025-01-11", fund));
  auto gift = db().read([&](Unit& u) { return gifts::get(u, g1); });
  ASSERT_TRUE(gift.is_ok());
  ASSERT_EQ(gift->soft_credits.size(), 1u);
  EXPECT_EQ(gift->soft_credits[0].constituent_id, mina);
  EXPECT_EQ(gift->soft_credits[0].role, "household_member");
  EXPECT_EQ(gift->soft_credits[0].amount.minor, 10000);

  giving::Summary h = summary(home);
  EXPECT_EQ(h.gift_count, 2);
  EXPECT_EQ(h.lifetime_minor, 12500);
  EXPECT_EQ(h.soft_credit_minor, 0);
  giving::Summary j = summary(jin);
  EXPECT_EQ(j.lifetime_minor, 10000);
  EXPECT_EQ(j.soft_credit_minor, 2500);
  EXPECT_EQ(j.soft_credit_count, 1);
  giving::Summary m = summary(mina);
  EXPECT_EQ(m.lifetime_minor, 2500);
  EXPECT_EQ(m.soft_credit_minor, 10000);

  // An explicit soft credit for a member replaces the automatic one.
  GiftInput explicit_credit = testing::gift_input(jin, 4000, "2025-01-12", fund);
  explicit_credit.soft_credits.push_back({mina, {1000, "USD"}, "other"});
  long long g3 = add(explicit_credit);
  auto third = db().read([&](Unit& u) { return gifts::get(u, g3); });
  ASSERT_EQ(third->soft_credits.size(), 1u);
  EXPECT_EQ(third->soft_credits[0].amount.minor, 1000);
  EXPECT_EQ(summary(mina).soft_credit_minor, 11000);
  EXPECT_EQ(summary(home).lifetime_minor, 16500);
}

TEST_P(GivingSummaryTest, MemberLeavingKeepsHistoryWithTheHousehold) {
  long long home = testing::make_household(db(), "Park Household");
  long long soo = testing::make_person(db(), "박수");
  long long hana = testing::make_person(db(), "박하나");
  testing::add_member(db(), home, soo, "2020-01-01");
  testing::add_member(db(), home, hana, "2020-01-01");
  add(testing::gift_input(soo, 3000, "2024-05-01", fund));
  testing::end_membership(db(), soo, "2024-12-31");
  Status s = db().write(actor(), [&](Unit& u) { return giving::recompute(u, home); });
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(summary(home).lifetime_minor, 3000);
  long long later = add(testing::gift_input(soo, 8000, "2025-02-01", fund));
  giving::Summary h = summary(home);
  EXPECT_EQ(h.gift_count, 1);
  EXPECT_EQ(h.lifetime_minor, 3000);
  EXPECT_EQ(summary(soo).lifetime_minor, 11000);
  auto g = db().read([&](Unit& u) { return gifts::get(u, later); });
  EXPECT_TRUE(g->soft_credits.empty());
  EXPECT_EQ(summary(hana).soft_credit_minor, 3000);
  std::string incremental = snapshot();
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return giving::rebuild_all(u); }));
  EXPECT_EQ(snapshot(), incremental);
}

TEST_P(GivingSummaryTest, FiscalYearBucketsFollowTheStartMonth) {
  testing::set_setting(db(), "fiscal_year_start_month", "7");
  long long ann = testing::make_person(db(), "Ann");
  add(testing::gift_input(ann, 1000, "2025-06-30", fund));
  add(testing::gift_input(ann, 2000, "2025-07-01", fund));
  add(testing::gift_input(ann, 4000, "2026-01-15", fund));
  giving::Summary s = summary(ann);
  ASSERT_EQ(s.by_year.size(), 2u);
  EXPECT_EQ(s.by_year[0].fiscal_year, 2025);
  EXPECT_EQ(s.by_year[0].total_minor, 1000);
  EXPECT_EQ(s.by_year[1].fiscal_year, 2026);
  EXPECT_EQ(s.by_year[1].total_minor, 6000);
  EXPECT_EQ(s.by_year[1].gift_count, 2);
}

TEST_P(GivingSummaryTest, RebuildAllEqualsIncremental) {
  long long home = testing::make_household(db(), "Kim Household");
  long long a = testing::make_person(db(), "A");
  long long b = testing::make_person(db(), "B");
  long long c = testing::make_person(db(), "C");
  testing::add_member(db(), home, a);
  testing::add_member(db(), home, b);
  add(testing::gift_input(a, 1111, "2024-02-02", fund));
  long long g = add(testing::gift_input(b, 3333, "2024-08-08", fund));
  GiftInput solicited = testing::gift_input(c, 5000, "2025-01-01", fund);
  solicited.soft_credits.push_back({a, {2500, "USD"}, "solicitor"});
  long long g3 = add(solicited);
  gifts::RefundInput r;
  r.amount = sdk::Money{1000, "USD"};
  r.refunded_on = "2025-01-02";
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::refund(u, g3, r); }));
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::soft_delete(u, g); }));
  std::string incremental = snapshot();
  EXPECT_FALSE(incremental.empty());
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return giving::rebuild_all(u); }));
  EXPECT_EQ(snapshot(), incremental);
  EXPECT_EQ(summary(a).soft_credit_minor, 2000);  // 2500 scaled by the 80% not refunded
}

TEST_P(GivingSummaryTest, MovingAGiftToAnotherDonorUpdatesBoth) {
  long long ann = testing::make_person(db(), "Ann");
  long long bo = testing::make_person(db(), "보영");
  long long g = add(testing::gift_input(ann, 4200, "2025-04-01", fund));
  GiftInput moved = testing::gift_input(bo, 4200, "2025-04-01", fund);
  moved.soft_credits.push_back({ann, {4200, "USD"}, "solicitor"});
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::update(u, g, moved); }));
  giving::Summary a = summary(ann);
  EXPECT_EQ(a.gift_count, 0);
  EXPECT_EQ(a.lifetime_minor, 0);
  EXPECT_EQ(a.soft_credit_minor, 4200);
  EXPECT_EQ(summary(bo).lifetime_minor, 4200);
  Status s = db().write(actor(), [&](Unit& u) { return giving::recompute_for_gift(u, g); });
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(summary(bo).gift_count, 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(GivingSummaryTest);

}  // namespace
}  // namespace steward::store

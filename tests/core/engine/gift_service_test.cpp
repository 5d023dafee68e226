// Recording gifts through the engine: the recurring plan a payment pays and the pledge it
// fulfils follow every gift change, in the same transaction.
#include "engine/gift_service.hpp"

#include <gtest/gtest.h>

#include "store/gift_repository.hpp"
#include "store/pledge_repository.hpp"
#include "store/recurring_plan_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using domain::Date;

Date day(const char* text) { return Date::parse(text).value(); }

class GiftServiceTest : public testing::DatabaseTest {
 protected:
  Result<RecordedGift> record(const domain::GiftInput& in) {
    return db().write(actor(), [&](store::Unit& u) { return record_gift(u, in); });
  }
};

TEST_P(GiftServiceTest, AMonthlyPaymentAttachesToItsPlanOnceAndTheRepeatDoesNot) {
  long long donor = testing::make_person(db(), "이은혜");
  long long fund = testing::make_fund(db(), "MED");
  domain::PlanInput plan;
  plan.constituent_id = donor;
  plan.amount = {5000, "USD"};
  plan.anchor_day = 31;
  plan.starts_on = day("2026-01-01");
  plan.fund_id = fund;
  auto created =
      db().write(actor(), [&](store::Unit& u) { return store::recurring_plans::create(u, plan); });
  ASSERT_TRUE(created) << created.status().message();

  auto paid = record(testing::gift_input(donor, 5000, "2026-02-27", fund));
  ASSERT_TRUE(paid) << paid.status().message();
  EXPECT_EQ(paid->plan.result, MatchResult::kAttached);
  EXPECT_EQ(paid->plan.installment_on->to_string(), "2026-02-28");
  EXPECT_EQ(paid->gift.recurring_plan_id, created->id);

  // The same payment entered twice for February is a gift, but not a second installment.
  auto twice = record(testing::gift_input(donor, 5000, "2026-02-28", fund));
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->plan.result, MatchResult::kDuplicatePeriod);
  EXPECT_FALSE(twice->gift.recurring_plan_id.has_value());
  EXPECT_EQ(
      testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE recurring_plan_id IS NOT NULL"),
      1);

  // An idempotent repeat of a request is neither a gift nor an installment.
  auto in = testing::gift_input(donor, 5000, "2026-03-31", fund);
  in.idempotency_key = "stripe-evt-1";
  ASSERT_TRUE(record(in));
  auto replay = record(in);
  ASSERT_TRUE(replay);
  EXPECT_TRUE(replay->gift.replayed);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 3);
}

TEST_P(GiftServiceTest, PledgePaymentsFulfilAndRefundsReopen) {
  long long donor = testing::make_person(db(), "Grace Church");
  long long fund = testing::make_fund(db(), "BUILD");
  domain::PledgeInput pledge;
  pledge.constituent_id = donor;
  pledge.amount = {100000, "USD"};
  pledge.installments = 2;
  pledge.first_due_on = day("2026-01-15");
  pledge.pledged_on = day("2026-01-01");
  pledge.fund_id = fund;
  auto p = db().write(actor(), [&](store::Unit& u) { return store::pledges::create(u, pledge); });
  ASSERT_TRUE(p) << p.status().message();
  auto pay = [&](const char* on) {
    auto in = testing::gift_input(donor, 50000, on, fund);
    in.pledge_id = p->id;
    return record(in);
  };
  auto first = pay("2026-01-15");
  ASSERT_TRUE(first) << first.status().message();
  auto status = [&] {
    return db().read([&](store::Unit& u) { return store::pledges::get(u, p->id); })->status;
  };
  EXPECT_EQ(status(), domain::PledgeStatus::kOpen);
  auto second = pay("2026-02-15");
  ASSERT_TRUE(second);
  EXPECT_EQ(status(), domain::PledgeStatus::kFulfilled);
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    return store::gifts::refund(u, second->gift.id, {sdk::Money{10000, "USD"}, "2026-03-01", {}});
  }));
  EXPECT_EQ(status(), domain::PledgeStatus::kOpen);
  // The pledge is not income: only the payments count in the donor's total.
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT lifetime_minor FROM giving_summaries WHERE "
                               "constituent_id = " +
                                   std::to_string(donor)),
            90000);
}

STEWARD_INSTANTIATE_DATABASE_TEST(GiftServiceTest);

}  // namespace
}  // namespace steward::engine

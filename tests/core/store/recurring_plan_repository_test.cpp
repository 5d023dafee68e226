#include "store/recurring_plan_repository.hpp"

#include <gtest/gtest.h>

#include "store/settings_repository.hpp"
#include "support/aggregate_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::Date;
using domain::PlanStatus;

class RecurringPlanRepositoryTest : public testing::DatabaseTest {
 protected:
  domain::PlanInput monthly(long long donor) {
    domain::PlanInput in;
    in.constituent_id = donor;
    in.amount = sdk::Money{5000, "USD"};
    in.frequency = domain::Frequency::kMonthly;
    in.anchor_day = 31;
    in.starts_on = Date(2026, 1, 1);
    in.notes = "월간 후원자";  // Hangul round-trip
    return in;
  }
  Result<domain::RecurringPlan> create(const domain::PlanInput& in) {
    return db().write(actor(), [&](Unit& u) { return recurring_plans::create(u, in); });
  }
};

TEST_P(RecurringPlanRepositoryTest, CreatesWithFirstInstallmentAndCreationTransition) {
  long long donor = testing::insert_constituent(db(), "김민수");
  auto plan = create(monthly(donor));
  ASSERT_TRUE(plan.is_ok()) << plan.status().to_string();
  EXPECT_EQ(plan->status, PlanStatus::kActive);
  ASSERT_TRUE(plan->next_expected_on.has_value());
  EXPECT_EQ(plan->next_expected_on->to_string(), "2026-01-31");
  EXPECT_EQ(plan->notes.value_or(""), "월간 후원자");
  EXPECT_EQ(plan->starts_on.to_string(), "2026-01-01");
  auto history = db().read([&](Unit& u) { return recurring_plans::transitions(u, plan->id); });
  ASSERT_TRUE(history.is_ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).to_status, "active");
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'recurring_plan'"),
            1);
}

TEST_P(RecurringPlanRepositoryTest, BadInputNamesTheFieldAndWritesNothing) {
  long long donor = testing::insert_constituent(db(), "A");
  auto in = monthly(donor);
  in.anchor_day = 32;
  EXPECT_EQ(create(in).status().fields().at(0).field, "anchor_day");
  in = monthly(donor);
  in.amount.minor = 0;
  EXPECT_EQ(create(in).status().fields().at(0).field, "amount");
  in = monthly(999);
  EXPECT_EQ(create(in).status().fields().at(0).field, "constituent_id");
  in = monthly(donor);
  in.fund_id = 999;
  EXPECT_EQ(create(in).status().fields().at(0).field, "fund_id");
  in = monthly(donor);
  in.ends_on = Date(2025, 1, 1);
  EXPECT_EQ(create(in).status().fields().at(0).field, "ends_on");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM recurring_plans"), 0);
}

TEST_P(RecurringPlanRepositoryTest, PauseResumeAndCancelledIsFinal) {
  long long donor = testing::insert_constituent(db(), "A");
  auto plan = create(monthly(donor));
  ASSERT_TRUE(plan.is_ok());
  auto paused = db().write(
      actor(), [&](Unit& u) { return recurring_plans::pause(u, plan->id, "donor asked"); });
  ASSERT_TRUE(paused.is_ok()) << paused.status().to_string();
  EXPECT_EQ(paused->status, PlanStatus::kPaused);
  auto again =
      db().write(actor(), [&](Unit& u) { return recurring_plans::pause(u, plan->id, "again"); });
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);
  auto resumed = db().write(actor(), [&](Unit& u) {
    return recurring_plans::resume(u, plan->id, Date(2026, 4, 10), "back from leave");
  });
  ASSERT_TRUE(resumed.is_ok()) << resumed.status().to_string();
  EXPECT_EQ(resumed->status, PlanStatus::kActive);
  EXPECT_EQ(resumed->next_expected_on->to_string(), "2026-04-30");  // skipped months not owed
  auto cancelled = db().write(
      actor(), [&](Unit& u) { return recurring_plans::cancel(u, plan->id, "moved away"); });
  ASSERT_TRUE(cancelled.is_ok());
  EXPECT_EQ(cancelled->status, PlanStatus::kCancelled);
  auto revive = db().write(actor(), [&](Unit& u) {
    return recurring_plans::set_status(u, plan->id, PlanStatus::kActive, "oops");
  });
  EXPECT_EQ(revive.status().code(), StatusCode::kPreconditionFailed);
  auto edit = db().write(
      actor(), [&](Unit& u) { return recurring_plans::update(u, plan->id, monthly(donor)); });
  EXPECT_EQ(edit.status().code(), StatusCode::kPreconditionFailed);
  auto history = db().read([&](Unit& u) { return recurring_plans::transitions(u, plan->id); });
  ASSERT_TRUE(history.is_ok());
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ(history->at(3).from_status.value_or(""), "active");
  EXPECT_EQ(history->at(3).reason, "moved away");
}

TEST_P(RecurringPlanRepositoryTest, ListFiltersByDonorStatusAndFund) {
  long long a = testing::insert_constituent(db(), "A");
  long long b = testing::insert_constituent(db(), "B");
  long long fund = testing::insert_fund(db(), "MEDICAL");
  auto in = monthly(a);
  in.fund_id = fund;
  ASSERT_TRUE(create(in).is_ok());
  ASSERT_TRUE(create(monthly(a)).is_ok());
  auto third = create(monthly(b));
  ASSERT_TRUE(third.is_ok());
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return recurring_plans::pause(u, third->id, "x"); })
          .is_ok());
  recurring_plans::ListFilter f;
  f.constituent_id = a;
  EXPECT_EQ(db().read([&](Unit& u) { return recurring_plans::list(u, f); })->items.size(), 2u);
  f = {};
  f.fund_id = fund;
  EXPECT_EQ(db().read([&](Unit& u) { return recurring_plans::list(u, f); })->items.size(), 1u);
  f = {};
  f.status = PlanStatus::kPaused;
  auto paused = db().read([&](Unit& u) { return recurring_plans::list(u, f); });
  ASSERT_EQ(paused->items.size(), 1u);
  EXPECT_EQ(paused->items[0].constituent_id, b);
}

TEST_P(RecurringPlanRepositoryTest, GraceAndLapseSettingsHaveDefaultsAndValidate) {
  EXPECT_EQ(*db().read([&](Unit& u) { return settings::recurring_grace_days(u); }), 7);
  EXPECT_EQ(*db().read([&](Unit& u) { return settings::recurring_lapse_days(u); }), 60);
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return settings::set_recurring_grace_days(u, 3); })
                  .is_ok());
  EXPECT_EQ(*db().read([&](Unit& u) { return settings::recurring_grace_days(u); }), 3);
  Status bad =
      db().write(actor(), [&](Unit& u) { return settings::set_recurring_lapse_days(u, 0); });
  EXPECT_EQ(bad.code(), StatusCode::kInvalid);
  EXPECT_EQ(bad.fields().at(0).field, "recurring.lapse_days");
}

STEWARD_INSTANTIATE_DATABASE_TEST(RecurringPlanRepositoryTest);

}  // namespace
}  // namespace steward::store

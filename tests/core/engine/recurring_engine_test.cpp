#include <gtest/gtest.h>

#include "engine/recurring_matcher.hpp"
#include "engine/recurring_processor.hpp"
#include "store/recurring_plan_repository.hpp"
#include "support/aggregate_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using domain::Date;
using domain::PlanStatus;
using store::Unit;
namespace plans = store::recurring_plans;

class RecurringEngineTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    donor_ = testing::insert_constituent(db(), "이영희");
  }
  long long make_plan(std::optional<Date> ends_on = std::nullopt,
                      std::optional<std::string> reference = std::nullopt) {
    domain::PlanInput in;
    in.constituent_id = donor_;
    in.amount = sdk::Money{5000, "USD"};
    in.anchor_day = 31;
    in.starts_on = Date(2026, 1, 1);
    in.ends_on = ends_on;
    if (reference) {
      in.processor = "stripe";
      in.processor_reference = reference;
    }
    auto plan = db().write(actor(), [&](Unit& u) { return plans::create(u, in); });
    EXPECT_TRUE(plan.is_ok()) << plan.status().to_string();
    return plan.is_ok() ? plan->id : 0;
  }
  long long gift(const std::string& on, long long amount = 5000,
                 const std::string& status = "completed") {
    testing::GiftRow g;
    g.constituent_id = donor_;
    g.received_on = on;
    g.amount_minor = amount;
    g.status = status;
    g.source = "stripe";
    g.external_id = "ch_" + on + status + std::to_string(amount) + std::to_string(++seq_);
    return testing::insert_gift(db(), g);
  }
  MatchOutcome attach(long long gift_id, std::optional<std::string> ref = std::nullopt) {
    auto out = db().write(actor(), [&](Unit& u) { return attach_gift(u, gift_id, ref); });
    EXPECT_TRUE(out.is_ok()) << out.status().to_string();
    return out.is_ok() ? *out : MatchOutcome{};
  }
  ProcessReport run(const Date& today) {
    auto out = db().write(actor(), [&](Unit& u) { return process(u, today); });
    EXPECT_TRUE(out.is_ok()) << out.status().to_string();
    return out.is_ok() ? *out : ProcessReport{};
  }
  domain::RecurringPlan plan(long long id) {
    return *db().read([&](Unit& u) { return plans::get(u, id); });
  }
  long long donor_ = 0;
  int seq_ = 0;
};

TEST_P(RecurringEngineTest, AnchoredOnThe31stThroughFebruary) {
  long long id = make_plan();
  EXPECT_EQ(attach(gift("2026-01-31")).result, MatchResult::kAttached);
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-02-28");
  MatchOutcome feb = attach(gift("2026-02-27"));
  EXPECT_EQ(feb.result, MatchResult::kAttached);
  EXPECT_EQ(feb.installment_on->to_string(), "2026-02-28");
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-03-31");
  EXPECT_EQ(attach(gift("2026-03-31")).result, MatchResult::kAttached);
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-04-30");
  EXPECT_EQ(plan(id).last_paid_on->to_string(), "2026-03-31");
  EXPECT_TRUE(run(Date(2026, 4, 5)).transitions.empty());
}

TEST_P(RecurringEngineTest, GraceThenFailingThenLapsedThenActiveOnPayment) {
  long long id = make_plan();
  EXPECT_TRUE(run(Date(2026, 2, 7)).transitions.empty());  // Jan 31 + 7 days of grace
  ProcessReport failing = run(Date(2026, 2, 8));
  ASSERT_EQ(failing.transitions.size(), 1u);
  EXPECT_EQ(failing.transitions[0].to, PlanStatus::kFailing);
  EXPECT_EQ(failing.transitions[0].reason, "installment due 2026-01-31 unpaid after 7 days");
  EXPECT_EQ(plan(id).consecutive_failures, 1);
  // Idempotent: the same day again changes nothing (no transition, no audit row).
  long long audits = testing::query_int(db(), "SELECT COUNT(*) FROM audit_events");
  EXPECT_TRUE(run(Date(2026, 2, 8)).transitions.empty());
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events"), audits);
  EXPECT_TRUE(run(Date(2026, 4, 8)).transitions.empty());  // 59 days failing
  EXPECT_EQ(plan(id).consecutive_failures, 3);             // Jan 31, Feb 28, Mar 31 missed
  ProcessReport lapsed = run(Date(2026, 4, 9));
  ASSERT_EQ(lapsed.transitions.size(), 1u);
  EXPECT_EQ(lapsed.transitions[0].to, PlanStatus::kLapsed);
  EXPECT_EQ(plan(id).status, PlanStatus::kLapsed);
  EXPECT_TRUE(run(Date(2026, 4, 9)).transitions.empty());
  MatchOutcome paid = attach(gift("2026-04-27"));
  EXPECT_EQ(paid.result, MatchResult::kAttached);
  EXPECT_TRUE(paid.reactivated);
  auto back = plan(id);
  EXPECT_EQ(back.status, PlanStatus::kActive);
  EXPECT_EQ(back.consecutive_failures, 0);
  EXPECT_EQ(back.next_expected_on->to_string(), "2026-05-31");  // missed months not owed
  EXPECT_TRUE(run(Date(2026, 4, 28)).transitions.empty());
  auto history = db().read([&](Unit& u) { return plans::transitions(u, id); });
  ASSERT_TRUE(history.is_ok());
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ(history->at(1).to_status, "failing");
  EXPECT_EQ(history->at(2).to_status, "lapsed");
  EXPECT_EQ(history->at(2).reason, "failing since 2026-02-08, no payment for 60 days");
  EXPECT_EQ(history->at(3).to_status, "active");
  EXPECT_NE(history->at(3).reason.find("payment received 2026-04-27"), std::string::npos);
}

TEST_P(RecurringEngineTest, LongUnprocessedPlanStepsThroughFailingToLapsed) {
  long long id = make_plan();
  ProcessReport r = run(Date(2026, 6, 1));
  ASSERT_EQ(r.transitions.size(), 2u);
  EXPECT_EQ(r.transitions[1].to, PlanStatus::kLapsed);
  EXPECT_EQ(plan(id).status, PlanStatus::kLapsed);
}

TEST_P(RecurringEngineTest, FailedPaymentMovesActiveToFailingAndPaymentRestores) {
  long long id = make_plan();
  EXPECT_EQ(attach(gift("2026-01-31")).result, MatchResult::kAttached);
  long long failed = gift("2026-02-28", 5000, "failed");
  EXPECT_EQ(attach(failed).result, MatchResult::kFailedAttempt);
  EXPECT_EQ(plan(id).consecutive_failures, 1);
  ProcessReport r = run(Date(2026, 3, 1));
  ASSERT_EQ(r.transitions.size(), 1u);
  EXPECT_EQ(r.transitions[0].reason,
            "payment of 2026-02-28 (gift " + std::to_string(failed) + ") failed");
  EXPECT_EQ(attach(gift("2026-03-02")).result, MatchResult::kAttached);  // the retry succeeds
  EXPECT_EQ(plan(id).status, PlanStatus::kActive);
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-03-31");
}

TEST_P(RecurringEngineTest, SecondPaymentForTheSamePeriodIsLeftUnattached) {
  long long id = make_plan();
  EXPECT_EQ(attach(gift("2026-01-31")).result, MatchResult::kAttached);
  long long twice = gift("2026-02-02");
  MatchOutcome dup = attach(twice);
  EXPECT_EQ(dup.result, MatchResult::kDuplicatePeriod);
  EXPECT_EQ(dup.plan_id.value_or(0), id);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM gifts WHERE recurring_plan_id IS NOT "
                               "NULL"),
            1);
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-02-28");
  // Attaching the same gift again is harmless.
  long long first = testing::query_int(db(), "SELECT MIN(id) FROM gifts");
  EXPECT_EQ(attach(first).result, MatchResult::kAttached);
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-02-28");
}

TEST_P(RecurringEngineTest, MatchesByProcessorReferenceOutsideTheWindow) {
  long long id = make_plan(std::nullopt, "sub_123");
  long long late = gift("2026-02-12", 5000);
  EXPECT_EQ(attach(late).result, MatchResult::kNoPlan);  // 12 days from Jan 31: no donor match
  MatchOutcome by_ref = attach(late, "sub_123");
  EXPECT_EQ(by_ref.result, MatchResult::kAttached);
  EXPECT_EQ(by_ref.matched_by, "processor_reference");
  EXPECT_EQ(by_ref.plan_id.value_or(0), id);
}

TEST_P(RecurringEngineTest, MatchesByDonorAmountAndWindow) {
  long long id = make_plan();
  EXPECT_EQ(attach(gift("2026-01-27", 5000)).result, MatchResult::kAttached);  // 4 days early
  EXPECT_EQ(attach(gift("2026-02-28", 7000)).result, MatchResult::kNoPlan);    // other amount
  MatchOutcome feb = attach(gift("2026-03-04", 5000));                         // 4 days late
  EXPECT_EQ(feb.result, MatchResult::kAttached);
  EXPECT_EQ(feb.matched_by, "donor_window");
  EXPECT_EQ(feb.installment_on->to_string(), "2026-02-28");
  EXPECT_EQ(plan(id).next_expected_on->to_string(), "2026-03-31");
}

TEST_P(RecurringEngineTest, ExistingLinkIsValidatedAgainstThePlan) {
  long long id = make_plan();
  long long other = testing::insert_constituent(db(), "Other");
  testing::GiftRow g;
  g.constituent_id = other;
  g.received_on = "2026-01-31";
  g.amount_minor = 5000;
  g.recurring_plan_id = id;
  long long wrong = testing::insert_gift(db(), g);
  auto out = db().write(actor(), [&](Unit& u) { return attach_gift(u, wrong); });
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().fields().at(0).field, "recurring_plan_id");
}

TEST_P(RecurringEngineTest, PausedPlansAreSkippedAndEndedPlansComplete) {
  long long paused = make_plan();
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return plans::pause(u, paused, "travel"); }).is_ok());
  long long ending = make_plan(Date(2026, 2, 28));
  EXPECT_EQ(attach(gift("2026-01-31")).plan_id.value_or(0), ending);  // paused plans not matched
  EXPECT_EQ(attach(gift("2026-02-28")).result, MatchResult::kAttached);
  EXPECT_FALSE(plan(ending).next_expected_on.has_value());
  ProcessReport r = run(Date(2026, 3, 10));
  ASSERT_EQ(r.transitions.size(), 1u);
  EXPECT_EQ(r.transitions[0].plan_id, ending);
  EXPECT_EQ(r.transitions[0].to, PlanStatus::kCompleted);
  EXPECT_EQ(plan(paused).status, PlanStatus::kPaused);
  EXPECT_TRUE(run(Date(2026, 3, 10)).transitions.empty());
}

TEST_P(RecurringEngineTest, WeeklyPlansMatchEachWeekOnce) {
  domain::PlanInput in;
  in.constituent_id = donor_;
  in.amount = sdk::Money{1000, "USD"};
  in.frequency = domain::Frequency::kWeekly;
  in.starts_on = Date(2026, 3, 2);  // a Monday
  auto weekly = db().write(actor(), [&](Unit& u) { return plans::create(u, in); });
  ASSERT_TRUE(weekly.is_ok()) << weekly.status().to_string();
  EXPECT_EQ(attach(gift("2026-03-02", 1000)).installment_on->to_string(), "2026-03-02");
  EXPECT_EQ(attach(gift("2026-03-09", 1000)).installment_on->to_string(), "2026-03-09");
  EXPECT_EQ(attach(gift("2026-03-10", 1000)).result, MatchResult::kDuplicatePeriod);
  EXPECT_EQ(plan(weekly->id).next_expected_on->to_string(), "2026-03-16");
  EXPECT_TRUE(run(Date(2026, 3, 23)).transitions.empty());  // Mar 16 + 7 days of grace
  EXPECT_EQ(run(Date(2026, 3, 24)).transitions.size(), 1u);
}

TEST_P(RecurringEngineTest, AProcessorReferenceOfAnotherDonorIsRefused) {
  make_plan(std::nullopt, "sub_999");
  long long stranger = testing::insert_constituent(db(), "Stranger");
  testing::GiftRow g;
  g.constituent_id = stranger;
  g.received_on = "2026-01-31";
  g.amount_minor = 5000;
  g.source = "stripe";
  long long id = testing::insert_gift(db(), g);
  auto out = db().write(actor(), [&](Unit& u) { return attach_gift(u, id, "sub_999"); });
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().fields().at(0).field, "processor_reference");
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM gifts WHERE recurring_plan_id IS NOT "
                               "NULL"),
            0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(RecurringEngineTest);

}  // namespace
}  // namespace steward::engine

#include "domain/pledge.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

PledgeInput three_months() {
  PledgeInput in;
  in.constituent_id = 1;
  in.amount = sdk::Money{10000, "USD"};
  in.installments = 3;
  in.frequency = Frequency::kMonthly;
  in.first_due_on = Date(2026, 1, 31);
  in.pledged_on = Date(2026, 1, 15);
  return in;
}

TEST(PledgeTest, SplitsExactlyWithTheRemainderOnTheFirstInstallment) {
  auto parts = installment_schedule(three_months());
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].amount_minor, 3334);
  EXPECT_EQ(parts[1].amount_minor, 3333);
  EXPECT_EQ(parts[2].amount_minor, 3333);
  EXPECT_EQ(parts[0].due_on.to_string(), "2026-01-31");
  EXPECT_EQ(parts[1].due_on.to_string(), "2026-02-28");
  EXPECT_EQ(parts[2].due_on.to_string(), "2026-03-31");
}

TEST(PledgeTest, PaymentsApplyOldestFirstAndOverdueFollows) {
  auto parts = installment_schedule(three_months());
  apply_payments(parts, 4000);
  EXPECT_EQ(parts[0].paid_minor, 3334);
  EXPECT_EQ(parts[1].paid_minor, 666);
  EXPECT_EQ(parts[2].paid_minor, 0);
  auto late = overdue(parts, Date(2026, 3, 1));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].seq, 2);
  EXPECT_EQ(late[0].remaining_minor(), 2667);
}

TEST(PledgeTest, ValidationNamesTheField) {
  auto in = three_months();
  in.installments = 0;
  EXPECT_EQ(validate(in).fields().at(0).field, "installments");
  in = three_months();
  in.amount.currency = "ZZZ";
  EXPECT_EQ(validate(in).fields().at(0).field, "amount.currency");
  in = three_months();
  in.first_due_on = Date(2025, 1, 1);
  EXPECT_EQ(validate(in).fields().at(0).field, "first_due_on");
}

}  // namespace
}  // namespace steward::domain

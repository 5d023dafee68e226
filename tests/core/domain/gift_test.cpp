#include "domain/gift.hpp"

#include <gtest/gtest.h>

#include "domain/gift_batch.hpp"

namespace steward::domain {
namespace {

GiftInput valid() {
  GiftInput g;
  g.constituent_id = 1;
  g.received_on = "2025-01-31";
  g.amount = {10000, "USD"};
  g.allocations = {{7, {6000, "USD"}, 0}, {8, {4000, "USD"}, 0}};
  return g;
}

std::string field_of(const GiftInput& g) {
  Status s = validate(g);
  return s.fields().empty() ? "" : s.fields()[0].field;
}

TEST(GiftValidation, AcceptsAValidSplitGift) { EXPECT_TRUE(validate(valid()).is_ok()); }

TEST(GiftValidation, NamesTheFieldAtFault) {
  GiftInput g = valid();
  g.allocations[1].amount.minor = 3999;
  EXPECT_EQ(field_of(g), "allocations");
  g = valid();
  g.allocations[1].amount = {4000, "EUR"};
  EXPECT_EQ(field_of(g), "allocations[1].amount.currency");
  g = valid();
  g.allocations[1].fund_id = 7;
  EXPECT_EQ(field_of(g), "allocations[1].fund_id");
  g = valid();
  g.allocations.clear();
  EXPECT_EQ(field_of(g), "allocations");
  g = valid();
  g.amount.currency = "ZZZ";
  EXPECT_EQ(field_of(g), "amount.currency");
  g = valid();
  g.received_on = "2999-01-01";
  EXPECT_EQ(field_of(g), "received_on");
  g = valid();
  g.payment_method = "bitcoin";
  EXPECT_EQ(field_of(g), "payment_method");
  g = valid();
  g.status = "refunded";
  EXPECT_EQ(field_of(g), "status");
  g = valid();
  g.soft_credits = {{2, {0, "USD"}, "solicitor"}};
  EXPECT_EQ(field_of(g), "soft_credits[0].amount");
  g = valid();
  g.soft_credits = {{1, {100, "USD"}, "solicitor"}};
  EXPECT_EQ(field_of(g), "soft_credits[0].constituent_id");
  g = valid();
  g.soft_credits = {{2, {100, "USD"}, "friend"}};
  EXPECT_EQ(field_of(g), "soft_credits[0].role");
  g = valid();
  g.tribute = Tribute{"in_memory", "", std::nullopt, std::nullopt};
  EXPECT_EQ(field_of(g), "tribute.name");
  g = valid();
  g.fee_minor = 10001;
  EXPECT_EQ(field_of(g), "fee");
  g = valid();
  g.external_id = "ch_1";
  EXPECT_EQ(field_of(g), "source");
}

TEST(GiftBatchValidation, NamesTheField) {
  EXPECT_TRUE(validate(GiftBatchInput{"Deposit", 3, {100, "USD"}}).is_ok());
  EXPECT_EQ(validate(GiftBatchInput{" ", 3, {100, "USD"}}).fields().at(0).field, "name");
  EXPECT_EQ(validate(GiftBatchInput{"D", -1, {100, "USD"}}).fields().at(0).field, "expected_count");
  EXPECT_EQ(validate(GiftBatchInput{"D", 1, {100, "QQQ"}}).fields().at(0).field,
            "expected_total.currency");
}

}  // namespace
}  // namespace steward::domain

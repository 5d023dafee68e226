#include "store/gift_repository.hpp"

#include <gtest/gtest.h>

#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::GiftInput;

class GiftRepositoryTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    donor = testing::make_person(db(), "김민준");
    food = testing::make_fund(db(), "FOOD");
    water = testing::make_fund(db(), "WATER");
    school = testing::make_fund(db(), "SCHOOL");
  }
  Result<domain::Gift> create(const GiftInput& in) {
    return db().write(actor(), [&](Unit& u) { return gifts::create(u, in); });
  }
  Result<domain::Gift> refund(long long id, std::optional<long long> minor,
                              const std::string& day = "2025-03-01") {
    gifts::RefundInput r;
    if (minor) r.amount = sdk::Money{*minor, "USD"};
    r.refunded_on = day;
    r.reason = "card dispute";
    return db().write(actor(), [&](Unit& u) { return gifts::refund(u, id, r); });
  }
  GiftInput split_gift() {
    GiftInput in = testing::gift_input(donor, 10000, "2025-02-01", food);
    in.allocations = {
        {food, {3333, "USD"}, 0}, {water, {3333, "USD"}, 0}, {school, {3334, "USD"}, 0}};
    return in;
  }
  long long donor = 0, food = 0, water = 0, school = 0;
};

TEST_P(GiftRepositoryTest, CreatesAndReadsBackWithHangulNotes) {
  GiftInput in = split_gift();
  in.notes = "감사합니다 — 한국어 메모";
  in.tribute = domain::Tribute{"in_memory", "박서연", std::nullopt, std::nullopt};
  in.payment_method = "check";
  in.check_number = "1042";
  auto made = create(in);
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  auto back = db().read([&](Unit& u) { return gifts::get(u, made->id); });
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->notes.value_or(""), "감사합니다 — 한국어 메모");
  ASSERT_TRUE(back->tribute.has_value());
  EXPECT_EQ(back->tribute->name, "박서연");
  EXPECT_EQ(back->received_on, "2025-02-01");
  EXPECT_EQ(back->base_amount_minor, 10000);
  EXPECT_EQ(back->status, "completed");
  ASSERT_EQ(back->allocations.size(), 3u);
  EXPECT_EQ(back->allocations[2].amount.minor, 3334);
  EXPECT_FALSE(back->anonymous);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'gift' AND action = 'create'"),
            1);
}

TEST_P(GiftRepositoryTest, RefusesBadInputNamingTheFieldAndWritesNothing) {
  GiftInput bad = split_gift();
  bad.allocations[1].amount.minor = 3000;
  auto r = create(bad);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "allocations");
  bad = split_gift();
  bad.allocations[1].amount.minor = -1;
  EXPECT_EQ(create(bad).status().fields().at(0).field, "allocations[1].amount");
  bad = split_gift();
  bad.amount.minor = 0;
  EXPECT_EQ(create(bad).status().fields().at(0).field, "amount");
  bad = split_gift();
  bad.received_on = "2025-02-30";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "received_on");
  bad = split_gift();
  bad.soft_credits.push_back(
      {testing::make_person(db(), "Solicitor"), {10001, "USD"}, "solicitor"});
  EXPECT_EQ(create(bad).status().fields().at(0).field, "soft_credits[0].amount");
  bad = split_gift();
  bad.allocations[0].fund_id = 999999;
  EXPECT_EQ(create(bad).status().fields().at(0).field, "allocations[0].fund_id");
  bad = split_gift();
  bad.amount.currency = "EUR";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "allocations[0].amount.currency");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 0);
  EXPECT_EQ(
      testing::query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'gift'"), 0);
}

TEST_P(GiftRepositoryTest, RefundOfASplitGiftReducesAllocationsExactly) {
  auto made = create(split_gift());
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  auto part = refund(made->id, 1000);
  ASSERT_TRUE(part.is_ok()) << part.status().to_string();
  EXPECT_EQ(part->status, "partially_refunded");
  EXPECT_EQ(part->refunded_minor, 1000);
  long long sum = 0;
  for (const auto& a : part->allocations) sum += a.refunded_minor;
  EXPECT_EQ(sum, 1000);
  EXPECT_EQ(part->allocations[0].refunded_minor, 333);
  EXPECT_EQ(part->allocations[1].refunded_minor, 333);
  EXPECT_EQ(part->allocations[2].refunded_minor, 334);
  // Too much is refused naming the amount; then the rest refunds everything exactly.
  auto too_much = refund(made->id, 9001);
  EXPECT_EQ(too_much.status().fields().at(0).field, "amount");
  auto rest = refund(made->id, std::nullopt);
  ASSERT_TRUE(rest.is_ok()) << rest.status().to_string();
  EXPECT_EQ(rest->status, "refunded");
  EXPECT_EQ(rest->refunded_minor, 10000);
  EXPECT_EQ(rest->base_refunded_minor, 10000);
  for (const auto& a : rest->allocations) EXPECT_EQ(a.refunded_minor, a.amount.minor);
  EXPECT_EQ(refund(made->id, 1).status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'refund'"),
            2);
}

TEST_P(GiftRepositoryTest, IdempotentRepeatCreatesOneGift) {
  GiftInput in = split_gift();
  in.idempotency_key = "web-checkout-77";
  auto first = create(in);
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  EXPECT_FALSE(first->replayed);
  auto again = create(in);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 1);
  in.amount.minor = 20000;
  in.allocations = {{food, {20000, "USD"}, 0}};
  auto different = create(in);
  ASSERT_EQ(different.status().code(), StatusCode::kConflict);
  EXPECT_NE(different.status().message().find("web-checkout-77"), std::string::npos);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 1);
}

TEST_P(GiftRepositoryTest, SourceAndExternalIdAreUnique) {
  GiftInput in = split_gift();
  in.source = "stripe";
  in.external_id = "ch_123";
  ASSERT_TRUE(create(in).is_ok());
  auto dup = create(in);
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  EXPECT_NE(dup.status().message().find("ch_123"), std::string::npos);
}

TEST_P(GiftRepositoryTest, ForeignCurrencyNeedsABaseAmount) {
  GiftInput in = testing::gift_input(donor, 5000, "2025-02-01", food);
  in.amount.currency = "EUR";
  in.allocations[0].amount.currency = "EUR";
  EXPECT_EQ(create(in).status().fields().at(0).field, "base_amount");
  in.exchange_rate = "1.1";
  auto made = create(in);
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  EXPECT_EQ(made->base_amount_minor, 5500);
  EXPECT_EQ(made->base_currency, "USD");
}

TEST_P(GiftRepositoryTest, ListFiltersAndPages) {
  for (int i = 1; i <= 5; ++i) {
    GiftInput in = testing::gift_input(donor, 1000 * i, "2025-01-0" + std::to_string(i), food);
    if (i == 3) in.allocations[0].fund_id = water;
    ASSERT_TRUE(create(in).is_ok());
  }
  gifts::ListFilter f;
  f.page.limit = 2;
  auto p1 = db().read([&](Unit& u) { return gifts::list(u, f); });
  ASSERT_TRUE(p1.is_ok()) << p1.status().to_string();
  ASSERT_EQ(p1->items.size(), 2u);
  EXPECT_EQ(p1->items[0].received_on, "2025-01-05");
  ASSERT_TRUE(p1->next_after_id.has_value());
  f.page.after_id = *p1->next_after_id;
  auto p2 = db().read([&](Unit& u) { return gifts::list(u, f); });
  ASSERT_TRUE(p2.is_ok());
  EXPECT_EQ(p2->items[0].received_on, "2025-01-03");
  gifts::ListFilter by_fund;
  by_fund.fund_id = water;
  auto w = db().read([&](Unit& u) { return gifts::list(u, by_fund); });
  ASSERT_TRUE(w.is_ok());
  ASSERT_EQ(w->items.size(), 1u);
  EXPECT_EQ(w->items[0].amount.minor, 3000);
  gifts::ListFilter range;
  range.from = "2025-01-02";
  range.to = "2025-01-03";
  EXPECT_EQ(db().read([&](Unit& u) { return gifts::list(u, range); })->items.size(), 2u);
}

TEST_P(GiftRepositoryTest, UnacknowledgedListingAndAcknowledge) {
  auto small = create(testing::gift_input(donor, 500, "2025-01-01", food));
  auto big = create(testing::gift_input(donor, 50000, "2025-01-02", water));
  auto refunded = create(testing::gift_input(donor, 700, "2025-01-03", food));
  auto deleted = create(testing::gift_input(donor, 800, "2025-01-04", food));
  ASSERT_TRUE(small && big && refunded && deleted);
  ASSERT_TRUE(refund(refunded->id, std::nullopt).is_ok());
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return gifts::soft_delete(u, deleted->id); }));
  gifts::UnacknowledgedFilter f;
  auto queue = db().read([&](Unit& u) { return gifts::unacknowledged(u, f); });
  ASSERT_TRUE(queue.is_ok()) << queue.status().to_string();
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ((*queue)[0].id, small->id);
  f.largest_first = true;
  f.min_amount_minor = 1000;
  queue = db().read([&](Unit& u) { return gifts::unacknowledged(u, f); });
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, big->id);
  auto bad = db().write(
      actor(), [&](Unit& u) { return gifts::acknowledge(u, {small->id}, "2025-02-01", "pigeon"); });
  EXPECT_EQ(bad.status().fields().at(0).field, "method");
  auto refused = db().write(actor(), [&](Unit& u) {
    return gifts::acknowledge(u, {small->id, refunded->id}, "2025-02-01", "letter");
  });
  EXPECT_EQ(refused.status().code(), StatusCode::kPreconditionFailed);
  auto done = db().write(actor(), [&](Unit& u) {
    return gifts::acknowledge(u, {small->id, big->id}, "2025-02-01", "letter");
  });
  ASSERT_TRUE(done.is_ok()) << done.status().to_string();
  EXPECT_EQ(*done, 2);
  f = {};
  EXPECT_TRUE(db().read([&](Unit& u) { return gifts::unacknowledged(u, f); })->empty());
  auto back = db().read([&](Unit& u) { return gifts::get(u, small->id); });
  EXPECT_EQ(back->acknowledged_at.value_or(""), "2025-02-01T00:00:00Z");
  EXPECT_EQ(back->acknowledgment_method.value_or(""), "letter");
}

STEWARD_INSTANTIATE_DATABASE_TEST(GiftRepositoryTest);

}  // namespace
}  // namespace steward::store

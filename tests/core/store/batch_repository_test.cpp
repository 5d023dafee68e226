#include "store/batch_repository.hpp"

#include <gtest/gtest.h>

#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class GiftBatchTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    donor = testing::make_person(db(), "Donor");
    fund = testing::make_fund(db(), "GENERAL");
    domain::GiftBatchInput in{"Sunday deposit 주일", 2, {15000, "USD"}};
    auto b = db().write(actor(), [&](Unit& u) { return batches::create(u, in); });
    EXPECT_TRUE(b.is_ok()) << b.status().to_string();
    batch = b->id;
  }
  Result<domain::Gift> add(long long minor) {
    domain::GiftInput in = testing::gift_input(donor, minor, "2025-03-02", fund);
    in.batch_id = batch;
    return db().write(actor(), [&](Unit& u) { return gifts::create(u, in); });
  }
  Result<domain::GiftBatch> close() {
    return db().write(actor(), [&](Unit& u) { return batches::close(u, batch); });
  }
  long long donor = 0, fund = 0, batch = 0;
};

TEST_P(GiftBatchTest, CannotCloseWithMismatchedTotal) {
  ASSERT_TRUE(add(10000).is_ok());
  ASSERT_TRUE(add(4000).is_ok());
  auto refused = close();
  ASSERT_EQ(refused.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(refused.status().message().find("expected 2 gift(s) totalling 150.00"),
            std::string::npos)
      << refused.status().message();
  EXPECT_NE(refused.status().message().find("actual 2 gift(s) totalling 140.00"),
            std::string::npos);
  auto b = db().read([&](Unit& u) { return batches::get(u, batch); });
  EXPECT_EQ(b->status, "open");
  EXPECT_EQ(b->actual_total_minor, 14000);
  EXPECT_EQ(b->name, "Sunday deposit 주일");
}

TEST_P(GiftBatchTest, ClosedBatchRefusesChanges) {
  auto g = add(10000);
  ASSERT_TRUE(add(5000).is_ok());
  auto closed = close();
  ASSERT_TRUE(closed.is_ok()) << closed.status().to_string();
  EXPECT_EQ(closed->status, "closed");
  EXPECT_EQ(add(1).status().code(), StatusCode::kPreconditionFailed);
  domain::GiftInput in = testing::gift_input(donor, 10000, "2025-03-02", fund);
  in.batch_id = batch;
  EXPECT_EQ(
      db().write(actor(), [&](Unit& u) { return gifts::update(u, g->id, in); }).status().code(),
      StatusCode::kPreconditionFailed);
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return gifts::soft_delete(u, g->id); }).code(),
            StatusCode::kPreconditionFailed);
  gifts::RefundInput r;
  r.refunded_on = "2025-03-05";
  EXPECT_EQ(
      db().write(actor(), [&](Unit& u) { return gifts::refund(u, g->id, r); }).status().code(),
      StatusCode::kPreconditionFailed);
  EXPECT_EQ(close().status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(GiftBatchTest);

}  // namespace
}  // namespace steward::store

#include "store/pledge_repository.hpp"

#include <gtest/gtest.h>

#include "support/aggregate_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::Date;
using domain::PledgeStatus;

class PledgeRepositoryTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    donor_ = testing::insert_constituent(db(), "박지훈");
  }
  domain::Pledge make(long long amount = 30000, int n = 3) {
    domain::PledgeInput in;
    in.constituent_id = donor_;
    in.amount = sdk::Money{amount, "USD"};
    in.installments = n;
    in.first_due_on = Date(2026, 1, 31);
    in.pledged_on = Date(2026, 1, 10);
    in.notes = "건축 헌금";
    auto p = db().write(actor(), [&](Unit& u) { return pledges::create(u, in); });
    EXPECT_TRUE(p.is_ok()) << p.status().to_string();
    return p.is_ok() ? *p : domain::Pledge{};
  }
  void pay(long long pledge, const std::string& on, long long amount,
           const std::string& status = "completed", long long refunded = 0) {
    testing::GiftRow g;
    g.constituent_id = donor_;
    g.received_on = on;
    g.amount_minor = amount;
    g.pledge_id = pledge;
    g.status = status;
    g.refunded_minor = refunded;
    testing::insert_gift(db(), g);
  }
  domain::Pledge refresh(long long id) {
    auto p = db().write(actor(), [&](Unit& u) { return pledges::refresh_status(u, id); });
    EXPECT_TRUE(p.is_ok()) << p.status().to_string();
    return *p;
  }
  long long donor_ = 0;
};

TEST_P(PledgeRepositoryTest, CreatesInstallmentsAndAppliesPaymentsOldestFirst) {
  auto p = make();
  ASSERT_EQ(p.installments.size(), 3u);
  EXPECT_EQ(p.notes.value_or(""), "건축 헌금");
  EXPECT_EQ(p.balance_minor, 30000);
  pay(p.id, "2026-02-01", 15000);
  pay(p.id, "2026-02-02", 5000, "failed");          // pays nothing
  pay(p.id, "2026-02-03", 5000, "refunded", 5000);  // net zero
  auto back = db().read([&](Unit& u) { return pledges::get(u, p.id); });
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->paid_minor, 15000);
  EXPECT_EQ(back->balance_minor, 15000);
  EXPECT_EQ(back->installments[0].paid_minor, 10000);
  EXPECT_EQ(back->installments[1].paid_minor, 5000);
  auto late =
      db().read([&](Unit& u) { return pledges::overdue_installments(u, p.id, Date(2026, 4, 1)); });
  ASSERT_TRUE(late.is_ok());
  ASSERT_EQ(late->size(), 2u);
  EXPECT_EQ(late->at(0).seq, 2);
  EXPECT_EQ(late->at(0).remaining_minor(), 5000);
  auto all = db().read([&](Unit& u) { return pledges::overdue(u, Date(2026, 3, 1)); });
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->at(0).id, p.id);
  EXPECT_TRUE(db().read([&](Unit& u) { return pledges::overdue(u, Date(2026, 2, 10)); })->empty());
}

TEST_P(PledgeRepositoryTest, FulfilledWhenPaidInFullAndReopenedByARefund) {
  auto p = make(30000, 3);
  pay(p.id, "2026-01-31", 30000);
  EXPECT_EQ(refresh(p.id).status, PledgeStatus::kFulfilled);
  EXPECT_EQ(refresh(p.id).status, PledgeStatus::kFulfilled);  // no-op
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'pledge' AND action = 'update'"),
            1);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM giving_summaries"), 0);
}

TEST_P(PledgeRepositoryTest, WriteOffClosesTheBalance) {
  auto p = make();
  pay(p.id, "2026-01-31", 10000);
  auto off = db().write(actor(), [&](Unit& u) {
    return pledges::write_off(u, p.id, "donor passed away", Date(2026, 5, 1));
  });
  ASSERT_TRUE(off.is_ok()) << off.status().to_string();
  EXPECT_EQ(off->status, PledgeStatus::kWrittenOff);
  EXPECT_EQ(off->written_off_minor, 20000);
  EXPECT_EQ(off->balance_minor, 0);
  EXPECT_EQ(off->write_off_reason.value_or(""), "donor passed away");
  auto again = db().write(
      actor(), [&](Unit& u) { return pledges::write_off(u, p.id, "again", Date(2026, 5, 2)); });
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);
  auto late =
      db().read([&](Unit& u) { return pledges::overdue_installments(u, p.id, Date(2026, 6, 1)); });
  EXPECT_TRUE(late->empty());
}

TEST_P(PledgeRepositoryTest, BadInputNamesTheFieldAndListFilters) {
  domain::PledgeInput in;
  in.constituent_id = 999;
  in.amount = sdk::Money{100, "USD"};
  in.first_due_on = Date(2026, 1, 1);
  in.pledged_on = Date(2026, 1, 1);
  auto bad = db().write(actor(), [&](Unit& u) { return pledges::create(u, in); });
  EXPECT_EQ(bad.status().fields().at(0).field, "constituent_id");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM pledges"), 0);
  make();
  auto second = make(500, 1);
  pay(second.id, "2026-01-31", 500);
  refresh(second.id);
  pledges::ListFilter f;
  f.status = PledgeStatus::kOpen;
  auto open = db().read([&](Unit& u) { return pledges::list(u, f); });
  ASSERT_TRUE(open.is_ok());
  EXPECT_EQ(open->items.size(), 1u);
  f = {};
  f.constituent_id = donor_;
  EXPECT_EQ(db().read([&](Unit& u) { return pledges::list(u, f); })->items.size(), 2u);
}

STEWARD_INSTANTIATE_DATABASE_TEST(PledgeRepositoryTest);

}  // namespace
}  // namespace steward::store

// Refunds and disputes counted once however many exports state them (decision 0154): Stripe's
// payments export (a charge's cumulative refunded total, "<charge>:refund") and its refunds
// export (each "re_..."), in either order and twice; lost disputes; PayPal refund rows seen
// again in a later activity file. On SQLite and PostgreSQL.
#include "import_support.hpp"

namespace steward {
namespace {

using testing::Line;
using testing::pay;

class ImportRefundsTest : public testing::ImportTest {
 protected:
  Line charge(long long amount = 10000) {
    Line l = pay("ch_1", amount, "김민지", "minji@example.org");
    l.date = "2026-01-05";
    return l;
  }
  static Line undo(const std::string& id, long long amount, const std::string& kind = "refund") {
    Line l = pay(id, amount, "김민지", "minji@example.org");
    l.kind = kind;
    l.original = "ch_1";
    l.date = "2026-01-10";
    return l;
  }
  long long refunded() {
    return count("SELECT refunded_minor FROM gifts WHERE external_id = 'ch_1'");
  }
  long long net_allocated() {
    return count(
        "SELECT SUM(a.amount_minor - a.refunded_minor) FROM gift_allocations a JOIN "
        "gifts g ON g.id = a.gift_id WHERE g.external_id = 'ch_1'");
  }
};

TEST_P(ImportRefundsTest, PaymentsThenRefundsExportCountsTheRefundOnce) {
  // The payments export: the charge and its cumulative refunded total.
  auto payments = import({charge(), undo("ch_1:refund", 3000)});
  EXPECT_EQ(payments.totals.refunds, 1);
  EXPECT_EQ(refunded(), 3000);
  // The refunds export: the two refunds that make up the 30.00.
  auto refunds = import({undo("re_1", 2000), undo("re_2", 1000)});
  EXPECT_EQ(refunds.totals.refunds, 0);
  EXPECT_EQ(refunds.totals.duplicates, 2);
  EXPECT_EQ(refunded(), 3000);
  EXPECT_EQ(net_allocated(), 7000);
  // Both again: nothing moves.
  import({charge(), undo("ch_1:refund", 3000)});
  import({undo("re_1", 2000), undo("re_2", 1000)});
  EXPECT_EQ(refunded(), 3000);
  EXPECT_EQ(count("SELECT status = 'partially_refunded' FROM gifts WHERE external_id = 'ch_1'"), 1);
}

TEST_P(ImportRefundsTest, RefundsThenPaymentsExportCountsTheRefundOnce) {
  import({charge()});
  auto refunds = import({undo("re_1", 2000), undo("re_2", 1000)});
  EXPECT_EQ(refunds.totals.refunds, 2);
  EXPECT_EQ(refunded(), 3000);
  auto payments = import({charge(), undo("ch_1:refund", 3000)});
  EXPECT_EQ(payments.totals.refunds, 0);
  EXPECT_EQ(refunded(), 3000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts"), 1);
}

TEST_P(ImportRefundsTest, ALaterPaymentsExportRaisesTheTotalByTheDifferenceOnly) {
  import({charge(), undo("ch_1:refund", 3000)});
  auto later = stage({charge(), undo("ch_1:refund", 5000)});
  ASSERT_TRUE(later) << later.status().to_string();
  EXPECT_EQ(later->counts["refund"], 1);  // not a duplicate: more was refunded since
  ASSERT_TRUE(engine::imports::commit_import(db(), actor(), later->import_id));
  EXPECT_EQ(refunded(), 5000);
  // The refunds export lists three refunds summing to the same 50.00.
  import({undo("re_1", 2000), undo("re_2", 1000), undo("re_3", 2000)});
  EXPECT_EQ(refunded(), 5000);
  // A fourth refund Stripe has not yet counted in a payments export adds its 10.00.
  import({undo("re_4", 1000)});
  EXPECT_EQ(refunded(), 6000);
  // An older payments export (30.00 refunded) lowers nothing.
  import({charge(), undo("ch_1:refund", 3000)});
  EXPECT_EQ(refunded(), 6000);
}

TEST_P(ImportRefundsTest, DisputesAreCountedOnceBesideRefunds) {
  // The payments export names a lost dispute of 40.00 and a refund of 10.00.
  import({charge(), undo("ch_1:refund", 1000), undo("ch_1:dispute", 4000, "reversal")});
  EXPECT_EQ(refunded(), 5000);
  // The disputes export states the same dispute; the balance report the same refund.
  import({undo("dp_1", 4000, "reversal"), undo("re_1", 1000)});
  EXPECT_EQ(refunded(), 5000);
  import({undo("dp_1", 4000, "reversal"), undo("re_1", 1000)});
  EXPECT_EQ(refunded(), 5000);
}

TEST_P(ImportRefundsTest, NeverRefundsMoreThanTheGift) {
  import({charge(), undo("ch_1:refund", 6000)});
  import({undo("dp_1", 6000, "reversal")});  // refund 60 + dispute 60 > 100
  EXPECT_EQ(refunded(), 10000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE status = 'refunded'"), 1);
  auto again = import({undo("re_9", 500)});
  EXPECT_EQ(again.totals.errors, 0);
  EXPECT_EQ(refunded(), 10000);
}

TEST_P(ImportRefundsTest, PayPalRefundRowsInALaterActivityFileCountOnce) {
  // PayPal: each refund is its own transaction referring to the payment; the next activity
  // download repeats it beside a second partial refund.
  Line payment = charge();
  import({payment, undo("4RF00000000000001", 2500)});
  EXPECT_EQ(refunded(), 2500);
  import({undo("4RF00000000000001", 2500), undo("4RF00000000000002", 500), payment});
  EXPECT_EQ(refunded(), 3000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_refund_lines"), 2);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_events WHERE action = 'refund_line'"), 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportRefundsTest);

}  // namespace
}  // namespace steward

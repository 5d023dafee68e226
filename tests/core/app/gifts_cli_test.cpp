// `steward gifts`, `steward batches` and `steward rollups` run as an admin would.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;

class GiftsCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok()) << db.status().to_string();
    steward::Status s = (*db)->write({}, [](steward::store::Unit& u) {
      u.sql() << "INSERT INTO constituents (kind, display_name, sort_name) "
                 "VALUES ('individual', '김민준', '김민준')";
      u.sql() << "INSERT INTO constituents (kind, display_name, sort_name) "
                 "VALUES ('individual', 'Solicitor', 'Solicitor')";
      u.sql() << "INSERT INTO funds (code, name) VALUES ('FOOD', 'Food'), ('WATER', 'Water')";
      return steward::Status::ok();
    });
    ASSERT_TRUE(s.is_ok()) << s.to_string();
  }
};

TEST_F(GiftsCliTest, AddRepeatRefundAcknowledge) {
  std::string add =
      "gifts add --donor 1 --amount 100.00 --fund 1:33.33 --fund 2 "
      "--date 2025-02-01 --idempotency-key order-9";
  CliRun first = steward_db(add);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("funds 1:33.33 2:66.67"), std::string::npos) << first.output;
  CliRun again = steward_db(add);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("already recorded"), std::string::npos) << again.output;
  CliRun changed =
      steward_db("gifts add --donor 1 --amount 5.00 --fund 1 --idempotency-key order-9");
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.output.find("order-9"), std::string::npos) << changed.output;
  CliRun bad = steward_db("gifts add --donor 1 --amount 5.00 --fund 1:6.00");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("allocations"), std::string::npos) << bad.output;

  CliRun credited = steward_db(
      "gifts add --donor 1 --amount 40.00 --fund 1 --soft-credit 2:15.00:solicitor "
      "--in-memory-of '박서연' --date 2025-02-02");
  EXPECT_EQ(credited.exit_code, 0) << credited.output;
  EXPECT_NE(credited.output.find("2:15.00(solicitor)"), std::string::npos) << credited.output;
  CliRun refund = steward_db("gifts refund 1 --amount 10.00 --date 2025-02-03");
  EXPECT_EQ(refund.exit_code, 0) << refund.output;
  EXPECT_NE(refund.output.find("partially_refunded"), std::string::npos);
  CliRun queue = steward_db("gifts unacknowledged");
  EXPECT_NE(queue.output.find("gift 1 "), std::string::npos) << queue.output;
  CliRun ack = steward_db("gifts acknowledge 1 2 --method letter --date 2025-02-05");
  EXPECT_EQ(ack.exit_code, 0) << ack.output;
  EXPECT_EQ(steward_db("gifts unacknowledged").output, "");
  CliRun json = steward_db("gifts show 1 --json");
  EXPECT_NE(json.output.find("\"refunded_minor\": 1000"), std::string::npos) << json.output;
  EXPECT_EQ(steward_db("rollups rebuild").exit_code, 0);
  EXPECT_EQ(steward_db("gifts delete 1").exit_code, 0);
  EXPECT_EQ(steward_db("gifts show 1").exit_code, 1);
}

TEST_F(GiftsCliTest, BatchesReconcileBeforeClosing) {
  CliRun made =
      steward_db("batches create 'Sunday 주일' --expected-count 1 --expected-total 25.00");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  ASSERT_EQ(steward_db("gifts add --donor 1 --amount 20.00 --fund 1 --batch 1").exit_code, 0);
  CliRun refused = steward_db("batches close 1");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("expected 1 gift(s) totalling 25.00"), std::string::npos)
      << refused.output;
  ASSERT_EQ(steward_db("gifts delete 1").exit_code, 0);
  ASSERT_EQ(steward_db("gifts add --donor 1 --amount 25.00 --fund 2 --batch 1").exit_code, 0);
  CliRun closed = steward_db("batches close 1");
  EXPECT_EQ(closed.exit_code, 0) << closed.output;
  EXPECT_NE(closed.output.find("closed"), std::string::npos);
  EXPECT_EQ(steward_db("gifts delete 2").exit_code, 1);
  CliRun show = steward_db("batches show 1 --json");
  EXPECT_NE(show.output.find("\"actual_total_minor\": 2500"), std::string::npos) << show.output;
}

}  // namespace

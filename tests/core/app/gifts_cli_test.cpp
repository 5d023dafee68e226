// `steward gifts`, `steward batches` and `steward rollups` run as an admin would.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace {

struct CliResult {
  int exit_code = -1;
  std::string output;
};

CliResult run(const std::string& args) {
  std::string command = std::string(STEWARD_BIN) + " " + args + " 2>&1";
  CliResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class GiftsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-gifts-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "steward.db").string();
    ASSERT_EQ(run("--database " + url_ + " migrate").exit_code, 0);
    auto db = steward::store::Database::open(url_);
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
  void TearDown() override { std::filesystem::remove_all(dir_); }
  CliResult steward(const std::string& args) { return run("--database " + url_ + " " + args); }
  std::filesystem::path dir_;
  std::string url_;
};

TEST_F(GiftsCliTest, AddRepeatRefundAcknowledge) {
  std::string add =
      "gifts add --donor 1 --amount 100.00 --fund 1:33.33 --fund 2 "
      "--date 2025-02-01 --idempotency-key order-9";
  CliResult first = steward(add);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("funds 1:33.33 2:66.67"), std::string::npos) << first.output;
  CliResult again = steward(add);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("already recorded"), std::string::npos) << again.output;
  CliResult changed =
      steward("gifts add --donor 1 --amount 5.00 --fund 1 --idempotency-key order-9");
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.output.find("order-9"), std::string::npos) << changed.output;
  CliResult bad = steward("gifts add --donor 1 --amount 5.00 --fund 1:6.00");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("allocations"), std::string::npos) << bad.output;

  CliResult credited = steward(
      "gifts add --donor 1 --amount 40.00 --fund 1 --soft-credit 2:15.00:solicitor "
      "--in-memory-of '박서연' --date 2025-02-02");
  EXPECT_EQ(credited.exit_code, 0) << credited.output;
  EXPECT_NE(credited.output.find("2:15.00(solicitor)"), std::string::npos) << credited.output;
  CliResult refund = steward("gifts refund 1 --amount 10.00 --date 2025-02-03");
  EXPECT_EQ(refund.exit_code, 0) << refund.output;
  EXPECT_NE(refund.output.find("partially_refunded"), std::string::npos);
  CliResult queue = steward("gifts unacknowledged");
  EXPECT_NE(queue.output.find("gift 1 "), std::string::npos) << queue.output;
  CliResult ack = steward("gifts acknowledge 1 2 --method letter --date 2025-02-05");
  EXPECT_EQ(ack.exit_code, 0) << ack.output;
  EXPECT_EQ(steward("gifts unacknowledged").output, "");
  CliResult json = steward("gifts show 1 --json");
  EXPECT_NE(json.output.find("\"refunded_minor\": 1000"), std::string::npos) << json.output;
  EXPECT_EQ(steward("rollups rebuild").exit_code, 0);
  EXPECT_EQ(steward("gifts delete 1").exit_code, 0);
  EXPECT_EQ(steward("gifts show 1").exit_code, 1);
}

TEST_F(GiftsCliTest, BatchesReconcileBeforeClosing) {
  CliResult made =
      steward("batches create 'Sunday 주일' --expected-count 1 --expected-total 25.00");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  ASSERT_EQ(steward("gifts add --donor 1 --amount 20.00 --fund 1 --batch 1").exit_code, 0);
  CliResult refused = steward("batches close 1");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("expected 1 gift(s) totalling 25.00"), std::string::npos)
      << refused.output;
  ASSERT_EQ(steward("gifts delete 1").exit_code, 0);
  ASSERT_EQ(steward("gifts add --donor 1 --amount 25.00 --fund 2 --batch 1").exit_code, 0);
  CliResult closed = steward("batches close 1");
  EXPECT_EQ(closed.exit_code, 0) << closed.output;
  EXPECT_NE(closed.output.find("closed"), std::string::npos);
  EXPECT_EQ(steward("gifts delete 2").exit_code, 1);
  CliResult show = steward("batches show 1 --json");
  EXPECT_NE(show.output.find("\"actual_total_minor\": 2500"), std::string::npos) << show.output;
}

}  // namespace

// `steward mail appeal cancel SEND` through the real binary: a queued send is cancelled before
// the job worker runs it (nothing reaches the outbox, ever), a second cancel is refused naming
// the state, and `status` shows the recipients cancelled.
#include <filesystem>

#include <gtest/gtest.h>

#include "support/appeal_fixtures.hpp"
#include "support/cli_runner.hpp"
#include "support/mail_fixtures.hpp"

namespace {

namespace fs = std::filesystem;
using steward::testing::CliRun;

class MailAppealCancelCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
  CliRun cancel_cli(const std::string& args) {
    return steward::testing::run_command(
        "STEWARD_SECRET_KEY_FILE=" + (dir_ / "secret.key").string() + " " + STEWARD_BIN +
        " --database " + db_ + " --plugin-dir " + (dir_ / "plugins").string() + " " + args);
  }
  std::size_t outbox_files() {
    std::size_t n = 0;
    if (!fs::exists(dir_ / "outbox")) return 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "outbox")) {
      n += e.is_regular_file() ? 1 : 0;
    }
    return n;
  }
};

TEST_F(MailAppealCancelCliTest, ACancelledSendIsNeverSent) {
  steward::testing::AppealSetup setup;
  {
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    auto& db = **opened;
    setup = steward::testing::make_appeal_setup(db);
    steward::testing::make_donor(db, "김민지", "minji@example.com");
    steward::testing::make_donor(db, "Grace Lee", "grace@example.com");
  }
  fs::path so = fs::path(STEWARD_BIN).parent_path().parent_path() / "plugins" / "mail-file.so";
  ASSERT_TRUE(fs::exists(so)) << so;
  ASSERT_EQ(cancel_cli("plugins install " + so.string()).exit_code, 0);
  ASSERT_EQ(cancel_cli("plugins configure org.steward.mail.file --set outbox=" +
                       (dir_ / "outbox").string())
                .exit_code,
            0);
  ASSERT_EQ(cancel_cli("plugins enable org.steward.mail.file").exit_code, 0);

  CliRun sent = cancel_cli("mail appeal send --appeal " + std::to_string(setup.appeal_id) +
                           " --segment " + std::to_string(setup.segment_id));
  ASSERT_EQ(sent.exit_code, 0) << sent.output;

  CliRun cancelled = cancel_cli("mail appeal cancel 1");
  ASSERT_EQ(cancelled.exit_code, 0) << cancelled.output;
  EXPECT_NE(cancelled.output.find("appeal send 1 cancelled: 2 recipient(s) will not be sent"),
            std::string::npos)
      << cancelled.output;

  EXPECT_EQ(cancel_cli("jobs run-once").exit_code, 0);
  EXPECT_EQ(outbox_files(), 0U);

  CliRun twice = cancel_cli("mail appeal cancel 1");
  EXPECT_NE(twice.exit_code, 0);
  EXPECT_NE(twice.output.find("already cancelled"), std::string::npos) << twice.output;
  EXPECT_NE(cancel_cli("mail appeal cancel 99").exit_code, 0);

  CliRun status = cancel_cli("mail appeal status 1 --json");
  ASSERT_EQ(status.exit_code, 0) << status.output;
  EXPECT_NE(status.output.find("\"status\": \"cancelled\""), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("\"cancelled\": 2"), std::string::npos) << status.output;
}

}  // namespace

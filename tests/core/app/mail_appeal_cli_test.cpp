// `steward mail appeal ...` through the real binary with the mail-file plugin: preview with each
// exclusion, send as a job run by `steward jobs run-once`, one .eml per recipient in the outbox
// (Hangul headers encoded, one-click List-Unsubscribe), nothing sent twice, status and results.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/appeal_fixtures.hpp"
#include "support/cli_runner.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"

namespace {

namespace fs = std::filesystem;
using steward::testing::CliRun;

class MailAppealCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
  CliRun run(const std::string& args) {
    return steward::testing::run_command(
        "STEWARD_SECRET_KEY_FILE=" + (dir_ / "secret.key").string() + " " + STEWARD_BIN +
        " --database " + db_ + " --plugin-dir " + (dir_ / "plugins").string() + " " + args);
  }
  std::vector<std::string> outbox() {
    std::vector<std::string> out;
    if (!fs::exists(dir_ / "outbox")) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "outbox")) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }
};

TEST_F(MailAppealCliTest, PreviewsSendsThroughTheOutboxOnceAndReports) {
  steward::testing::AppealSetup setup;
  {
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    auto& db = **opened;
    setup = steward::testing::make_appeal_setup(db);
    steward::testing::make_donor(db, "김민지", "minji@example.com");
    steward::testing::make_donor(db, "Grace Lee", "grace@example.com");
    long long out = steward::testing::make_donor(db, "박서연", "seoyeon@example.com");
    steward::testing::set_do_not_email(db, out, true);
  }
  const std::string ids = "--appeal " + std::to_string(setup.appeal_id) + " --segment " +
                          std::to_string(setup.segment_id);
  fs::path so = fs::path(STEWARD_BIN).parent_path().parent_path() / "plugins" / "mail-file.so";
  ASSERT_TRUE(fs::exists(so)) << so;
  ASSERT_EQ(run("plugins install " + so.string()).exit_code, 0);
  ASSERT_EQ(
      run("plugins configure org.steward.mail.file --set outbox=" + (dir_ / "outbox").string())
          .exit_code,
      0);
  ASSERT_EQ(run("plugins enable org.steward.mail.file").exit_code, 0);

  CliRun preview = run("mail appeal preview " + ids);
  ASSERT_EQ(preview.exit_code, 0) << preview.output;
  EXPECT_NE(preview.output.find("do not email       1"), std::string::npos) << preview.output;
  EXPECT_NE(preview.output.find("recipients: 2 (1 in English, 1 in Korean)"), std::string::npos)
      << preview.output;

  CliRun bad = run("mail appeal send " + ids + " --rate 0");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("rate_per_minute"), std::string::npos) << bad.output;

  CliRun sent = run("mail appeal send " + ids + " --rate 6000");
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_NE(sent.output.find("queued"), std::string::npos) << sent.output;
  EXPECT_TRUE(outbox().empty());  // the job worker sends it
  CliRun jobs = run("jobs run-once");
  ASSERT_EQ(jobs.exit_code, 0) << jobs.output;
  auto files = outbox();
  ASSERT_EQ(files.size(), 2U) << jobs.output;
  bool hangul_to = false;
  for (const auto& f : files) {
    EXPECT_NE(f.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos) << f;
    EXPECT_NE(f.find("List-Unsubscribe: <https://crm.example.org/api/v1/unsubscribe/"),
              std::string::npos)
        << f;
    EXPECT_NE(f.find("multipart/alternative"), std::string::npos);
    EXPECT_EQ(f.find("seoyeon"), std::string::npos);
    hangul_to = hangul_to || f.find("To: =?UTF-8?B?") != std::string::npos;
  }
  EXPECT_TRUE(hangul_to);

  // Again: the appeal already reached them; the worker finds nothing more to send.
  CliRun again = run("mail appeal send " + ids);
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_EQ(run("jobs run-once").exit_code, 0);
  EXPECT_EQ(outbox().size(), 2U);

  CliRun status = run("mail appeal status 1");
  ASSERT_EQ(status.exit_code, 0) << status.output;
  EXPECT_NE(status.output.find("finished"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("sent      2"), std::string::npos) << status.output;
  CliRun results = run("mail appeal results --appeal " + std::to_string(setup.appeal_id));
  ASSERT_EQ(results.exit_code, 0) << results.output;
  EXPECT_NE(results.output.find("2 sent"), std::string::npos) << results.output;
}

}  // namespace

// `steward mail ...` through the real binary, with the mail-file plugin as the mailer: settings,
// templates, the acknowledgment queue, a dry run and a real send into an outbox folder.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/cli_runner.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/pdf_text.hpp"

namespace {

namespace fs = std::filesystem;
using steward::testing::CliRun;

class MailCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
  CliRun mail(const std::string& args) {
    return steward_db("--plugin-dir " + (dir_ / "plugins").string() + " " + args);
  }
};

TEST_F(MailCliTest, ThanksDonorsThroughTheOutboxOnceAndListsLetters) {
  long long minji = 0;
  long long gift = 0;
  {
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    auto& db = **opened;
    long long fund = steward::testing::make_fund(db, "SHELTER");
    minji = steward::testing::make_donor(db, "김민지", "minji@example.com");
    long long opted_out = steward::testing::make_donor(db, "박서연", "seoyeon@example.com");
    steward::testing::set_do_not_email(db, opted_out, true);
    gift = steward::testing::record_gift_for(db, minji, 50000, "2026-03-01", fund, "KRW");
    steward::testing::record_gift_for(db, opted_out, 2000, "2026-03-02", fund);
  }
  fs::path so = fs::path(STEWARD_BIN).parent_path().parent_path() / "plugins" / "mail-file.so";
  ASSERT_TRUE(fs::exists(so)) << so;
  fs::path outbox = dir_ / "outbox";
  ASSERT_EQ(mail("plugins install " + so.string()).exit_code, 0);
  CliRun configured =
      mail("plugins configure org.steward.mail.file --set outbox=" + outbox.string());
  ASSERT_EQ(configured.exit_code, 0) << configured.output;
  ASSERT_EQ(mail("plugins enable org.steward.mail.file").exit_code, 0);

  CliRun bad = mail("mail settings set mail.from " +
                    steward::testing::shell_quote("x\nBcc: all@example.net"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("mail.from"), std::string::npos) << bad.output;
  ASSERT_EQ(mail("mail settings set mail.from " +
                 steward::testing::shell_quote("새희망 선교회 <office@example.org>"))
                .exit_code,
            0);

  CliRun templates = mail("mail templates list");
  ASSERT_EQ(templates.exit_code, 0) << templates.output;
  EXPECT_NE(templates.output.find("thank-you-email"), std::string::npos);
  EXPECT_NE(templates.output.find("year-end-statement"), std::string::npos);

  CliRun preview = mail("mail templates preview --constituent " + std::to_string(minji) +
                        " --gift " + std::to_string(gift));
  ASSERT_EQ(preview.exit_code, 0) << preview.output;
  EXPECT_NE(preview.output.find("50,000원"), std::string::npos) << preview.output;

  CliRun queue = mail("mail ack-queue");
  ASSERT_EQ(queue.exit_code, 0) << queue.output;
  EXPECT_NE(queue.output.find("email minji@example.com"), std::string::npos) << queue.output;
  EXPECT_NE(queue.output.find("letter (do not email)"), std::string::npos) << queue.output;
  // Both gifts are months old: past the 48-hour rule (decision 0220).
  EXPECT_NE(queue.output.find("[overdue]"), std::string::npos) << queue.output;
  EXPECT_NE(queue.output.find("2 waiting: 2 overdue, 0 due within 24 h"), std::string::npos)
      << queue.output;
  CliRun overdue = mail("mail ack-queue --overdue --json");
  ASSERT_EQ(overdue.exit_code, 0) << overdue.output;
  EXPECT_NE(overdue.output.find("\"overdue\": 2"), std::string::npos) << overdue.output;
  EXPECT_NE(overdue.output.find("\"due_by\": \"2026-03-04T00:00:00Z\""), std::string::npos)
      << overdue.output;
  CliRun window = mail("mail settings set mail.thank_within_hours 0");
  EXPECT_EQ(window.exit_code, 1);
  EXPECT_NE(window.output.find("mail.thank_within_hours"), std::string::npos) << window.output;

  CliRun dry = mail("mail thank --dry-run");
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("1 would be sent"), std::string::npos) << dry.output;
  EXPECT_FALSE(fs::exists(outbox));

  fs::path letters = dir_ / "letters";
  CliRun sent = mail("mail thank --send --letters-dir " + letters.string());
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_NE(sent.output.find("1 accepted"), std::string::npos) << sent.output;
  EXPECT_NE(sent.output.find("letters: 1 printed to " + letters.string()), std::string::npos)
      << sent.output;
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(letters)) pdfs.push_back(e.path());
  ASSERT_EQ(pdfs.size(), 1U);
  EXPECT_EQ(fs::status(pdfs[0]).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_NE(steward::testing::pdf_file_text(pdfs[0].string()).find("박서연"), std::string::npos);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(outbox)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1U);
  std::ifstream in(files[0], std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_NE(content.str().find("To: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(content.str().find("<minji@example.com>"), std::string::npos);
  EXPECT_EQ(content.str().find("seoyeon"), std::string::npos);

  CliRun again = mail("mail thank --send --letters-dir " + letters.string());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 accepted"), std::string::npos) << again.output;
  size_t count = 0;
  for (const auto& e : fs::directory_iterator(outbox)) count += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(count, 1U);
  size_t letter_files = 0;
  for (const auto& e : fs::directory_iterator(letters)) letter_files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(letter_files, 1U) << "a letter is printed once";

  fs::path statements = dir_ / "statements";
  CliRun preview_year = mail("mail statements --year 2026 --dry-run");
  ASSERT_EQ(preview_year.exit_code, 0) << preview_year.output;
  EXPECT_NE(preview_year.output.find("2 would be issued"), std::string::npos)
      << preview_year.output;
  CliRun issued = mail("mail statements --year 2026 --send --dir " + statements.string());
  ASSERT_EQ(issued.exit_code, 0) << issued.output;
  EXPECT_NE(issued.output.find("1 emailed, 1 printed"), std::string::npos) << issued.output;
  EXPECT_NE(issued.output.find("2026-000001"), std::string::npos) << issued.output;
  EXPECT_NE(issued.output.find("printed: 1 statement(s) in " + statements.string()),
            std::string::npos)
      << issued.output;
  CliRun stuck = mail("mail clear-stuck --older-than-minutes 60 --dry-run");
  ASSERT_EQ(stuck.exit_code, 0) << stuck.output;
  EXPECT_NE(stuck.output.find("0 message(s) stuck in sending"), std::string::npos) << stuck.output;
  CliRun no_reason = mail("mail clear-stuck --older-than-minutes 60");
  EXPECT_EQ(no_reason.exit_code, 1);
  EXPECT_NE(no_reason.output.find("reason"), std::string::npos) << no_reason.output;

  CliRun bad_year = mail("mail statements --year 12 --dry-run");
  EXPECT_EQ(bad_year.exit_code, 1);
  EXPECT_NE(bad_year.output.find("year"), std::string::npos) << bad_year.output;

  CliRun usage = mail("mail thank");
  EXPECT_NE(usage.exit_code, 0);
  EXPECT_NE(usage.output.find("--dry-run or --send"), std::string::npos) << usage.output;
}

}  // namespace

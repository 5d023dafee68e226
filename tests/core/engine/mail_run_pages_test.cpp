// Mail runs over more than one page (decision 0216): a thank-you run reads the queue a page at a
// time and goes on until no due gift is left, counting them all, across slices and a worker that
// dies between them; statement runs of two different years run at once while the same year is
// still one run; and erasing a donor blanks what their run items said about them. Runs on SQLite
// and PostgreSQL.
#include <gtest/gtest.h>

#include <set>

#include "engine/privacy.hpp"
#include "store/job_repository.hpp"
#include "support/mail_fixtures.hpp"
#include "support/mail_run_fixtures.hpp"
#include "support/pdf_text.hpp"

namespace steward::engine::mail_runs {
namespace {

class MailRunPagesTest : public testing::MailRunFixture {};

TEST_P(MailRunPagesTest, ARunOverManyPagesThanksEveryGiftOnceAcrossSlicesAndACrash) {
  // 10 due gifts (7 by email, 3 by letter) on different days, 4 of them tribute gifts (2
  // people told by email, 2 by letter).
  std::vector<long long> donors;
  donors.reserve(10);
  for (int i = 0; i < 10; ++i) {
    const bool letter = i >= 7;
    donors.push_back(give("후원자 " + std::to_string(i),
                          letter ? "" : "donor" + std::to_string(i) + "@example.org", letter,
                          "2026-03-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1)));
  }
  make_tribute(donors[1], testing::make_donor(db(), "박영희", "younghee@example.org"));
  make_tribute(donors[4], testing::make_donor(db(), "Ann Lee", "ann@example.org"));
  make_tribute(donors[6], testing::make_donor(db(), "이영수", ""));
  make_tribute(donors[8], testing::make_donor(db(), "Tom Smith", ""));

  auto started = start_thank();
  ASSERT_TRUE(started) << started.status().to_string();
  EXPECT_EQ(progress_of(started->run_id).total, 14) << "10 thank-yous and 4 tribute notices";

  testing::RecordingMailer mailer;
  RunOptions small = run_options(mailer);
  small.gift_batch = 3;
  small.tribute_batch = 3;

  // Slice 1 stops (its time is up) after 4 messages: tribute emails, then thank-yous.
  RunOptions first = small;
  first.stop_requested = [&mailer] { return mailer.sent.size() >= 4; };
  auto one = run_mail_run(db(), started->run_id, first);
  ASSERT_TRUE(one) << one.status().to_string();
  EXPECT_TRUE(one->out_of_time);
  EXPECT_EQ(progress_of(started->run_id).emailed, 4);

  // Slice 2's worker dies after two more, between slices: no continuation is queued.
  RunOptions second = small;
  int sent_before = static_cast<int>(mailer.sent.size());
  second.stop_requested = [&mailer, sent_before] {
    return static_cast<int>(mailer.sent.size()) >= sent_before + 2;
  };
  auto two = run_mail_run(db(), started->run_id, second);
  ASSERT_TRUE(two) << two.status().to_string();
  EXPECT_TRUE(two->out_of_time);
  EXPECT_EQ(progress_of(started->run_id).emailed, 6);

  // A fresh worker carries the run to its end.
  auto last = run_mail_run(db(), started->run_id, small);
  ASSERT_TRUE(last) << last.status().to_string();
  EXPECT_TRUE(last->finished);

  // Every message once: 7 thank-you emails and 2 tribute emails.
  EXPECT_EQ(mailer.sent.size(), 9u);
  for (const auto& [address, n] : mailer.per_address()) EXPECT_EQ(n, 1) << address;
  EXPECT_EQ(mailer.per_address().size(), 9u);
  // Every gift acknowledged once, every tribute recorded once.
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE acknowledged_at IS NULL"),
            0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM tribute_notifications"), 4);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_messages"), 9);
  Progress p = progress_of(started->run_id);
  EXPECT_EQ(p.total, 14);
  EXPECT_EQ(p.done, 14);
  EXPECT_EQ(p.emailed, 9);
  EXPECT_EQ(p.printed, 5);
  EXPECT_EQ(p.skipped, 0);
  EXPECT_EQ(p.failed, 0);

  // Each letter printed once, over the run's PDFs (one per page that had letters), one page
  // per letter.
  nlohmann::json j = json_of(started->run_id);
  int thank_pages = 0;
  int tribute_pages = 0;
  std::string thank_text;
  std::string tribute_text;
  for (const auto& pdf : pdfs_in_dir()) {
    const bool tribute = pdf.filename().string().rfind("letters-tribute-", 0) == 0;
    (tribute ? tribute_pages : thank_pages) += testing::pdf_file_pages(pdf.string());
    (tribute ? tribute_text : thank_text) += testing::pdf_file_text(pdf.string());
  }
  EXPECT_EQ(thank_pages, 3);
  EXPECT_EQ(tribute_pages, 2);
  for (const char* name : {"후원자 7", "후원자 8", "후원자 9"}) {
    EXPECT_NE(thank_text.find(name), std::string::npos) << name;
  }
  EXPECT_NE(tribute_text.find("이영수"), std::string::npos);
  EXPECT_NE(tribute_text.find("Tom Smith"), std::string::npos);
  EXPECT_EQ(j["letters"].size(), 3u);
  EXPECT_EQ(j["tribute_notifications"].size(), 4u);
  EXPECT_GE(j["letters_pdfs"].size(), 1u);
  EXPECT_EQ(j["letters_pdf"], j["letters_pdfs"][0]);
}

TEST_P(MailRunPagesTest, StatementRunsOfTwoYearsRunAtOnceAndTheSameYearIsOneRun) {
  give("김민지", "minji@example.org", false, "2025-05-01");
  give("Grace Lee", "grace@example.org", false, "2026-05-01");
  auto y2025 = start_statements(2025);
  ASSERT_TRUE(y2025) << y2025.status().to_string();
  auto y2026 = start_statements(2026);
  ASSERT_TRUE(y2026) << y2026.status().to_string();
  EXPECT_FALSE(y2026->existing);
  EXPECT_NE(y2026->run_id, y2025->run_id);
  EXPECT_NE(y2026->job_id, y2025->job_id);

  auto again = start_statements(2025);  // a double click: that same run
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_TRUE(again->existing);
  EXPECT_EQ(again->run_id, y2025->run_id);

  StatementRequest other;  // the same year with other options waits for it
  other.year = 2025;
  other.reissue = true;
  auto conflict =
      db().write(actor(), [&](store::Unit& u) { return start_statement_run(u, other); });
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.status().code(), StatusCode::kConflict);

  testing::RecordingMailer mailer;
  auto a = run_mail_run(db(), y2025->run_id, run_options(mailer));
  auto b = run_mail_run(db(), y2026->run_id, run_options(mailer));
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->finished);
  EXPECT_TRUE(b->finished);
  EXPECT_EQ(mailer.per_address().at("minji@example.org"), 1);
  EXPECT_EQ(mailer.per_address().at("grace@example.org"), 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM receipts"), 2);
}

TEST_P(MailRunPagesTest, ErasingADonorLeavesTheirRunItemsOnlyWhatAnAuditNeeds) {
  long long minji = give("김민지", "minji@example.org");
  give("Grace Lee", "grace@example.org");
  auto thank = start_thank();
  ASSERT_TRUE(thank) << thank.status().to_string();
  testing::RecordingMailer mailer;
  ASSERT_TRUE(run_mail_run(db(), thank->run_id, run_options(mailer)));
  auto statements = start_statements(2026);
  ASSERT_TRUE(statements) << statements.status().to_string();
  ASSERT_TRUE(run_mail_run(db(), statements->run_id, run_options(mailer)));
  const auto statement_pdfs = pdfs_in_dir().size();
  ASSERT_EQ(statement_pdfs, 2u) << "each donor's own statement";

  auto erased = db().write(actor(), [&](store::Unit& u) {
    return privacy::erase_personal_data(u, minji, privacy::confirmation_phrase(minji));
  });
  ASSERT_TRUE(erased) << erased.status().to_string();
  EXPECT_EQ(erased->removed["mail_run_items"], 2);

  for (long long run : {thank->run_id, statements->run_id}) {
    const std::string text = json_of(run).dump();
    EXPECT_EQ(text.find("김민지"), std::string::npos) << text;
    EXPECT_EQ(text.find("minji@"), std::string::npos) << text;
    EXPECT_NE(text.find("Grace Lee"), std::string::npos) << "other donors are untouched";
  }
  nlohmann::json message = json_of(thank->run_id)["messages"];
  bool found = false;
  for (const auto& m : message) {
    if (m.value("constituent_id", 0LL) != minji) continue;
    found = true;
    EXPECT_EQ(m["state"], "accepted");
    EXPECT_TRUE(m["erased"].get<bool>());
    EXPECT_TRUE(m.contains("gift_id"));
    EXPECT_FALSE(m.contains("address"));
    EXPECT_FALSE(m.contains("subject"));
    EXPECT_FALSE(m.contains("donor"));
  }
  EXPECT_TRUE(found);
  nlohmann::json st = json_of(statements->run_id)["statements"];
  for (const auto& s : st) {
    if (s.value("constituent_id", 0LL) != minji) continue;
    EXPECT_EQ(s["receipt_number"].get<std::string>().rfind("2026-", 0), 0u);
    EXPECT_FALSE(s.contains("pdf"));
  }
  EXPECT_EQ(pdfs_in_dir().size(), 1u) << "the erased donor's own statement PDF is gone";
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailRunPagesTest);

}  // namespace
}  // namespace steward::engine::mail_runs

// Dry runs of thank-you and statement runs (decision 0216): every due gift or donor is counted
// without rendering, only a sample is rendered, and the counts are what the run then does.
// Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "engine/thank_dry_run.hpp"
#include "engine/year_end_statements.hpp"
#include "support/mail_fixtures.hpp"
#include "support/mail_run_fixtures.hpp"
#include "support/report_fixtures.hpp"

namespace steward::engine::mail_runs {
namespace {

class MailRunPreviewTest : public testing::MailRunFixture {};

TEST_P(MailRunPreviewTest, AThankYouDryRunCountsEverythingRendersASampleAndTheRunAgrees) {
  std::vector<long long> donors;
  donors.reserve(8);
  for (int i = 0; i < 6; ++i) {
    donors.push_back(give("Donor " + std::to_string(i), "d" + std::to_string(i) + "@example.org"));
  }
  donors.push_back(give("김민지", "", /*letter=*/true));
  donors.push_back(give("박서연", "seoyeon@example.org", /*letter=*/true));
  make_tribute(donors[0], testing::make_donor(db(), "Ann Lee", "ann@example.org"));
  make_tribute(donors[6], testing::make_donor(db(), "이영수", ""));
  long long hidden = give("Hidden Donor", "hidden@example.org");
  testing::make_restricted(db(), hidden);
  make_tribute(hidden, testing::make_donor(db(), "Family", "family@example.org"));

  ThankDryRunRequest request;
  request.sample_limit = 2;
  auto dry = thank_dry_run(db(), actor(), request);
  ASSERT_TRUE(dry) << dry.status().to_string();
  const ThankCounts& c = dry->counts;
  EXPECT_EQ(c.emails, 7);
  EXPECT_EQ(c.letters, 2);
  EXPECT_EQ(c.letter_reasons.at("do not email"), 2);
  EXPECT_EQ(c.tribute_emails, 1);
  EXPECT_EQ(c.tribute_letters, 1);
  EXPECT_EQ(c.skipped.at("restricted"), 1);
  EXPECT_EQ(c.total(), 12);
  // Only the sample is rendered.
  EXPECT_EQ(dry->sample_limit, 2);
  EXPECT_LE(dry->messages.outcomes.size(), 2u);
  EXPECT_LE(dry->tributes.outcomes.size(), 2u);
  ASSERT_FALSE(dry->messages.outcomes.empty());
  EXPECT_EQ(dry->messages.outcomes[0].state, "would_send");
  EXPECT_FALSE(dry->messages.outcomes[0].subject.empty()) << "the sample is rendered";
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_messages"), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_runs"), 0);

  auto bad = thank_dry_run(db(), actor(), ThankDryRunRequest{{}, {}, {}, 0});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "sample_limit");

  auto started = start_thank();
  ASSERT_TRUE(started) << started.status().to_string();
  testing::RecordingMailer mailer;
  RunOptions o = run_options(mailer);
  o.gift_batch = 4;
  auto run = run_mail_run(db(), started->run_id, o);
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->finished);
  Progress p = progress_of(started->run_id);
  nlohmann::json counts = c.to_json();
  EXPECT_EQ(p.total, counts["total"].get<long long>());
  EXPECT_EQ(p.emailed, counts["emailed"].get<long long>());
  EXPECT_EQ(p.printed, counts["printed"].get<long long>());
  EXPECT_EQ(p.skipped, counts["skipped"].get<long long>());
  EXPECT_EQ(p.failed, 0);
}

TEST_P(MailRunPreviewTest, AStatementDryRunCountsEveryDonorAndTheRunAgrees) {
  for (int i = 0; i < 5; ++i) {
    give("Donor " + std::to_string(i), "d" + std::to_string(i) + "@example.org");
  }
  give("김민지", "", /*letter=*/true);
  give("박서연", "", /*letter=*/true);
  // One donor already has this year's statement: skipped.
  StatementOptions one;
  one.year = 2026;
  one.send = true;
  one.dir = dir_;
  one.constituent_id = give("Grace Lee", "", /*letter=*/true);
  testing::RecordingMailer unused;
  ASSERT_TRUE(issue_statements(db(), actor(), one, unused.fn()));

  StatementOptions options;
  options.year = 2026;
  auto preview = preview_statements(db(), actor(), options, 3);
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts.total, 8);
  EXPECT_EQ(preview->counts.emailed, 5);
  EXPECT_EQ(preview->counts.printed, 2);
  EXPECT_EQ(preview->counts.skipped.at("already_issued"), 1);
  EXPECT_EQ(preview->sample.size(), 3u);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM receipts"), 1) << "nothing issued";

  auto started = start_statements(2026);
  ASSERT_TRUE(started) << started.status().to_string();
  testing::RecordingMailer mailer;
  auto run = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->finished);
  Progress p = progress_of(started->run_id);
  EXPECT_EQ(p.total, preview->counts.total);
  EXPECT_EQ(p.emailed, preview->counts.emailed);
  EXPECT_EQ(p.printed, preview->counts.printed);
  EXPECT_EQ(p.skipped, preview->counts.skipped_total());
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailRunPreviewTest);

}  // namespace
}  // namespace steward::engine::mail_runs

// Thank-you and statement runs as background jobs (engine/mail_run.hpp, decision 0211): a run
// counts its progress, answers a double click with the same run, resumes after a crash or a
// stop with nothing sent, printed or marked twice and nothing counted twice, makes one print
// PDF over every attempt, and can be cancelled. Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/mail_run.hpp"
#include "store/job_repository.hpp"
#include "store/mail_run_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/mail_run_fixtures.hpp"
#include "support/pdf_text.hpp"
#include "support/test_database.hpp"

namespace steward::engine::mail_runs {
namespace {

class MailRunTest : public testing::MailRunFixture {};

TEST_P(MailRunTest, AThankYouRunEmailsPrintsAndCountsItsProgress) {
  give("김민지", "minji@example.org");
  give("Grace Lee", "grace@example.org");
  give("박서연", "seoyeon@example.org", /*letter=*/true);
  auto started = start_thank();
  ASSERT_TRUE(started) << started.status().to_string();
  EXPECT_FALSE(started->existing);
  Progress before = progress_of(started->run_id);
  EXPECT_EQ(before.total, 3);
  EXPECT_EQ(before.done, 0);

  testing::RecordingMailer mailer;
  auto result = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_TRUE(result->finished);
  Progress after = progress_of(started->run_id);
  EXPECT_EQ(after.total, 3);
  EXPECT_EQ(after.done, 3);
  EXPECT_EQ(after.emailed, 2);
  EXPECT_EQ(after.printed, 1);
  EXPECT_EQ(after.skipped, 0);
  EXPECT_EQ(after.failed, 0);
  EXPECT_EQ(mailer.sent.size(), 2u);

  nlohmann::json j = json_of(started->run_id);
  EXPECT_EQ(j["status"], "finished");
  ASSERT_EQ(j["messages"].size(), 2u);
  std::set<std::string> donors;
  for (const auto& m : j["messages"]) donors.insert(m["donor"].get<std::string>());
  EXPECT_EQ(donors.count("김민지"), 1u);
  ASSERT_EQ(j["letters"].size(), 1u);
  EXPECT_EQ(j["letters"][0]["donor"], "박서연");
  const std::string pdf = j["letters_pdf"].get<std::string>();
  ASSERT_FALSE(pdf.empty());
  EXPECT_NE(testing::pdf_file_text(pdf).find("박서연"), std::string::npos);
}

TEST_P(MailRunTest, ADoubleClickGetsTheSameRunAndOtherOptionsWait) {
  give("Grace Lee", "grace@example.org");
  auto first = start_thank();
  ASSERT_TRUE(first) << first.status().to_string();
  auto second = start_thank();
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_TRUE(second->existing);
  EXPECT_EQ(second->run_id, first->run_id);
  EXPECT_EQ(second->job_id, first->job_id);

  ThankRequest other;
  other.since = "2026-01-01";
  auto conflict = db().write(actor(), [&](store::Unit& u) { return start_thank_run(u, other); });
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.status().code(), StatusCode::kConflict);
  ASSERT_FALSE(conflict.status().fields().empty());
  EXPECT_EQ(conflict.status().fields()[0].field, "run");

  testing::RecordingMailer mailer;
  ASSERT_TRUE(run_mail_run(db(), first->run_id, run_options(mailer)));
  auto later = start_thank();  // the first has finished: a new run (with nothing to do)
  ASSERT_TRUE(later) << later.status().to_string();
  EXPECT_FALSE(later->existing);
  EXPECT_NE(later->run_id, first->run_id);
  EXPECT_EQ(progress_of(later->run_id).total, 0);
}

TEST_P(MailRunTest, AThankYouRunStoppedMidwayResumesWithNothingTwice) {
  for (int i = 0; i < 4; ++i) {
    give("후원자 " + std::to_string(i), "donor" + std::to_string(i) + "@example.org");
  }
  give("Letter Only", "", /*letter=*/true);
  auto started = start_thank();
  ASSERT_TRUE(started);

  // The first worker stops (its time is up, or it is killed) after two messages.
  testing::RecordingMailer mailer;
  RunOptions first = run_options(mailer);
  first.stop_requested = [&mailer] { return mailer.sent.size() >= 2; };
  auto stopped = run_mail_run(db(), started->run_id, first);
  ASSERT_TRUE(stopped) << stopped.status().to_string();
  EXPECT_TRUE(stopped->out_of_time);
  EXPECT_EQ(json_of(started->run_id)["status"], "running");
  EXPECT_EQ(progress_of(started->run_id).emailed, 2);
  EXPECT_EQ(files_in_dir(), 0u) << "letters wait until every email is done";

  // A restarted worker carries the same run on.
  auto resumed = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(resumed) << resumed.status().to_string();
  EXPECT_TRUE(resumed->finished);
  ASSERT_EQ(mailer.sent.size(), 4u);
  for (const auto& [address, n] : mailer.per_address()) EXPECT_EQ(n, 1) << address;
  Progress p = progress_of(started->run_id);
  EXPECT_EQ(p.done, 5);
  EXPECT_EQ(p.emailed, 4);
  EXPECT_EQ(p.printed, 1);
  EXPECT_EQ(files_in_dir(), 1u);

  // Run again (a late duplicate job): nothing more.
  auto again = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->finished);
  EXPECT_EQ(mailer.sent.size(), 4u);
  EXPECT_EQ(progress_of(started->run_id).done, 5);
}

TEST_P(MailRunTest, AJobOutOfTimeQueuesItsContinuation) {
  give("Grace Lee", "grace@example.org");
  give("김민지", "minji@example.org");
  auto started = start_thank();
  ASSERT_TRUE(started);
  auto job = db().read([&](store::Unit& u) { return store::jobs::get(u, started->job_id); });
  ASSERT_TRUE(job);
  testing::RecordingMailer mailer;
  RunOptions o = run_options(mailer);
  o.budget = std::chrono::seconds(0);
  ASSERT_TRUE(run_mail_run_job(db(), *job, o));
  EXPECT_TRUE(mailer.sent.empty());
  auto run = db().read([&](store::Unit& u) { return store::mail_runs::get(u, started->run_id); });
  ASSERT_TRUE(run);
  ASSERT_TRUE(run->job_id.has_value());
  EXPECT_NE(*run->job_id, started->job_id);
  auto next = db().read([&](store::Unit& u) { return store::jobs::get(u, *run->job_id); });
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, kMailRunJobKind);
  ASSERT_TRUE(run_mail_run_job(db(), *next, run_options(mailer)));
  EXPECT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(json_of(started->run_id)["status"], "finished");
}

TEST_P(MailRunTest, AStatementRunResumedPrintsEveryStatementInOnePdf) {
  give("김민지", "minji@example.org");
  give("박서연", "", /*letter=*/true);
  give("Grace Lee", "", /*letter=*/true);
  auto started = start_statements();
  ASSERT_TRUE(started) << started.status().to_string();
  EXPECT_EQ(progress_of(started->run_id).total, 3);

  testing::RecordingMailer mailer;
  RunOptions first = run_options(mailer);
  int checks = 0;
  first.stop_requested = [&checks] { return ++checks > 1; };  // one donor, then stop
  auto stopped = run_mail_run(db(), started->run_id, first);
  ASSERT_TRUE(stopped) << stopped.status().to_string();
  EXPECT_TRUE(stopped->out_of_time);
  EXPECT_EQ(progress_of(started->run_id).done, 1);

  auto resumed = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(resumed) << resumed.status().to_string();
  EXPECT_TRUE(resumed->finished);
  Progress p = progress_of(started->run_id);
  EXPECT_EQ(p.done, 3);
  EXPECT_EQ(p.emailed, 1);
  EXPECT_EQ(p.printed, 2);
  EXPECT_EQ(p.skipped, 0);
  EXPECT_EQ(mailer.sent.size(), 1u);
  nlohmann::json j = json_of(started->run_id);
  std::set<std::string> numbers;
  for (const auto& s : j["statements"]) numbers.insert(s["receipt_number"].get<std::string>());
  EXPECT_EQ(numbers.size(), 3u) << "every donor once, each with a number of their own";
  const std::string print = j["print_pdf"].get<std::string>();
  ASSERT_FALSE(print.empty());
  const std::string text = testing::pdf_file_text(print);
  EXPECT_NE(text.find("박서연"), std::string::npos);
  EXPECT_NE(text.find("Grace Lee"), std::string::npos);
  EXPECT_EQ(text.find("김민지"), std::string::npos);
}

TEST_P(MailRunTest, CancellingStopsBeforeTheNextEmailAndPrintsNothing) {
  for (int i = 0; i < 3; ++i) {
    give("후원자 " + std::to_string(i), "donor" + std::to_string(i) + "@example.org");
  }
  give("Letter Only", "", /*letter=*/true);
  auto started = start_thank();
  ASSERT_TRUE(started);
  testing::RecordingMailer mailer;
  bool cancelled = false;
  mailer.after_each = [&] {
    if (cancelled) return;
    cancelled = true;
    EXPECT_TRUE(db().write(actor(), [&](store::Unit& u) -> Status {
      auto c = cancel_mail_run(u, started->run_id);
      return c ? Status::ok() : c.status();
    }));
  };
  auto run = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->cancelled);
  EXPECT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(files_in_dir(), 0u);
  EXPECT_EQ(json_of(started->run_id)["status"], "cancelled");
  EXPECT_EQ(progress_of(started->run_id).emailed, 1);

  auto twice = db().write(actor(), [&](store::Unit& u) -> Status {
    auto c = cancel_mail_run(u, started->run_id);
    return c ? Status::ok() : c.status();
  });
  EXPECT_EQ(twice.code(), StatusCode::kPreconditionFailed);
  auto job = db().read([&](store::Unit& u) { return store::jobs::get(u, started->job_id); });
  ASSERT_TRUE(job);
  EXPECT_EQ(job->status, domain::JobStatus::kCancelled);
  auto later = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(later);
  EXPECT_TRUE(later->cancelled);
  EXPECT_EQ(mailer.sent.size(), 1u);
}

TEST_P(MailRunTest, ARunWithoutASenderIsRefusedAtOnceNamingTheSetting) {
  give("Grace Lee", "grace@example.org");
  testing::set_mail_setting(db(), "mail.from", "");
  auto refused = start_thank();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(refused.status().fields().at(0).field, "mail.from");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_runs"), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(MailRunTest, ASenderRemovedAfterTheStartFailsTheRunNamingTheSetting) {
  give("Grace Lee", "grace@example.org");
  auto started = start_thank();
  ASSERT_TRUE(started) << started.status().to_string();
  testing::set_mail_setting(db(), "mail.from", "");
  testing::RecordingMailer mailer;
  auto run = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->failed);
  nlohmann::json j = json_of(started->run_id);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_NE(j["error"].get<std::string>().find("mail.from"), std::string::npos);
  EXPECT_TRUE(mailer.sent.empty());
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailRunTest);

}  // namespace
}  // namespace steward::engine::mail_runs

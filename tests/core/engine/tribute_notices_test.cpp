// Tribute notifications: a gift in honour or memory of someone that names a person to notify
// makes one notice to that person, by email when they can be emailed (the tribute template in
// their language, Hangul intact), else a printed letter; once, recorded, never twice; a
// rejected email is tried again; a restricted donor's gift is never notified automatically; a
// dry run records nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/mail_starter_templates.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/tribute_by_hand.hpp"
#include "engine/tribute_notices.hpp"
#include "store/tribute_notice_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/pdf_text.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

class TributeNoticesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    testing::set_setting(db(), "organization_name", "새희망 선교회");
    testing::set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
    testing::set_mail_setting(db(), "mail.org_address", "PO Box 1\nLos Angeles, CA 90001");
    testing::set_mail_setting(db(), "mail.signer_name", "이은혜");
    fund_ = testing::make_fund(db(), "SHELTER");
    ASSERT_TRUE(db().write(actor(), [](store::Unit& u) { return install_starter_templates(u); }));
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-tribute-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    testing::DatabaseTest::TearDown();
  }

  // A tribute gift by `donor` naming `notify` to be told.
  long long tribute_gift(long long donor, long long notify, const std::string& type,
                         const std::string& name) {
    long long gift = testing::record_gift_for(db(), donor, 10000, "2026-03-01", fund_);
    EXPECT_TRUE(db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE gifts SET tribute_type = :t, tribute_name = :n, tribute_notify_id = :c "
                 "WHERE id = :id",
          soci::use(type), soci::use(name), soci::use(notify), soci::use(gift);
      return Status::ok();
    }));
    return gift;
  }

  Result<TributeNoticeRun> run_notices(testing::RecordingMailer& mailer, bool send = true) {
    TributeNoticeOptions o;
    o.send = send;
    o.mailer_id = "org.steward.test.mailer";
    o.dir = dir_;
    return send_tribute_notices(db(), actor(), o, mailer.fn());
  }

  long long fund_ = 0;
  std::filesystem::path dir_;
};

TEST_P(TributeNoticesTest, EmailsThePersonToNotifyOnceInTheirLanguage) {
  long long donor = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  long long widow = testing::make_donor(db(), "박영희", "younghee@example.org");
  long long gift = tribute_gift(donor, widow, "in_memory", "김철수");
  testing::RecordingMailer mailer;

  auto dry = run_notices(mailer, false);
  ASSERT_TRUE(dry) << dry.status().to_string();
  ASSERT_EQ(dry->outcomes.size(), 1u);
  EXPECT_EQ(dry->outcomes[0].state, "would_send");
  EXPECT_TRUE(mailer.sent.empty());

  auto run = run_notices(mailer);
  ASSERT_TRUE(run) << run.status().to_string();
  ASSERT_EQ(run->outcomes.size(), 1u);
  EXPECT_EQ(run->outcomes[0].state, "accepted");
  EXPECT_EQ(run->outcomes[0].channel, "email");
  EXPECT_EQ(run->outcomes[0].language, "ko");
  ASSERT_EQ(mailer.sent.size(), 1u);
  const auto& m = mailer.sent[0];
  EXPECT_EQ(m.to.front(), "박영희 <younghee@example.org>");
  EXPECT_EQ(m.subject, "김철수 님을 위한 후원 안내");
  EXPECT_NE(m.text.find("Jane Doe 님께서 김철수 님을 추모하며"), std::string::npos) << m.text;
  auto recorded =
      db().read([&](store::Unit& u) { return store::tribute_notices::for_gift(u, gift); });
  ASSERT_TRUE(recorded && recorded->has_value());
  EXPECT_EQ((*recorded)->method, "email");
  EXPECT_EQ((*recorded)->constituent_id, widow);
  EXPECT_TRUE((*recorded)->mail_message_id.has_value());

  // Once: a second run (even after the thank-you) sends nothing more.
  auto again = run_notices(mailer);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->outcomes.empty());
  EXPECT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM mail_messages WHERE purpose = "
                               "'tribute' AND state = 'accepted'"),
            1);
}

TEST_P(TributeNoticesTest, PrintsALetterWhenThePersonCannotBeEmailed) {
  long long donor = testing::make_donor(db(), "김민지", "minji@example.org");
  long long family = testing::make_donor(db(), "Robert Smith", "");
  testing::dedupe::add_address(db(), family, "12 Oak Street", "90001", true);
  long long no_email = testing::make_donor(db(), "이수진", "sujin@example.org");
  testing::set_do_not_email(db(), no_email, true);
  long long g1 = tribute_gift(donor, family, "in_honor", "Grace Smith");
  long long g2 = tribute_gift(donor, no_email, "in_memory", "이영수");
  testing::RecordingMailer mailer;
  auto run = run_notices(mailer);
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(mailer.sent.empty());  // do not email is honoured
  EXPECT_EQ(run->count("printed"), 2);
  EXPECT_EQ(run->letters, 2);
  ASSERT_FALSE(run->path.empty());
  EXPECT_EQ(run->path.filename().string().rfind("letters-tribute-", 0), 0u);
  const std::string text = testing::pdf_file_text(run->path.string());
  EXPECT_NE(text.find("Robert Smith"), std::string::npos) << text;
  EXPECT_NE(text.find("12 Oak Street"), std::string::npos) << text;
  EXPECT_NE(text.find("Grace Smith"), std::string::npos) << text;
  EXPECT_NE(text.find("이영수"), std::string::npos) << text;  // the Korean letter
  EXPECT_EQ(testing::pdf_file_pages(run->path.string()), 2);
  for (long long g : {g1, g2}) {
    auto r = db().read([&](store::Unit& u) { return store::tribute_notices::for_gift(u, g); });
    ASSERT_TRUE(r && r->has_value());
    EXPECT_EQ((*r)->method, "letter");
  }
  auto again = run_notices(mailer);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->letters, 0);
  EXPECT_TRUE(again->outcomes.empty());
}

TEST_P(TributeNoticesTest, ARejectedEmailIsTriedAgainAndRestrictedDonorsAreNeverNotified) {
  long long donor = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  long long bad = testing::make_donor(db(), "Bad Address", "nobody.reject@example.org");
  long long gift = tribute_gift(donor, bad, "in_honor", "Ann");
  long long hidden = testing::make_donor(db(), "비공개 후원자", "hidden@example.org");
  testing::SegmentFixtures(db()).set_flag(hidden, "restricted", true);
  long long other = testing::make_donor(db(), "Told Person", "told@example.org");
  tribute_gift(hidden, other, "in_memory", "Someone");

  testing::RecordingMailer mailer;
  auto run = run_notices(mailer);
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_EQ(run->count("rejected"), 1);
  EXPECT_EQ(run->count("skipped"), 1);
  for (const auto& o : run->outcomes) {
    if (o.state == "skipped") {
      EXPECT_NE(o.detail.find("restricted"), std::string::npos);
    }
  }
  ASSERT_EQ(mailer.sent.size(), 1u);  // nothing to the restricted donor's contact

  // The thank-you for the gift goes out meanwhile; the notice is still due and tried again.
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    u.sql() << "UPDATE emails SET email = 'fixed@example.org' WHERE constituent_id = :c",
        soci::use(bad);
    u.sql() << "UPDATE gifts SET acknowledged_at = '2026-03-02', acknowledgment_method = 'email' "
               "WHERE id = :g",
        soci::use(gift);
    return Status::ok();
  }));
  auto retry = run_notices(mailer);
  ASSERT_TRUE(retry) << retry.status().to_string();
  EXPECT_EQ(retry->count("accepted"), 1);
  EXPECT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM tribute_notifications"), 1);
}

TEST_P(TributeNoticesTest, AGiftThankedBeforeNotificationsExistedIsNotNotified) {
  long long donor = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  long long notify = testing::make_donor(db(), "Old Friend", "old@example.org");
  long long gift = tribute_gift(donor, notify, "in_honor", "Ann");
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    u.sql() << "UPDATE gifts SET acknowledged_at = '2026-03-02', acknowledgment_method = 'letter' "
               "WHERE id = :g",
        soci::use(gift);
    return Status::ok();
  }));
  testing::RecordingMailer mailer;
  auto run = run_notices(mailer);
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->outcomes.empty());
  EXPECT_TRUE(mailer.sent.empty());
}

TEST_P(TributeNoticesTest, ARestrictedDonorsTributeMarkedHandledByHandIsNoLongerListed) {
  long long hidden = testing::make_donor(db(), "비공개 후원자", "hidden@example.org");
  testing::SegmentFixtures(db()).set_flag(hidden, "restricted", true);
  long long family = testing::make_donor(db(), "박영희", "younghee@example.org");
  long long gift = tribute_gift(hidden, family, "in_memory", "김철수");
  long long plain = testing::record_gift_for(db(), hidden, 1000, "2026-03-01", fund_);
  testing::RecordingMailer mailer;
  auto first = run_notices(mailer);
  ASSERT_TRUE(first) << first.status().to_string();
  ASSERT_EQ(first->count("skipped"), 1);

  // Bad input writes nothing and names the field.
  auto too_long = db().write(actor(), [&](store::Unit& u) {
    return mark_tribute_by_hand(u, gift, std::string(501, 'x'));
  });
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.status().fields().at(0).field, "note");
  auto no_tribute = db().write(
      actor(), [&](store::Unit& u) { return mark_tribute_by_hand(u, plain, std::nullopt); });
  ASSERT_FALSE(no_tribute);
  EXPECT_EQ(no_tribute.status().fields().at(0).field, "gift_id");
  auto missing = db().write(
      actor(), [&](store::Unit& u) { return mark_tribute_by_hand(u, gift + 1000, std::nullopt); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  auto marked = db().write(actor(), [&](store::Unit& u) {
    return mark_tribute_by_hand(u, gift, std::string("  유족께 전화로 알림  "));
  });
  ASSERT_TRUE(marked) << marked.status().to_string();
  EXPECT_EQ((*marked)["method"], "by_hand");
  EXPECT_EQ((*marked)["note"], "유족께 전화로 알림");
  EXPECT_EQ((*marked)["notify_constituent_id"], family);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'tribute_notification' AND action = 'create'"),
            1);

  auto later = run_notices(mailer);
  ASSERT_TRUE(later) << later.status().to_string();
  EXPECT_TRUE(later->outcomes.empty()) << "handled by hand: no longer listed";
  EXPECT_TRUE(mailer.sent.empty());
  auto twice = db().write(
      actor(), [&](store::Unit& u) { return mark_tribute_by_hand(u, gift, std::nullopt); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.status().code(), StatusCode::kConflict);
}

STEWARD_INSTANTIATE_DATABASE_TEST(TributeNoticesTest);

}  // namespace
}  // namespace steward::engine

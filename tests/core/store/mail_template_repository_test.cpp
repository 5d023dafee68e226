// Mail templates and the mail log in the database: every save a new version, rows never
// changed, Hangul kept, errors naming the field; one thank-you claim per gift.
#include "store/mail_template_repository.hpp"

#include <gtest/gtest.h>

#include "store/mail_message_repository.hpp"
#include "store/mail_settings.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

domain::MailTemplateInput korean_thank_you() {
  domain::MailTemplateInput in;
  in.name = "thank-you-email";
  in.kind = "thank_you_email";
  in.language = "ko";
  in.subject = "{{donor.name}} 님, 감사합니다";
  in.text = "{{donor.salutation}},\n{{gift.amount}} 후원에 감사드립니다.";
  in.html = "<p>{{donor.salutation}}</p>";
  return in;
}

class MailTemplateRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::MailTemplate> save(const domain::MailTemplateInput& in) {
    return db().write(actor(), [&](Unit& u) { return mail_templates::save(u, in); });
  }
};

TEST_P(MailTemplateRepositoryTest, EachSaveIsANewVersionAndHangulRoundTrips) {
  auto first = save(korean_thank_you());
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->version, 1);
  auto edited_input = korean_thank_you();
  edited_input.subject = "{{donor.name}} 님, 소중한 후원에 감사드립니다";
  auto second = save(edited_input);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->version, 2);
  EXPECT_NE(second->id, first->id);

  auto current =
      db().read([&](Unit& u) { return mail_templates::current(u, "thank-you-email", "ko"); });
  ASSERT_TRUE(current);
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(current->subject, "{{donor.name}} 님, 소중한 후원에 감사드립니다");
  auto old = db().read([&](Unit& u) { return mail_templates::get(u, first->id); });
  ASSERT_TRUE(old);
  EXPECT_EQ(old->subject, "{{donor.name}} 님, 감사합니다");  // never overwritten
  auto all = db().read([&](Unit& u) { return mail_templates::list_current(u); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1U);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'mail_template'"),
            2);
  // The rows are append-only.
  Status changed = db().write(actor(), [&](Unit& u) {
    u.sql() << "UPDATE mail_templates SET subject = 'x'";
    return Status::ok();
  });
  EXPECT_FALSE(changed);
}

TEST_P(MailTemplateRepositoryTest, BadInputNamesTheFieldAndWritesNothing) {
  auto in = korean_thank_you();
  in.html = "<p>{{#tribute}}unclosed</p>";
  auto saved = save(in);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.status().fields().at(0).field, "html");
  in = korean_thank_you();
  in.kind = "newsletter";
  EXPECT_EQ(save(in).status().fields().at(0).field, "kind");
  in = korean_thank_you();
  in.subject = "a\r\nBcc: x@example.net";
  EXPECT_EQ(save(in).status().fields().at(0).field, "subject");
  in = korean_thank_you();
  in.name = "Thank You!";
  EXPECT_EQ(save(in).status().fields().at(0).field, "name");
  in = korean_thank_you();
  in.language = "korean";
  EXPECT_EQ(save(in).status().fields().at(0).field, "language");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_templates"), 0);
  // One name, one kind.
  ASSERT_TRUE(save(korean_thank_you()));
  in = korean_thank_you();
  in.kind = "appeal";
  EXPECT_EQ(save(in).status().code(), StatusCode::kConflict);
}

TEST_P(MailTemplateRepositoryTest, OnlyOneThankYouClaimPerGift) {
  long long donor = testing::make_donor(db(), "김민지", "minji@example.com");
  long long fund = testing::make_fund(db(), "SHELTER");
  long long gift = testing::record_gift_for(db(), donor, 5000, "2026-03-01", fund);
  mail_messages::MailMessageInput in;
  in.constituent_id = donor;
  in.gift_id = gift;
  in.address = "minji@example.com";
  in.subject = "감사합니다";
  in.message_id = "<a@example.org>";
  in.mailer = "org.steward.mail.file";
  auto first = db().write(actor(), [&](Unit& u) { return mail_messages::claim(u, in); });
  ASSERT_TRUE(first) << first.status().to_string();
  in.message_id = "<b@example.org>";
  auto second = db().write(actor(), [&](Unit& u) { return mail_messages::claim(u, in); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.status().code(), StatusCode::kConflict);
  // A deferred message frees the gift for another try.
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) {
    return mail_messages::finish(u, *first, "deferred", "451 try later");
  }));
  auto retry = db().write(actor(), [&](Unit& u) { return mail_messages::claim(u, in); });
  ASSERT_TRUE(retry) << retry.status().to_string();
  auto log = db().read([&](Unit& u) { return mail_messages::for_gift(u, gift); });
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2U);
  EXPECT_EQ(log->back().state, "deferred");
  EXPECT_EQ(log->back().reply.value_or(""), "451 try later");
  EXPECT_EQ(log->back().subject, "감사합니다");
}

TEST_P(MailTemplateRepositoryTest, MailSettingsValidateAndRoundTrip) {
  testing::set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
  testing::set_mail_setting(db(), "mail.personal_call_minor", "50000");
  auto s = db().read([&](Unit& u) { return mail_settings::get(u); });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->from, "새희망 선교회 <office@example.org>");
  EXPECT_EQ(s->personal_call_minor, 50000);
  Status bad = db().write(actor(), [&](Unit& u) {
    return mail_settings::set(u, "mail.from", "x\r\nBcc: y@example.net");
  });
  EXPECT_EQ(bad.fields().at(0).field, "mail.from");
  bad = db().write(actor(), [&](Unit& u) { return mail_settings::set(u, "mail.colour", "x"); });
  EXPECT_EQ(bad.fields().at(0).field, "mail.colour");
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailTemplateRepositoryTest);

}  // namespace
}  // namespace steward::store

// Messages stuck in "sending" are listed, and cleared (deferred, with the reason, audited) only
// when older than the cut-off; the gift is then free for another thank-you run.
#include <gtest/gtest.h>

#include "engine/ack_queue.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_stuck.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class MailStuckTest : public testing::DatabaseTest {};

TEST_P(MailStuckTest, ClearsOnlyOlderMessagesWithTheReason) {
  long long fund = testing::make_fund(db(), "SHELTER");
  long long donor = testing::make_donor(db(), "김민지", "minji@example.com");
  long long gift = testing::record_gift_for(db(), donor, 1000, "2026-03-01", fund);
  auto id = db().write(actor(), [&](Unit& u) {
    mail_messages::MailMessageInput in;
    in.constituent_id = donor;
    in.gift_id = gift;
    in.address = "minji@example.com";
    in.subject = "감사합니다";
    in.message_id = "<stuck.1@example.org>";
    in.mailer = "org.steward.test.mailer";
    return mail_messages::claim(u, in);
  });
  ASSERT_TRUE(id) << id.status().message();

  auto none = db().write(actor(), [](Unit& u) {
    return mail_stuck::clear(u, "2000-01-01T00:00:00Z", "checked the log");
  });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  auto bad = db().read([](Unit& u) { return mail_stuck::list(u, "yesterday"); });
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.status().message().find("claimed_before"), std::string::npos);
  auto no_reason =
      db().write(actor(), [](Unit& u) { return mail_stuck::clear(u, "2099-01-01T00:00:00Z", ""); });
  ASSERT_FALSE(no_reason);
  EXPECT_NE(no_reason.status().message().find("reason"), std::string::npos);

  auto listed = db().read([](Unit& u) { return mail_stuck::list(u, "2099-01-01T00:00:00Z"); });
  ASSERT_TRUE(listed) << listed.status().message();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().gift_id, gift);

  auto cleared = db().write(actor(), [](Unit& u) {
    return mail_stuck::clear(u, "2099-01-01T00:00:00Z", "not in the server log");
  });
  ASSERT_TRUE(cleared) << cleared.status().message();
  ASSERT_EQ(cleared->size(), 1u);
  auto record = db().read([&](Unit& u) { return mail_messages::get(u, *id); });
  ASSERT_TRUE(record);
  EXPECT_EQ(record->state, "deferred");
  EXPECT_NE(record->reply.value_or("").find("not in the server log"), std::string::npos);
  auto queue = db().read([](Unit& u) { return engine::ack_queue(u, {}); });
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_FALSE(queue->front().gift.in_flight);
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailStuckTest);

}  // namespace
}  // namespace steward::store

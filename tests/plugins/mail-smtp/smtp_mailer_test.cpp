// mail-smtp against a fake SMTP server on loopback: per-recipient statuses from the server's
// replies, one connection reused across messages, the message parseable on arrival.
#include <gtest/gtest.h>

#include "fake_smtp_server.hpp"
#include "mail_smtp/smtp_mailer.hpp"
#include "mime/parse.hpp"

namespace steward::mail_smtp {
namespace {

SmtpConfig config_for(const testing::FakeSmtpServer& server) {
  auto config = parse_config(R"({"url": ")" + server.url() +
                             R"(", "starttls": "optional", "from": "Office <office@example.org>",)"
                             R"( "connect_timeout_seconds": 5, "timeout_seconds": 10})");
  EXPECT_TRUE(config) << config.status().to_string();
  return *config;
}

sdk::MailMessage message(std::vector<std::string> to) {
  sdk::MailMessage m;
  m.to = std::move(to);
  m.subject = "김민지 님, 감사합니다";
  m.text = "후원에 감사드립니다.\n.\n";
  return m;
}

TEST(SmtpMailer, ReportsEachRecipientFromTheServerReplies) {
  testing::FakeSmtpServer server;
  SmtpMailer mailer(config_for(server));
  auto statuses = mailer.deliver(message(
      {"김민지 <minji@example.com>", "nobody.reject@example.com", "busy.later@example.com"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  ASSERT_EQ(statuses->size(), 3U);
  EXPECT_EQ((*statuses)[0].address, "minji@example.com");
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted);
  EXPECT_EQ((*statuses)[0].reply, "250 2.0.0 queued as Q1");
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kRejected);
  EXPECT_NE((*statuses)[1].reply.find("550 5.1.1"), std::string::npos);
  EXPECT_EQ((*statuses)[2].state, sdk::DeliveryState::kDeferred);
  EXPECT_NE((*statuses)[2].reply.find("451"), std::string::npos);

  auto received = server.messages();
  ASSERT_EQ(received.size(), 1U);
  mime::Part p = mime::parse(received[0]);
  EXPECT_EQ(p.header("Subject"), "김민지 님, 감사합니다");
  EXPECT_EQ(p.header("From"), "Office <office@example.org>");
  EXPECT_EQ(p.body, "후원에 감사드립니다.\r\n.\r\n");
}

TEST(SmtpMailer, ReusesOneConnectionAcrossMessages) {
  testing::FakeSmtpServer server;
  SmtpMailer mailer(config_for(server));
  for (int i = 0; i < 3; ++i) {
    auto statuses = mailer.deliver(message({"donor" + std::to_string(i) + "@example.com"}));
    ASSERT_TRUE(statuses) << statuses.status().to_string();
    EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted);
  }
  EXPECT_EQ(server.messages().size(), 3U);
  EXPECT_EQ(server.connections(), 1);
}

TEST(SmtpMailer, AllRecipientsRefusedIsAnAnswerNotAFailure) {
  testing::FakeSmtpServer server;
  SmtpMailer mailer(config_for(server));
  auto statuses = mailer.deliver(message({"a.reject@example.com"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kRejected);
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpMailer, ADroppedConnectionLeavesRecipientsDeferredAndTheNextCallReconnects) {
  testing::FakeSmtpServer server;
  SmtpMailer mailer(config_for(server));
  server.drop_at_end_of_data();
  auto statuses = mailer.deliver(message({"first@example.com"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kDeferred);
  auto again = mailer.deliver(message({"first@example.com"}));
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ((*again)[0].state, sdk::DeliveryState::kAccepted);
  EXPECT_EQ(server.connections(), 2);
}

TEST(SmtpMailer, NoServerIsUnavailableAndInjectionIsRefused) {
  int port;
  {
    testing::FakeSmtpServer server;
    port = server.port();
  }
  auto config = parse_config(R"({"url": "smtp://127.0.0.1:)" + std::to_string(port) +
                             R"(", "starttls": "off", "from": "office@example.org"})");
  ASSERT_TRUE(config);
  SmtpMailer mailer(*config);
  auto statuses = mailer.deliver(message({"a@example.com"}));
  ASSERT_FALSE(statuses);
  EXPECT_EQ(statuses.status().code(), StatusCode::kUnavailable);

  auto bad = mailer.deliver(message({"Eve\r\nBcc: x@example.net <eve@example.com>"}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "to[0]");
}

TEST(SmtpConfig, NamesTheBadSetting) {
  EXPECT_EQ(parse_config(R"({"url": "http://x"})").status().fields().at(0).field, "url");
  EXPECT_EQ(
      parse_config(R"({"url": "smtp://x", "starttls": "maybe"})").status().fields().at(0).field,
      "starttls");
  EXPECT_EQ(
      parse_config(R"({"url": "smtp://x", "timeout_seconds": 0})").status().fields().at(0).field,
      "timeout_seconds");
  auto ok = parse_config(R"({"url": "smtps://mail.example.org"})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->starttls, StartTls::kRequired);
}

}  // namespace
}  // namespace steward::mail_smtp

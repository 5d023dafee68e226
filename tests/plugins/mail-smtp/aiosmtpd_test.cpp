// The SMTP mailer against a real SMTP server on loopback (Debian's python3-aiosmtpd, started by
// the test: aiosmtpd_server.hpp): delivery with a PDF attachment, a rejected recipient with the
// server's reply, STARTTLS with a throw-away self-signed certificate, smtps://, AUTH PLAIN and
// AUTH LOGIN, and the refusals that keep a donor list off the wire in clear text.
#include <gtest/gtest.h>

#include "aiosmtpd_server.hpp"
#include "mail_smtp/smtp_mailer.hpp"
#include "mime/parse.hpp"

namespace steward::mail_smtp {
namespace {

namespace aio = steward::testing::aiosmtpd;

SmtpConfig aiosmtpd_config(const aio::Server& server, const std::string& extra) {
  auto c = parse_config(R"({"url": ")" + server.url() +
                        R"(", "from": "새희망 선교회 <office@example.org>",)"
                        R"( "connect_timeout_seconds": 5, "timeout_seconds": 10)" +
                        extra + "}");
  EXPECT_TRUE(c) << c.status().to_string();
  return c ? *c : SmtpConfig{};
}

#define STEWARD_START_AIOSMTPD(server, ...)                        \
  std::string aiosmtpd_why;                                        \
  if (!aio::available(aiosmtpd_why)) GTEST_SKIP() << aiosmtpd_why; \
  aio::Server server(aiosmtpd_options(__VA_ARGS__));               \
  if (server.error().find("openssl") != std::string::npos) {       \
    GTEST_SKIP() << server.error();                                \
  }                                                                \
  ASSERT_TRUE(server.error().empty()) << server.error()

aio::Options aiosmtpd_options(bool tls = false, bool implicit_tls = false,
                              const std::string& user = "", const std::string& password = "",
                              std::vector<std::string> mechanisms = {}) {
  aio::Options o;
  o.tls = tls;
  o.implicit_tls = implicit_tls;
  o.user = user;
  o.password = password;
  o.mechanisms = std::move(mechanisms);
  return o;
}

sdk::MailMessage korean_message(std::vector<std::string> to) {
  sdk::MailMessage m;
  m.to = std::move(to);
  m.subject = "2026년 후원 내역 안내";
  m.text = "김민지 님께,\n\n감사합니다.\n";
  return m;
}

TEST(AiosmtpdTest, DeliversWithAPdfAttachmentAndReportsARejectedRecipient) {
  STEWARD_START_AIOSMTPD(server);
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "starttls": "off")"));
  sdk::MailMessage m = korean_message({"김민지 <minji@example.com>", "nobody.reject@example.com"});
  m.attachments.push_back({"후원영수증-2026-000001.pdf", "application/pdf", "%PDF-1.5\n%fake\n"});
  auto statuses = mailer.deliver(m);
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  ASSERT_EQ(statuses->size(), 2U);
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted) << (*statuses)[0].reply;
  EXPECT_NE((*statuses)[0].reply.find("250 2.0.0 queued as A1"), std::string::npos);
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kRejected) << (*statuses)[1].reply;
  EXPECT_NE((*statuses)[1].reply.find("550 5.1.1"), std::string::npos);
  EXPECT_NE((*statuses)[1].reply.find("unknown user"), std::string::npos);

  std::string raw = server.message(1);
  ASSERT_FALSE(raw.empty());
  mime::Part p = mime::parse(raw);
  EXPECT_EQ(p.header("Subject"), "2026년 후원 내역 안내");
  EXPECT_NE(raw.find("filename*0*=UTF-8''"), std::string::npos) << raw.substr(0, 2000);
  EXPECT_NE(raw.find("application/pdf"), std::string::npos);

  // The same connection (or a new one) delivers a second message.
  m.to = {"jane@example.com"};
  auto second = mailer.deliver(m);
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(second->at(0).state, sdk::DeliveryState::kAccepted);
  EXPECT_FALSE(server.message(2).empty());
}

TEST(AiosmtpdTest, StartTlsWithAuthPlainDeliversOverTls) {
  STEWARD_START_AIOSMTPD(server, true, false, "office", "비밀 pass", {"PLAIN"});
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "starttls": "required", "username": "office",)"
                                            R"( "password": "비밀 pass", "ca_file": ")" +
                                                server.cert_file() + "\""));
  auto statuses = mailer.deliver(korean_message({"김민지 <minji@example.com>"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ(statuses->at(0).state, sdk::DeliveryState::kAccepted) << statuses->at(0).reply;
  EXPECT_EQ(mime::parse(server.message(1)).header("Subject"), "2026년 후원 내역 안내");
  EXPECT_EQ(server.auth_log(), "PLAIN office\n");
}

TEST(AiosmtpdTest, StartTlsWithAuthLoginDeliversOverTls) {
  STEWARD_START_AIOSMTPD(server, true, false, "office", "s3cret", {"LOGIN"});
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "username": "office", "password": "s3cret",)"
                                            R"( "ca_file": ")" +
                                                server.cert_file() + "\""));
  auto statuses = mailer.deliver(korean_message({"jane@example.com"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ(statuses->at(0).state, sdk::DeliveryState::kAccepted) << statuses->at(0).reply;
  EXPECT_EQ(server.auth_log(), "LOGIN office\n");
}

TEST(AiosmtpdTest, ImplicitTlsWithAuthDelivers) {
  STEWARD_START_AIOSMTPD(server, false, true, "office", "s3cret");
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "username": "office", "password": "s3cret",)"
                                            R"( "ca_file": ")" +
                                                server.cert_file() + "\""));
  auto statuses = mailer.deliver(korean_message({"jane@example.com"}));
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ(statuses->at(0).state, sdk::DeliveryState::kAccepted) << statuses->at(0).reply;
  EXPECT_EQ(server.messages().size(), 1U);
}

TEST(AiosmtpdTest, AWrongPasswordIsUnavailableAndSendsNothing) {
  STEWARD_START_AIOSMTPD(server, true, false, "office", "s3cret");
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "username": "office", "password": "wrong",)"
                                            R"( "ca_file": ")" +
                                                server.cert_file() + "\""));
  auto statuses = mailer.deliver(korean_message({"jane@example.com"}));
  ASSERT_FALSE(statuses);
  EXPECT_EQ(statuses.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(statuses.status().message().find("wrong"), std::string::npos);  // no secret shown
  EXPECT_TRUE(server.messages().empty());
}

TEST(AiosmtpdTest, AnUntrustedCertificateIsRefusedAndSendsNothing) {
  STEWARD_START_AIOSMTPD(server, true);
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "starttls": "required")"));  // no ca_file
  auto statuses = mailer.deliver(korean_message({"jane@example.com"}));
  ASSERT_FALSE(statuses);
  EXPECT_EQ(statuses.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(server.messages().empty());
}

TEST(AiosmtpdTest, StartTlsRequiredRefusesAServerWithoutIt) {
  STEWARD_START_AIOSMTPD(server);
  SmtpMailer mailer(aiosmtpd_config(server, R"(, "starttls": "required")"));
  auto statuses = mailer.deliver(korean_message({"jane@example.com"}));
  ASSERT_FALSE(statuses);
  EXPECT_EQ(statuses.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(server.messages().empty());
}

}  // namespace
}  // namespace steward::mail_smtp

// An email appeal sent for real: the mail.appeal job delivers through the SMTP mailer to
// aiosmtpd on loopback (aiosmtpd_server.hpp), and every message the server received is parsed:
// MIME structure, Hangul names and subjects in RFC 2047 words, the one-click unsubscribe
// headers. A server that cuts the connection mid-batch and then refuses mail stops the job;
// the resumed job delivers the rest, and no Message-ID or address arrives twice.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "aiosmtpd_server.hpp"
#include "auth/unsubscribe_token.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/job_worker.hpp"
#include "mail_smtp/smtp_mailer.hpp"
#include "mime/parse.hpp"
#include "store/appeal_send_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::mail_smtp {
namespace {

namespace aio = steward::testing::aiosmtpd;
namespace appeals = steward::engine::appeals;

class AppealOverSmtpTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (!aio::available(why_)) GTEST_SKIP() << why_;
    setup_ = testing::make_appeal_setup(db());
  }

  // n donors: every third has a Hangul name (so gets the Korean template); "reject" in an
  // address makes aiosmtpd refuse it.
  void donors(int n, const std::string& rejected_local = "") {
    testing::SegmentFixtures f(db());
    for (int i = 0; i < n; ++i) {
      const bool korean = i % 3 == 0;
      std::string name = korean ? "김민지 " + std::to_string(i) : "Donor " + std::to_string(i);
      std::string address = "donor" + std::to_string(i) + "@example.org";
      if (i == 7 && !rejected_local.empty()) address = rejected_local + "@example.org";
      long long id = f.constituent(name);
      f.email(id, address);
      names_[address] = name;
    }
  }

  long long start_send() {
    appeals::StartRequest req;
    req.audience = {setup_.appeal_id, setup_.segment_id, "appeal"};
    req.mailer = "org.steward.mail.smtp";
    req.rate_per_minute = 6000;
    auto started =
        db().write(actor(), [&](store::Unit& u) { return appeals::start_appeal_send(u, req); });
    EXPECT_TRUE(started) << started.status().to_string();
    return started ? started->send_id : 0;
  }

  appeals::RunOptions run_options(SmtpMailer& mailer) {
    appeals::RunOptions o;
    o.deliver = [&mailer](const sdk::MailMessage& m) { return mailer.deliver(m); };
    o.token = [this](long long id, const std::string& email) { return signer_.token(id, email); };
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
  }

  static SmtpConfig plain_config(const aio::Server& server) {
    auto c = parse_config(R"({"url": ")" + server.url() +
                          R"(", "starttls": "off", "connect_timeout_seconds": 5,)"
                          R"( "timeout_seconds": 10})");
    EXPECT_TRUE(c) << c.status().to_string();
    return c ? *c : SmtpConfig{};
  }

  std::map<std::string, long long> recipient_states(long long send_id) {
    auto c =
        db().read([&](store::Unit& u) { return store::appeal_sends::state_counts(u, send_id); });
    return c ? *c : std::map<std::string, long long>{};
  }

  std::string why_;
  testing::AppealSetup setup_;
  auth::UnsubscribeSigner signer_{std::string(32, 'u')};
  std::map<std::string, std::string> names_;  // address -> display name
};

TEST_P(AppealOverSmtpTest, EveryReceivedMessageIsWellFormedAndCarriesOneClickUnsubscribe) {
  aio::Server server(aio::Options{});
  ASSERT_TRUE(server.error().empty()) << server.error();
  const int n = 300;
  donors(n, "nobody.reject");
  long long send_id = start_send();
  ASSERT_GT(send_id, 0);

  SmtpMailer mailer(plain_config(server));
  auto run = appeals::run_appeal_send(db(), send_id, run_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->finished);
  EXPECT_EQ(run->sent, n - 1);
  EXPECT_EQ(run->rejected, 1);
  auto states = recipient_states(send_id);
  EXPECT_EQ(states["sent"], n - 1);
  EXPECT_EQ(states["rejected"], 1);

  // The rejected recipient is recorded with the server's own reply.
  auto list =
      db().read([&](store::Unit& u) { return store::appeal_sends::recipients(u, send_id); });
  ASSERT_TRUE(list);
  int rejected_seen = 0;
  for (const auto& r : *list) {
    if (r.state != "rejected") continue;
    ++rejected_seen;
    EXPECT_EQ(r.address, "nobody.reject@example.org");
    ASSERT_TRUE(r.reply.has_value());
    EXPECT_NE(r.reply->find("550 5.1.1"), std::string::npos) << *r.reply;
    EXPECT_NE(r.reply->find("unknown user"), std::string::npos) << *r.reply;
  }
  EXPECT_EQ(rejected_seen, 1);

  auto received = server.messages();
  ASSERT_EQ(received.size(), static_cast<std::size_t>(n - 1));
  std::set<std::string> message_ids;
  std::set<std::string> addresses;
  int korean = 0;
  for (const auto& raw : received) {
    mime::Part p = mime::parse(raw);
    const std::string to = p.header("To");
    const std::string address = testing::address_of(to);
    ASSERT_EQ(names_.count(address), 1u) << to;
    EXPECT_EQ(to, names_[address] + " <" + address + ">");
    EXPECT_TRUE(addresses.insert(address).second) << "twice: " << address;
    const std::string id = p.header("Message-ID");
    EXPECT_FALSE(id.empty());
    EXPECT_TRUE(message_ids.insert(id).second) << "Message-ID twice: " << id;
    EXPECT_EQ(p.header("From"), "새희망 선교회 <office@example.org>");
    EXPECT_FALSE(p.header("Date").empty());
    // Non-ASCII headers travel as RFC 2047 encoded words, never raw UTF-8.
    for (const auto& [name, value] : p.headers) {
      for (unsigned char ch : value) ASSERT_LT(ch, 0x80) << name << ": " << value;
    }
    const bool ko = names_[address].rfind("김민지", 0) == 0;
    if (ko) {
      ++korean;
      EXPECT_EQ(p.header("Subject"), "올겨울, 안전한 보금자리를");
    } else {
      EXPECT_FALSE(p.header("Subject").empty());
    }
    // multipart/alternative: text then HTML, both carrying the unsubscribe link.
    ASSERT_EQ(p.content_type, "multipart/alternative") << raw.substr(0, 1500);
    const mime::Part* text = p.find("text/plain");
    const mime::Part* html = p.find("text/html");
    ASSERT_NE(text, nullptr);
    ASSERT_NE(html, nullptr);
    const std::string link = p.header("List-Unsubscribe");
    ASSERT_EQ(link.rfind("<https://crm.example.org/api/v1/unsubscribe/", 0), 0u) << link;
    EXPECT_EQ(p.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    const std::string url = link.substr(1, link.size() - 2);
    EXPECT_NE(text->body.find(url), std::string::npos);
    EXPECT_NE(html->body.find(url), std::string::npos);
    if (ko) {
      EXPECT_NE(text->body.find("더 이상 이메일을"), std::string::npos);
    }
  }
  EXPECT_EQ(korean, n / 3);
}

TEST_P(AppealOverSmtpTest, ADroppedConnectionMidBatchResumesWithoutDuplicates) {
  aio::Options options;
  options.drop_at = 40;  // the 40th message is cut off, then the server refuses mail
  aio::Server server(options);
  ASSERT_TRUE(server.error().empty()) << server.error();
  const int n = 120;
  donors(n);
  long long send_id = start_send();
  ASSERT_GT(send_id, 0);

  // The job worker runs the send: it stops when the server goes away and is retried later.
  SmtpMailer mailer(plain_config(server));
  engine::JobRegistry registry;
  registry.add(appeals::kAppealJobKind, [&](store::Database& d, const domain::Job& job) {
    return appeals::run_appeal_job(d, job, run_options(mailer));
  });
  auto first = engine::run_one_job(db(), registry, "node-a", 300);
  ASSERT_TRUE(first && first->has_value()) << first.status().to_string();
  EXPECT_EQ((*first)->status, domain::JobStatus::kQueued);  // to be retried
  EXPECT_EQ(server.messages().size(), 39u);
  auto states = recipient_states(send_id);
  EXPECT_EQ(states["sent"], 39);
  EXPECT_EQ(states["deferred"], 1);  // the cut-off message: the server never confirmed it
  EXPECT_EQ(states["queued"], n - 40);

  // The mail server is back; the resumed job (a new mailer, as after a restart) finishes.
  server.resume();
  SmtpMailer after_restart(plain_config(server));
  Status resumed = appeals::run_appeal_job(db(), **first, run_options(after_restart));
  ASSERT_TRUE(resumed) << resumed.to_string();
  states = recipient_states(send_id);
  EXPECT_EQ(states["sent"], n);

  auto received = server.messages();
  ASSERT_EQ(received.size(), static_cast<std::size_t>(n));
  std::set<std::string> message_ids;
  std::set<std::string> addresses;
  for (const auto& raw : received) {
    mime::Part p = mime::parse(raw);
    EXPECT_TRUE(message_ids.insert(p.header("Message-ID")).second) << p.header("Message-ID");
    EXPECT_TRUE(addresses.insert(testing::address_of(p.header("To"))).second) << p.header("To");
  }
  EXPECT_EQ(message_ids.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(addresses.size(), static_cast<std::size_t>(n));
}

STEWARD_INSTANTIATE_DATABASE_TEST(AppealOverSmtpTest);

}  // namespace
}  // namespace steward::mail_smtp

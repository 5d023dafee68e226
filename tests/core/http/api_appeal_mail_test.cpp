// Email appeals over HTTP: the preview (GET and POST) with each exclusion counted, starting a
// send (202, a queued job), its status and recipients, results; and the public unsubscribe
// page: no sign-in, a masked address, POST (also RFC 8058 one-click) sets do not email,
// audited as system:unsubscribe; a tampered token gets a 400 page and writes nothing.
#include <gtest/gtest.h>

#include "auth/unsubscribe_token.hpp"
#include "support/api_server.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiAppealMailTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions o;
    o.secrets = secrets_;
    return o;
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    setup_ = make_appeal_setup(db());
    set_mail_setting(db(), "mail.mailer", "org.steward.test.mailer");
    SegmentFixtures f(db());
    minji_ = f.constituent("김민지");
    f.email(minji_, "minji@example.org");
    long long grace = f.constituent("Grace Lee");
    f.email(grace, "grace@example.org");
    long long dne = f.constituent("No Email");
    f.email(dne, "dne@example.org");
    f.set_flag(dne, "do_not_email", true);
  }
  std::string base() const { return "/api/v1/appeals/" + std::to_string(setup_.appeal_id); }
  std::string token_for(long long id, const std::string& email) {
    auto signer = db().write(store::Actor{"test:runner", ""}, [&](store::Unit& u) {
      return auth::UnsubscribeSigner::load(u, *secrets_, true);
    });
    EXPECT_TRUE(signer) << signer.status().to_string();
    return signer ? signer->token(id, email) : "";
  }

  std::shared_ptr<auth::SecretBox> secrets_ = auth::SecretBox::ephemeral();
  std::unique_ptr<HttpClient> staff_;
  AppealSetup setup_;
  long long minji_ = 0;
};

TEST_P(ApiAppealMailTest, PreviewCountsExclusionsByGetAndPost) {
  HttpReply got =
      staff_->get(base() + "/email-preview?segment_id=" + std::to_string(setup_.segment_id));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["segment_count"], 3);
  EXPECT_EQ(got.json()["recipients"], 2);
  EXPECT_EQ(got.json()["excluded"]["do_not_email"], 1);
  EXPECT_EQ(got.json()["by_language"]["ko"], 1);
  HttpReply posted = staff_->post(base() + "/email-preview",
                                  R"({"segment_id":)" + std::to_string(setup_.segment_id) + "}");
  ASSERT_EQ(posted.status, 200) << posted.body;
  EXPECT_EQ(posted.json()["recipients"], 2);

  HttpReply missing = staff_->get(base() + "/email-preview");
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_NE(missing.body.find("segment_id"), std::string::npos);
  HttpReply bad_template = staff_->post(
      base() + "/email-preview",
      R"({"segment_id":)" + std::to_string(setup_.segment_id) + R"(,"template_name":"nope"})");
  EXPECT_EQ(bad_template.status, 422) << bad_template.body;
  EXPECT_NE(bad_template.body.find("template_name"), std::string::npos);
  EXPECT_EQ(staff_->get("/api/v1/appeals/999999/email-preview?segment_id=1").status, 404);
  EXPECT_EQ(client().get(base() + "/email-preview?segment_id=1").status, 401);
}

TEST_P(ApiAppealMailTest, StartingASendFreezesTheListAndQueuesTheJob) {
  HttpReply bad = staff_->post(
      base() + "/email-sends",
      R"({"segment_id":)" + std::to_string(setup_.segment_id) + R"(,"rate_per_minute":0})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("rate_per_minute"), std::string::npos);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM appeal_sends"), 0);

  HttpReply started = staff_->post(base() + "/email-sends",
                                   R"({"segment_id":)" + std::to_string(setup_.segment_id) + "}");
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.json()["recipients"], 2);
  EXPECT_EQ(started.json()["status"], "sending");
  EXPECT_EQ(started.json()["mailer"], "org.steward.test.mailer");
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM jobs WHERE kind = 'mail.appeal' AND status = "
                      "'queued'"),
            1);
  const std::string location = started.header("location");
  HttpReply status = staff_->get(location);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.json()["states"]["queued"], 2);
  HttpReply recipients = staff_->get(location + "/recipients");
  ASSERT_EQ(recipients.status, 200) << recipients.body;
  EXPECT_EQ(recipients.json()["items"].size(), 2u);
  HttpReply list = staff_->get(base() + "/email-sends");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 1u);
  HttpReply results = staff_->get(base() + "/email-results");
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_EQ(results.json()["recipients"], 2);
  EXPECT_EQ(results.json()["sent"], 0);
  EXPECT_EQ(results.json()["response_rate"], 0.0);
}

TEST_P(ApiAppealMailTest, UnsubscribePageNeedsNoSignInAndStopsAppealsOnly) {
  HttpClient anyone = client();
  const std::string url = "/api/v1/unsubscribe/" + token_for(minji_, "minji@example.org");
  HttpReply page = anyone.get(url);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("m***@example.org"), std::string::npos);
  EXPECT_EQ(page.body.find("minji@"), std::string::npos);  // the address is masked
  EXPECT_EQ(page.body.find("김민지"), std::string::npos);  // no donor data
  EXPECT_NE(page.body.find("수신 거부"), std::string::npos);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents WHERE do_not_email = TRUE"), 1);

  HttpReply done = anyone.request("POST", url, "List-Unsubscribe=One-Click",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("unsubscribed"), std::string::npos);
  EXPECT_NE(done.body.find("Receipts for your gifts will still be emailed"), std::string::npos);
  // Appeals only (decision 0211): receipts are transactional, so do not email stays off.
  EXPECT_EQ(
      query_int(db(), "SELECT COUNT(*) FROM constituents WHERE do_not_email = TRUE AND id = " +
                          std::to_string(minji_)),
      0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE unsubscribed_at IS NOT NULL"), 1);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE actor = "
                      "'system:unsubscribe' AND action = 'unsubscribe'"),
            1);
  // Again: still a confirmation, nothing more written.
  EXPECT_EQ(anyone.post(url, "").status, 200);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE actor = "
                      "'system:unsubscribe'"),
            1);
  // The preview now counts them as unsubscribed.
  HttpReply preview =
      staff_->get(base() + "/email-preview?segment_id=" + std::to_string(setup_.segment_id));
  EXPECT_EQ(preview.json()["excluded"]["unsubscribed"], 1);
  EXPECT_EQ(preview.json()["recipients"], 1);
}

TEST_P(ApiAppealMailTest, ABadOrTamperedTokenGetsA400PageAndWritesNothing) {
  HttpClient anyone = client();
  std::string token = token_for(minji_, "minji@example.org");
  std::string tampered = token;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  // Another donor's id with this donor's tag.
  std::string other = token_for(minji_ + 1, "minji@example.org");
  auto audits = query_int(db(), "SELECT COUNT(*) FROM audit_events");
  for (const std::string& t :
       {tampered, std::string("garbage"), other,
        auth::UnsubscribeSigner(std::string(32, 'x')).token(minji_, "minji@example.org")}) {
    HttpReply get = anyone.get("/api/v1/unsubscribe/" + t);
    EXPECT_EQ(get.status, 400) << t;
    EXPECT_NE(get.header("content-type").find("text/html"), std::string::npos);
    EXPECT_EQ(anyone.post("/api/v1/unsubscribe/" + t, "").status, 400) << t;
  }
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events"), audits);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE unsubscribed_at IS NOT NULL"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAppealMailTest);

}  // namespace
}  // namespace steward::testing

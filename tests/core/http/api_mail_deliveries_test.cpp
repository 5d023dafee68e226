// The recent deliveries over HTTP (GET /api/v1/mail/messages): newest first with the donor's
// name and the mailer's reply, narrowed by state, restricted donors left out without the grant,
// bad parameters a 422 naming them, viewers and analysts refused.
#include <gtest/gtest.h>

#include "store/mail_message_repository.hpp"
#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiMailDeliveriesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    donor_ = make_person(db(), "김민지");
    hidden_ = make_person(db(), "비공개 후원자");
    make_restricted(db(), hidden_);
    deliver(donor_, "minji@example.org", "accepted", "250 OK");
    deliver(hidden_, "secret@example.org", "accepted", "250 OK");
    deliver(donor_, "old@example.org", "rejected", "550 no such user");
  }
  void deliver(long long constituent, const std::string& address, const std::string& state,
               const std::string& reply) {
    Status s = db().write(actor(), [&](store::Unit& u) -> Status {
      store::mail_messages::MailMessageInput in;
      in.purpose = "year_end";
      in.constituent_id = constituent;
      in.address = address;
      in.subject = "2025년 후원 내역 안내";
      in.message_id = "<" + std::to_string(++sequence_) + "." + address + ">";
      in.mailer = "org.steward.mail.file";
      auto id = store::mail_messages::claim(u, in);
      if (!id) return id.status();
      return store::mail_messages::finish(u, *id, state, reply);
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  std::unique_ptr<HttpClient> staff_;
  long long donor_ = 0, hidden_ = 0;
  int sequence_ = 0;
};

TEST_P(ApiMailDeliveriesTest, NewestFirstWithNamesAndRestrictedLeftOut) {
  HttpReply all = staff_->get("/api/v1/mail/messages");
  ASSERT_EQ(all.status, 200) << all.body;
  const auto items = all.json()["items"];
  ASSERT_EQ(items.size(), 2u) << all.body;
  EXPECT_EQ(items[0]["address"], "old@example.org");
  EXPECT_EQ(items[0]["state"], "rejected");
  EXPECT_EQ(items[0]["reply"], "550 no such user");
  EXPECT_EQ(items[0]["donor"], "김민지");
  EXPECT_EQ(items[0]["subject"], "2025년 후원 내역 안내");
  EXPECT_EQ(all.body.find("secret@example.org"), std::string::npos);

  HttpReply rejected = staff_->get("/api/v1/mail/messages?state=rejected&limit=10");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["items"].size(), 1u);

  HttpClient granted = sign_in_as("fund2", auth::Role::kFundraiser, true);
  EXPECT_EQ(granted.get("/api/v1/mail/messages").json()["items"].size(), 3u);
}

TEST_P(ApiMailDeliveriesTest, BadParametersAndRolesAreRefused) {
  HttpReply limit = staff_->get("/api/v1/mail/messages?limit=0");
  ASSERT_EQ(limit.status, 422) << limit.body;
  EXPECT_EQ(limit.json()["errors"][0]["field"], "limit");
  EXPECT_EQ(staff_->get("/api/v1/mail/messages?limit=abc").status, 422);
  HttpReply state = staff_->get("/api/v1/mail/messages?state=lost");
  ASSERT_EQ(state.status, 422) << state.body;
  EXPECT_EQ(state.json()["errors"][0]["field"], "state");
  EXPECT_EQ(sign_in_as("view1", auth::Role::kViewer).get("/api/v1/mail/messages").status, 403);
  EXPECT_EQ(sign_in_as("ana1", auth::Role::kAnalyst).get("/api/v1/mail/messages").status, 403);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiMailDeliveriesTest);

}  // namespace
}  // namespace steward::testing

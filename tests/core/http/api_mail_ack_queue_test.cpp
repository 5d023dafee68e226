// The acknowledgment queue's time rule over HTTP (decision 0220): each entry's due_by, overdue
// and due_soon; the counts over the whole queue; ?overdue=true; the mail.thank_within_hours
// setting refused with a 422 that names it; the dashboard's overdue count. Gifts are dated
// relative to today, so the real clock decides: with 48 h, a gift received three days ago was
// due at the start of today (overdue), two days ago is due at the end of today (due soon).
#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiMailAckQueueTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin));
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    fund_ = make_fund(db(), "SHELTER");
  }
  long long gift_days_ago(long long donor, int days) {
    return record_gift_for(db(), donor, 5000, domain::Date::today().add_days(-days).to_string(),
                           fund_);
  }
  std::unique_ptr<HttpClient> admin_, staff_;
  long long fund_ = 0;
};

TEST_P(ApiMailAckQueueTest, EachGiftHasItsDeadlineAndTheQueueCountsTheOverdue) {
  long long minji = make_donor(db(), "김민지", "minji@example.com");
  long long oldest = gift_days_ago(minji, 10);
  long long late = gift_days_ago(minji, 3);
  long long soon = gift_days_ago(minji, 2);
  long long fresh = gift_days_ago(minji, 0);

  HttpReply queue = staff_->get("/api/v1/mail/ack-queue");
  ASSERT_EQ(queue.status, 200) << queue.body;
  json q = queue.json();
  EXPECT_EQ(q["counts"], (json{{"total", 4}, {"overdue", 2}, {"due_soon", 1}}));
  EXPECT_EQ(q["thank_within_hours"], 48);
  ASSERT_EQ(q["items"].size(), 4u);
  EXPECT_EQ(q["items"][0]["gift_id"], oldest);  // the most overdue first
  EXPECT_EQ(q["items"][0]["overdue"], true);
  EXPECT_EQ(q["items"][1]["gift_id"], late);
  EXPECT_EQ(q["items"][1]["overdue"], true);
  EXPECT_EQ(q["items"][2]["gift_id"], soon);
  EXPECT_EQ(q["items"][2]["overdue"], false);
  EXPECT_EQ(q["items"][2]["due_soon"], true);
  EXPECT_EQ(q["items"][2]["due_by"], domain::Date::today().add_days(1).to_string() + "T00:00:00Z");
  EXPECT_EQ(q["items"][3]["gift_id"], fresh);
  EXPECT_EQ(q["items"][3]["overdue"], false);
  EXPECT_EQ(q["items"][3]["due_soon"], false);
  EXPECT_EQ(q["items"][0]["donor"], "김민지");

  HttpReply overdue = staff_->get("/api/v1/mail/ack-queue?overdue=true");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  ASSERT_EQ(overdue.json()["items"].size(), 2u);
  EXPECT_EQ(overdue.json()["items"][0]["gift_id"], oldest);
  EXPECT_EQ(overdue.json()["items"][1]["gift_id"], late);
  EXPECT_EQ(overdue.json()["counts"]["total"], 2);

  HttpReply bad = staff_->get("/api/v1/mail/ack-queue?overdue=maybe");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("overdue"), std::string::npos);

  HttpReply dashboard = staff_->get("/api/v1/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  EXPECT_EQ(dashboard.json()["unacknowledged_gifts"], 4);
  EXPECT_EQ(dashboard.json()["unacknowledged_overdue"], 2);
}

TEST_P(ApiMailAckQueueTest, TheWindowIsAnAdminSettingAndABadValueIsRefusedNamingIt) {
  long long minji = make_donor(db(), "김민지", "minji@example.com");
  gift_days_ago(minji, 3);
  HttpReply got = admin_->get("/api/v1/mail/settings");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["mail.thank_within_hours"], "48");
  const std::string etag = got.header("etag");
  for (const char* bad :
       {R"({"mail.thank_within_hours":"0"})", R"({"mail.thank_within_hours":"721"})",
        R"({"mail.thank_within_hours":"two days"})", R"({"mail.thank_within_hours":"-1"})",
        R"({"mail.thank_within_hours":72})"}) {
    HttpReply refused = admin_->put("/api/v1/mail/settings", bad, etag);
    EXPECT_EQ(refused.status, 422) << bad << " " << refused.body;
    EXPECT_NE(refused.body.find("mail.thank_within_hours"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM settings WHERE key = 'mail.thank_within_hours'"),
            0);
  // Three days and a half: the gift of three days ago is no longer overdue.
  HttpReply set = admin_->put("/api/v1/mail/settings", R"({"mail.thank_within_hours":"84"})", etag);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["mail.thank_within_hours"], "84");
  HttpReply queue = staff_->get("/api/v1/mail/ack-queue");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_EQ(queue.json()["thank_within_hours"], 84);
  EXPECT_EQ(queue.json()["counts"]["overdue"], 0);
  EXPECT_EQ(queue.json()["items"][0]["overdue"], false);
  EXPECT_EQ(
      staff_
          ->put("/api/v1/mail/settings", R"({"mail.thank_within_hours":"24"})", set.header("etag"))
          .status,
      403);
}

TEST_P(ApiMailAckQueueTest, RestrictedDonorsGiftsAreListedOnlyForUsersGrantedThem) {
  long long minji = make_donor(db(), "김민지", "minji@example.com");
  long long hidden = make_donor(db(), "최은혜", "eunhye@example.com");
  make_restricted(db(), hidden);
  long long visible_gift = gift_days_ago(minji, 5);
  gift_days_ago(hidden, 5);

  HttpReply staff = staff_->get("/api/v1/mail/ack-queue");
  ASSERT_EQ(staff.status, 200) << staff.body;
  ASSERT_EQ(staff.json()["items"].size(), 1u);
  EXPECT_EQ(staff.json()["items"][0]["gift_id"], visible_gift);
  EXPECT_EQ(staff.json()["counts"]["total"], 1);
  EXPECT_EQ(staff.json()["counts"]["overdue"], 1);
  EXPECT_EQ(staff.body.find("최은혜"), std::string::npos);

  HttpClient granted = sign_in_as("fund2", auth::Role::kFundraiser, /*restricted=*/true);
  HttpReply all = granted.get("/api/v1/mail/ack-queue");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["items"].size(), 2u);
  EXPECT_EQ(all.json()["counts"]["overdue"], 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiMailAckQueueTest);

}  // namespace
}  // namespace steward::testing

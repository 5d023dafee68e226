// GET /api/v1/appeal-sends/{id}/recipients: cursor pages by id (?after=&limit=), a state filter
// (?state=..., "failed" = rejected or skipped; 422 naming "state" for an unknown one) and each
// recipient's name; restricted donors are left out for users without the grant and counted in
// "hidden".
#include <gtest/gtest.h>

#include <set>

#include "support/api_server.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiAppealRecipientPagesTest : public ApiTest {
 protected:
  // Starts a send to five donors (the first is Korean) and returns its location.
  std::string start_five_recipient_send(HttpClient& staff) {
    AppealSetup setup = make_appeal_setup(db());
    set_mail_setting(db(), "mail.mailer", "org.steward.test.mailer");
    SegmentFixtures f(db());
    const std::vector<std::pair<std::string, std::string>> donors = {
        {"김민지", "minji@example.org"},
        {"Grace Lee", "grace@example.org"},
        {"Jane Doe", "jane@example.org"},
        {"Paul Kim", "paul@example.org"},
        {"Ruth Park", "ruth@example.org"}};
    for (const auto& [name, email] : donors) {
      const long long id = f.constituent(name);
      f.email(id, email);
      ids_.push_back(id);
    }
    HttpReply started =
        staff.post("/api/v1/appeals/" + std::to_string(setup.appeal_id) + "/email-sends",
                   R"({"segment_id":)" + std::to_string(setup.segment_id) + "}");
    EXPECT_EQ(started.status, 202) << started.body;
    return started.header("location");
  }
  std::vector<long long> ids_;
};

TEST_P(ApiAppealRecipientPagesTest, PagesByCursorWithNamesInHangul) {
  HttpClient staff = sign_in_as("fund1", auth::Role::kFundraiser);
  const std::string location = start_five_recipient_send(staff);
  HttpReply first = staff.get(location + "/recipients?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  auto j = first.json();
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["state"], "queued");
  EXPECT_TRUE(j["items"][0]["sort_name"].is_string());
  EXPECT_FALSE(j["next_after"].is_null());
  EXPECT_EQ(j["hidden"], 0);
  std::set<std::string> names;
  for (const auto& item : j["items"]) names.insert(item["display_name"].get<std::string>());
  auto next = j["next_after"];
  int pages = 1;
  while (!next.is_null()) {
    HttpReply more =
        staff.get(location + "/recipients?limit=2&after=" + std::to_string(next.get<long long>()));
    ASSERT_EQ(more.status, 200) << more.body;
    const auto body = more.json();
    for (const auto& item : body["items"]) names.insert(item["display_name"].get<std::string>());
    next = body["next_after"];
    ++pages;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names.size(), 5u);
  EXPECT_EQ(names.count("김민지"), 1u);
  EXPECT_EQ(staff.get(location + "/recipients").json()["items"].size(), 5u);
}

TEST_P(ApiAppealRecipientPagesTest, FiltersByStateAndRefusesAnUnknownOne) {
  HttpClient staff = sign_in_as("fund1", auth::Role::kFundraiser);
  const std::string location = start_five_recipient_send(staff);
  dedupe::exec(db(),
               "UPDATE appeal_send_recipients SET state = 'rejected' WHERE address = "
               "'grace@example.org'");
  dedupe::exec(db(),
               "UPDATE appeal_send_recipients SET state = 'skipped' WHERE address = "
               "'jane@example.org'");
  dedupe::exec(db(),
               "UPDATE appeal_send_recipients SET state = 'sent' WHERE address = "
               "'minji@example.org'");
  auto rejected = staff.get(location + "/recipients?state=rejected").json();
  ASSERT_EQ(rejected["items"].size(), 1u);
  EXPECT_EQ(rejected["items"][0]["display_name"], "Grace Lee");
  auto failed = staff.get(location + "/recipients?state=failed").json();
  EXPECT_EQ(failed["items"].size(), 2u);
  auto sent = staff.get(location + "/recipients?state=sent").json();
  ASSERT_EQ(sent["items"].size(), 1u);
  EXPECT_EQ(sent["items"][0]["display_name"], "김민지");
  EXPECT_EQ(staff.get(location + "/recipients?state=queued").json()["items"].size(), 2u);
  EXPECT_EQ(staff.get(location + "/recipients?state=cancelled").json()["items"].size(), 0u);

  // A bad query parameter is a validation problem naming it (422, like limit and after).
  HttpReply bad = staff.get(location + "/recipients?state=lost");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()["errors"][0]["field"], "state");
  EXPECT_EQ(bad.json()["errors"][0]["code"], "one-of");
  HttpReply hostile = staff.get(location + "/recipients?state=sent%27%20OR%201%3D1--");
  EXPECT_EQ(hostile.status, 422) << hostile.body;
  EXPECT_EQ(staff.get(location + "/recipients?limit=0").status, 422);
  EXPECT_EQ(staff.get(location + "/recipients?after=x").status, 422);
  EXPECT_EQ(staff.get("/api/v1/appeal-sends/999999/recipients").status, 404);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.get(location + "/recipients").status, 403);
}

TEST_P(ApiAppealRecipientPagesTest, RestrictedDonorsAreHiddenWithoutTheGrant) {
  HttpClient staff = sign_in_as("fund1", auth::Role::kFundraiser);
  const std::string location = start_five_recipient_send(staff);
  SegmentFixtures f(db());
  f.set_flag(ids_[0], "restricted", true);  // 김민지, restricted after the list was frozen
  auto plain = staff.get(location + "/recipients").json();
  EXPECT_EQ(plain["items"].size(), 4u);
  EXPECT_EQ(plain["hidden"], 1);
  EXPECT_EQ(plain.dump().find("minji"), std::string::npos);
  HttpClient trusted = sign_in_as("fund2", auth::Role::kFundraiser, true);
  auto all = trusted.get(location + "/recipients").json();
  EXPECT_EQ(all["items"].size(), 5u);
  EXPECT_EQ(all["hidden"], 0);
  EXPECT_TRUE(all["hidden_by_state"].empty());
  EXPECT_NE(all.dump().find("김민지"), std::string::npos);
}

TEST_P(ApiAppealRecipientPagesTest, EachStateSaysHowManyRestrictedDonorsItLeavesOut) {
  HttpClient staff = sign_in_as("fund1", auth::Role::kFundraiser);
  const std::string location = start_five_recipient_send(staff);
  SegmentFixtures f(db());
  f.set_flag(ids_[0], "restricted", true);  // 김민지
  dedupe::exec(db(),
               "UPDATE appeal_send_recipients SET state = 'rejected' WHERE address = "
               "'minji@example.org'");
  // The filter buttons' counts come from the send; each can say how many of them are hidden.
  auto sent = staff.get(location + "/recipients?state=sent").json();
  EXPECT_EQ(sent["hidden"], 0);
  EXPECT_EQ(sent["hidden_by_state"], nlohmann::json({{"rejected", 1}}));
  auto failed = staff.get(location + "/recipients?state=failed").json();
  EXPECT_EQ(failed["items"].size(), 0u);
  EXPECT_EQ(failed["hidden"], 1);
  auto queued = staff.get(location + "/recipients?state=queued").json();
  EXPECT_EQ(queued["items"].size(), 4u);
  EXPECT_EQ(queued["hidden"], 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAppealRecipientPagesTest);

}  // namespace
}  // namespace steward::testing

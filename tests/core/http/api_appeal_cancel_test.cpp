// POST /api/v1/appeal-sends/{id}/cancel: the web app's Cancel button. Answers the send exactly as
// GET /api/v1/appeal-sends/{id} returns it (status "cancelled", states with "cancelled"), 409
// once the send is finished or cancelled, 404 for no such send, 403 without send mail.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiAppealCancelTest : public ApiTest {};

TEST_P(ApiAppealCancelTest, CancelAnswersTheSendAsGetDoesAndRefusesTwice) {
  HttpClient staff = sign_in_as("fund1", auth::Role::kFundraiser);
  AppealSetup setup = make_appeal_setup(db());
  set_mail_setting(db(), "mail.mailer", "org.steward.test.mailer");
  SegmentFixtures f(db());
  const std::vector<std::pair<std::string, std::string>> donors = {
      {"김민지", "minji@example.org"},
      {"Grace Lee", "grace@example.org"},
      {"Jane Doe", "jane@example.org"}};
  for (const auto& [name, email] : donors) f.email(f.constituent(name), email);
  HttpReply started =
      staff.post("/api/v1/appeals/" + std::to_string(setup.appeal_id) + "/email-sends",
                 R"({"segment_id":)" + std::to_string(setup.segment_id) + "}");
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string location = started.header("location");

  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.post(location + "/cancel", "").status, 403);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM appeal_sends WHERE status = 'cancelled'"), 0);

  HttpReply cancelled = staff.post(location + "/cancel", "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(cancelled.json()["states"]["cancelled"], 3);
  EXPECT_EQ(cancelled.json()["states"]["queued"], 0);
  EXPECT_EQ(cancelled.json()["cancelled"], 3);  // counted apart
  EXPECT_FALSE(cancelled.json()["finished_at"].is_null());
  HttpReply got = staff.get(location);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json(), cancelled.json());
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM jobs WHERE kind = 'mail.appeal' AND status = "
                      "'cancelled'"),
            1);

  // The appeal's results count the cancelled recipients apart from sent and queued.
  HttpReply results =
      staff.get("/api/v1/appeals/" +
                std::to_string(cancelled.json()["appeal_id"].get<long long>()) + "/email-results");
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_EQ(results.json()["cancelled"], 3);
  EXPECT_EQ(results.json()["queued"], 0);
  EXPECT_EQ(results.json()["sent"], 0);

  HttpReply twice = staff.post(location + "/cancel", "");
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_NE(twice.body.find("cancelled"), std::string::npos);
  EXPECT_EQ(staff.post("/api/v1/appeal-sends/999999/cancel", "").status, 404);
  EXPECT_EQ(client().post(location + "/cancel", "").status, 401);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAppealCancelTest);

}  // namespace
}  // namespace steward::testing

// When the database fails while the API checks a session or an API token, the answer is 503
// "unavailable" with Retry-After: 1, not 401: a busy database must not look like a sign-out.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiIdentifyUnavailableTest : public ApiTest {
 protected:
  // Makes every session or token check fail inside the database by moving the table away.
  void rename_table(const std::string& from, const std::string& to) {
    Status s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "ALTER TABLE " + from + " RENAME TO " + to;
      return Status::ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
};

TEST_P(ApiIdentifyUnavailableTest, SessionCheckFailingInTheDatabaseAnswers503NotASignOut) {
  HttpClient admin = sign_in_as("admin", auth::Role::kAdmin);
  rename_table("sessions", "sessions_away");
  HttpReply r = admin.get("/api/v1/session");
  rename_table("sessions_away", "sessions");
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.header("retry-after"), "1");
  EXPECT_NE(r.header("content-type").find("application/problem+json"), std::string::npos);
  EXPECT_NE(r.json().value("type", "").find("unavailable"), std::string::npos) << r.body;
  // The session itself was fine: once the database answers, the user is still signed in.
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
}

TEST_P(ApiIdentifyUnavailableTest, TokenCheckFailingInTheDatabaseAnswers503) {
  HttpClient admin = sign_in_as("admin", auth::Role::kAdmin);
  HttpReply made =
      admin.post("/api/v1/session/tokens", R"({"name":"기부자 동기화","scope":"read"})");
  ASSERT_EQ(made.status, 201) << made.body;
  HttpClient robot = client();
  robot.bearer = made.json()["token"].get<std::string>();
  ASSERT_EQ(robot.get("/api/v1/funds").status, 200);
  rename_table("api_tokens", "api_tokens_away");
  HttpReply r = robot.get("/api/v1/funds");
  rename_table("api_tokens_away", "api_tokens");
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.header("retry-after"), "1");
  EXPECT_EQ(robot.get("/api/v1/funds").status, 200);
}

TEST_P(ApiIdentifyUnavailableTest, AnUnknownSessionIsStill401) {
  HttpClient stranger = client();
  stranger.session_cookie = "not-a-session-0123456789";
  HttpReply r = stranger.get("/api/v1/session");
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(r.header("retry-after"), "");
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiIdentifyUnavailableTest);

}  // namespace
}  // namespace steward::testing

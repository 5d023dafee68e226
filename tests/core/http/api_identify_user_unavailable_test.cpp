// A session or API token whose user cannot be looked up because the database fails answers 503
// with Retry-After, not 401: the session is fine, the database is not (decision 0111). A user
// that is really gone or disabled still ends the session (401).
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiIdentifyUserUnavailableTest : public ApiTest {
 protected:
  void rename_table(const std::string& from, const std::string& to) {
    Status s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "ALTER TABLE " + from + " RENAME TO " + to;
      return Status::ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
};

TEST_P(ApiIdentifyUserUnavailableTest, UserLookupFailingInTheDatabaseAnswers503) {
  HttpClient admin = sign_in_as("admin", auth::Role::kAdmin);
  HttpReply made = admin.post("/api/v1/session/tokens", R"({"name":"보고서","scope":"read"})");
  ASSERT_EQ(made.status, 201) << made.body;
  HttpClient robot = client();
  robot.bearer = made.json()["token"].get<std::string>();

  rename_table("users", "users_away");
  HttpReply session = admin.get("/api/v1/session");
  HttpReply token = robot.get("/api/v1/funds");
  rename_table("users_away", "users");

  for (const HttpReply* r : {&session, &token}) {
    EXPECT_EQ(r->status, 503) << r->body;
    EXPECT_EQ(r->header("retry-after"), "1");
    EXPECT_NE(r->json().value("type", "").find("unavailable"), std::string::npos) << r->body;
  }
  // Nobody was signed out: both work again once the database answers.
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
  EXPECT_EQ(robot.get("/api/v1/funds").status, 200);
}

TEST_P(ApiIdentifyUserUnavailableTest, ADisabledUserIsStillSignedOut) {
  HttpClient viewer = sign_in_as("viewer", auth::Role::kViewer);
  Status s = db().write(actor(), [&](store::Unit& u) {
    std::string now = "2026-01-01T00:00:00Z";
    u.sql() << "UPDATE users SET disabled_at = :d WHERE username = 'viewer'", soci::use(now);
    return Status::ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  HttpReply r = viewer.get("/api/v1/session");
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(r.header("retry-after"), "");
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiIdentifyUserUnavailableTest);

}  // namespace
}  // namespace steward::testing

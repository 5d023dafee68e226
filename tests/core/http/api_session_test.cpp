// Signing in and out over real HTTP: cookies, CSRF, timeouts, forced password change, tokens.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiSessionTest : public ApiTest {};

TEST_P(ApiSessionTest, SignInSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken) {
  create_user("grace", auth::Role::kFundraiser);
  HttpClient c = client();
  HttpReply r =
      c.post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  ASSERT_EQ(r.status, 201) << r.body;
  std::string cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json()["user"]["username"], "grace");
  EXPECT_EQ(r.json()["user"].count("password_hash"), 0u);
  c.csrf_token = r.json()["csrf_token"];
  HttpReply me = c.get("/api/v1/session");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["user"]["role"], "fundraiser");
  EXPECT_EQ(me.header("x-content-type-options"), "nosniff");
  EXPECT_NE(me.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
}

TEST_P(ApiSessionTest, WrongPasswordAndUnknownUserLookTheSame) {
  create_user("grace", auth::Role::kFundraiser);
  HttpReply wrong =
      client().post("/api/v1/session", R"({"username":"grace","password":"nope-nope-nope"})");
  HttpReply unknown =
      client().post("/api/v1/session", R"({"username":"ghost","password":"nope-nope-nope"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_EQ(wrong.header("content-type"), "application/problem+json");
}

TEST_P(ApiSessionTest, ChangesNeedTheCsrfTokenReadsDoNot) {
  HttpClient admin = sign_in_as("admin1", auth::Role::kAdmin);
  std::string csrf = admin.csrf_token;
  admin.csrf_token.clear();
  HttpReply missing = admin.post("/api/v1/funds", R"({"code":"MED","name":"Medical"})");
  EXPECT_EQ(missing.status, 403);
  EXPECT_NE(missing.json()["type"].get<std::string>().find("csrf"), std::string::npos);
  admin.csrf_token = "wrong";
  EXPECT_EQ(admin.post("/api/v1/funds", R"({"code":"MED","name":"Medical"})").status, 403);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM funds"), 0);
  EXPECT_EQ(admin.get("/api/v1/funds").status, 200);
  admin.csrf_token = csrf;
  EXPECT_EQ(admin.post("/api/v1/funds", R"({"code":"MED","name":"Medical"})").status, 201);
}

TEST_P(ApiSessionTest, SignOutEndsTheSession) {
  HttpClient c = sign_in_as("grace", auth::Role::kViewer);
  std::string cookie = c.session_cookie;
  HttpReply out = c.del("/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  c.session_cookie = cookie;  // a copied cookie is dead too
  EXPECT_EQ(c.get("/api/v1/session").status, 401);
}

TEST_P(ApiSessionTest, AOneTimePasswordMustBeChangedBeforeAnythingElse) {
  HttpClient admin = sign_in_as("admin1", auth::Role::kAdmin);
  HttpReply created = admin.post(
      "/api/v1/users", R"({"username":"yuna","display_name":"김유나","role":"fundraiser"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string otp = created.json()["one_time_password"];
  HttpClient yuna = client();
  HttpReply in = yuna.post("/api/v1/session", json{{"username", "yuna"}, {"password", otp}}.dump());
  ASSERT_EQ(in.status, 201);
  EXPECT_TRUE(in.json()["must_change_password"].get<bool>());
  yuna.csrf_token = in.json()["csrf_token"];
  EXPECT_EQ(yuna.get("/api/v1/funds").status, 403);
  HttpReply weak =
      yuna.post("/api/v1/session/password",
                json{{"current_password", otp}, {"new_password", "password12345"}}.dump());
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.json()["errors"][0]["field"], "password");
  std::string old_cookie = yuna.session_cookie;
  HttpReply changed =
      yuna.post("/api/v1/session/password",
                json{{"current_password", otp}, {"new_password", "quiet-harbor-lamp-42"}}.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_NE(yuna.session_cookie, old_cookie);  // rotated
  yuna.csrf_token = changed.json()["csrf_token"];
  EXPECT_EQ(yuna.get("/api/v1/funds").status, 200);
  HttpClient stale = client();
  stale.session_cookie = old_cookie;
  EXPECT_EQ(stale.get("/api/v1/session").status, 401);
}

TEST_P(ApiSessionTest, RepeatedFailuresAreThrottled) {
  create_user("grace", auth::Role::kFundraiser);
  for (int i = 0; i < 5; ++i) {
    client().post("/api/v1/session", R"({"username":"grace","password":"nope-nope-nope"})");
  }
  HttpReply locked =
      client().post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.header("retry-after").empty());
}

TEST_P(ApiSessionTest, ReadOnlyTokensReadButCannotChange) {
  HttpClient analyst = sign_in_as("ana", auth::Role::kAdmin);
  HttpReply t = analyst.post("/api/v1/session/tokens", R"({"name":"BI","scope":"read"})");
  ASSERT_EQ(t.status, 201) << t.body;
  HttpClient bot = client();
  bot.bearer = t.json()["token"];
  EXPECT_EQ(bot.get("/api/v1/funds").status, 200);
  EXPECT_EQ(bot.post("/api/v1/funds", R"({"code":"MED","name":"Medical"})").status, 403);
  bot.bearer = "stw_not-a-real-token";
  EXPECT_EQ(bot.get("/api/v1/funds").status, 401);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSessionTest);

}  // namespace
}  // namespace steward::testing

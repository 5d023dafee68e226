// TOTP over real HTTP: enrol, confirm, sign in with a code or a recovery code, wrong codes.
#include <gtest/gtest.h>

#include <ctime>

#include "auth/totp.hpp"
#include "support/api_server.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiSecondFactorTest : public ApiTest {};

TEST_P(ApiSecondFactorTest, EnrolThenSignInNeedsTheSecondFactor) {
  HttpClient grace = sign_in_as("grace", auth::Role::kFundraiser);
  HttpReply begun = grace.post("/api/v1/session/totp", "");
  ASSERT_EQ(begun.status, 201) << begun.body;
  std::string secret = begun.json()["secret"];
  HttpReply wrong = grace.post("/api/v1/session/totp/confirm", R"({"code":"000000"})");
  EXPECT_EQ(wrong.status, 422);
  std::string code = auth::totp_code(secret, std::time(nullptr));
  HttpReply on = grace.post("/api/v1/session/totp/confirm", json{{"code", code}}.dump());
  ASSERT_EQ(on.status, 200) << on.body;
  std::vector<std::string> recovery = on.json()["recovery_codes"];
  ASSERT_EQ(recovery.size(), 10u);
  // The secret is stored sealed, never as typed.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM users WHERE totp_secret = '" + secret + "'"), 0);

  HttpClient again = client();
  HttpReply in =
      again.post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  ASSERT_EQ(in.status, 201);
  EXPECT_TRUE(in.json()["second_factor_required"].get<bool>());
  again.csrf_token = in.json()["csrf_token"];
  EXPECT_EQ(again.get("/api/v1/funds").status, 401);
  EXPECT_EQ(again.get("/api/v1/session").status, 200);
  EXPECT_EQ(again.post("/api/v1/session/password", R"({"current_password":"x","new_password":"y"})")
                .status,
            401);
  EXPECT_EQ(again.post("/api/v1/session/second-factor", R"({"code":"111111"})").status, 422);
  HttpReply done = again.post("/api/v1/session/second-factor", json{{"code", recovery[0]}}.dump());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(again.get("/api/v1/funds").status, 200);

  // A recovery code works once.
  HttpClient third = client();
  HttpReply in3 =
      third.post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  third.csrf_token = in3.json()["csrf_token"];
  EXPECT_EQ(third.post("/api/v1/session/second-factor", json{{"code", recovery[0]}}.dump()).status,
            422);
}

TEST_P(ApiSecondFactorTest, ManyWrongCodesEndTheAttempt) {
  HttpClient grace = sign_in_as("grace", auth::Role::kViewer);
  std::string secret = grace.post("/api/v1/session/totp", "").json()["secret"];
  ASSERT_EQ(grace
                .post("/api/v1/session/totp/confirm",
                      json{{"code", auth::totp_code(secret, std::time(nullptr))}}.dump())
                .status,
            200);
  HttpClient again = client();
  HttpReply in =
      again.post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  again.csrf_token = in.json()["csrf_token"];
  for (int i = 0; i < 5; ++i) again.post("/api/v1/session/second-factor", R"({"code":"000001"})");
  EXPECT_EQ(again.post("/api/v1/session/second-factor", R"({"code":"000002"})").status, 429);
  EXPECT_EQ(again.get("/api/v1/session").status, 401);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSecondFactorTest);

}  // namespace
}  // namespace steward::testing

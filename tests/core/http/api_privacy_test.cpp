// Personal data over real HTTP: the export document (admins only, Hangul intact, audited), the
// erase with its typed confirmation, and the restricted grant still deciding who sees whom.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/privacy_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiPrivacyTest : public ApiTest {};

TEST_P(ApiPrivacyTest, AdminExportsThePersonAsOneJsonDocument) {
  auto d = make_privacy_donor(db(), {"test:runner", ""});
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  const std::string path = "/api/v1/constituents/" + std::to_string(d.donor) + "/personal-data";
  HttpReply r = admin.get(path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("content-disposition").find("personal-data-"), std::string::npos);
  EXPECT_EQ(r.header("cache-control"), "no-store");
  auto doc = r.json();
  EXPECT_EQ(doc["profile"]["first_name"], "민지");
  EXPECT_EQ(doc["addresses"][0]["line1"], "서울특별시 종로구 세종대로 175");
  EXPECT_EQ(doc["gifts"].size(), 2u);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE action = 'export' AND "
                      "actor = 'user:admin1'"),
            1);

  auto staff = sign_in_as("fund1", auth::Role::kFundraiser);
  EXPECT_EQ(staff.get(path).status, 403);
  EXPECT_EQ(admin.get("/api/v1/constituents/999999/personal-data").status, 404);
}

TEST_P(ApiPrivacyTest, EraseNeedsTheTypedConfirmationThenKeepsTheGifts) {
  auto d = make_privacy_donor(db(), {"test:runner", ""});
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  const std::string id = std::to_string(d.donor);
  const std::string path = "/api/v1/constituents/" + id + "/erase";
  const std::string before = figures_snapshot(db(), d.campaign);

  HttpReply missing = admin.post(path, "{}");
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_NE(missing.body.find("confirm"), std::string::npos);
  HttpReply wrong = admin.post(path, R"({"confirm":"yes"})");
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_NE(wrong.body.find("ERASE " + id), std::string::npos);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE constituent_id = " + id), 1);

  auto staff = sign_in_as("fund1", auth::Role::kFundraiser);
  EXPECT_EQ(staff.post(path, R"({"confirm":"ERASE )" + id + R"("})").status, 403);

  HttpReply done = admin.post(path, R"({"confirm":"ERASE )" + id + R"("})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["display_name"], "Erased donor #" + id);
  EXPECT_EQ(figures_snapshot(db(), d.campaign), before);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE constituent_id = " + id), 0);

  HttpReply again = admin.post(path, R"({"confirm":"ERASE )" + id + R"("})");
  EXPECT_EQ(again.status, 409) << again.body;
  // The record is still there under its placeholder name, with its gifts.
  HttpReply record = admin.get("/api/v1/constituents/" + id);
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.json()["display_name"], "Erased donor #" + id);
}

// The answer an Idempotency-Key replays for 24 hours held the person's name and email; after
// the erase a retried request gets a short "erased" answer and still creates nothing twice.
TEST_P(ApiPrivacyTest, EraseScrubsStoredIdempotentAnswers) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  const std::string body = R"({"kind":"individual","first_name":"순자","last_name":"박"})";
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "create-park"}};
  HttpReply made = admin.request("POST", "/api/v1/constituents", body, key);
  ASSERT_EQ(made.status, 201) << made.body;
  ASSERT_NE(made.body.find("순자"), std::string::npos);
  const std::string id = std::to_string(made.json()["id"].get<long long>());
  const long long people = query_int(db(), "SELECT COUNT(*) FROM constituents");
  const std::string email_path = "/api/v1/constituents/" + id + "/emails";
  const std::string email = R"({"email":"soonja@example.org"})";
  const std::map<std::string, std::string> email_key = {{"Idempotency-Key", "email-park"}};
  HttpReply added = admin.request("POST", email_path, email, email_key);
  ASSERT_EQ(added.status, 201) << added.body;

  HttpReply done =
      admin.post("/api/v1/constituents/" + id + "/erase", R"({"confirm":"ERASE )" + id + R"("})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["removed"]["idempotency_replies"], 2) << done.body;

  HttpReply replay = admin.request("POST", "/api/v1/constituents", body, key);
  EXPECT_EQ(replay.status, 201) << replay.body;
  EXPECT_EQ(replay.header("idempotent-replayed"), "true");
  EXPECT_EQ(replay.body.find("순자"), std::string::npos) << replay.body;
  EXPECT_EQ(replay.body.find("soonja"), std::string::npos) << replay.body;
  EXPECT_EQ(replay.json()["erased"], true);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), people);
  HttpReply email_replay = admin.request("POST", email_path, email, email_key);
  EXPECT_EQ(email_replay.header("idempotent-replayed"), "true");
  EXPECT_EQ(email_replay.body.find("soonja"), std::string::npos) << email_replay.body;
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE constituent_id = " + id), 0);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM idempotency_keys WHERE response_body LIKE "
                      "'%soonja%'"),
            0);
}

TEST_P(ApiPrivacyTest, RestrictedDonorIsNotFoundForAnAdminWithoutTheGrant) {
  auto d = make_privacy_donor(db(), {"test:runner", ""});
  const std::string id = std::to_string(d.donor);
  Status s = db().write({"test:runner", ""}, [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = " + id;
    return Status::ok();
  });
  ASSERT_TRUE(s.is_ok());
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  auto pastor = sign_in_as("admin2", auth::Role::kAdmin, true);
  EXPECT_EQ(admin.get("/api/v1/constituents/" + id + "/personal-data").status, 404);
  EXPECT_EQ(
      admin.post("/api/v1/constituents/" + id + "/erase", R"({"confirm":"ERASE )" + id + R"("})")
          .status,
      404);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails WHERE constituent_id = " + id), 1);
  EXPECT_EQ(pastor.get("/api/v1/constituents/" + id + "/personal-data").status, 200);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiPrivacyTest);

}  // namespace
}  // namespace steward::testing

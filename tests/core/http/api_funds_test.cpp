// Funds over real HTTP: the happy path, ETags, and every kind of bad input (4xx, nothing written).
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiFundsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin));
  }
  HttpClient& admin() { return *admin_; }
  long long funds() { return query_int(db(), "SELECT COUNT(*) FROM funds"); }
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(ApiFundsTest, CreateReadReplaceWithHangulAndExactMoney) {
  HttpReply created = admin().post(
      "/api/v1/funds",
      R"({"code":"MED","name":"의료 지원","monthly_need":{"amount":"50.00","currency":"USD"},"people_served":12})");
  ASSERT_EQ(created.status, 201) << created.body;
  json fund = created.json();
  EXPECT_EQ(fund["name"], "의료 지원");
  EXPECT_EQ(fund["monthly_need"]["minor"], 5000);
  EXPECT_EQ(fund["monthly_need"]["amount"], "50.00");
  std::string location = created.header("location");
  HttpReply got = admin().get(location);
  ASSERT_EQ(got.status, 200);
  std::string etag = got.header("etag");
  ASSERT_FALSE(etag.empty());
  json change = got.json();
  change["name"] = "Medical Support";
  HttpReply replaced = admin().put(location, change.dump(), etag);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["name"], "Medical Support");
  // The old ETag is now stale: a second editor gets 412, not a silent overwrite.
  change["name"] = "Lost update";
  HttpReply stale = admin().put(location, change.dump(), etag);
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(admin().request("PUT", location, change.dump()).status, 428);
  EXPECT_EQ(admin().get(location).json()["name"], "Medical Support");
}

TEST_P(ApiFundsTest, BadInputGets4xxNamingTheProblemAndWritesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string mentions;
  };
  std::vector<Case> cases = {
      {R"({"code":"MED"})", 422, "name"},
      {R"({"code":"MED","name":"x","monthly_need":{"amount":"50.001","currency":"USD"}})", 422,
       "monthly_need.amount"},
      {R"({"code":"MED","name":"x","monthly_need":50})", 422, "monthly_need"},
      {R"({"code":"MED","name":"x","colour":"red"})", 422, "colour"},
      {R"({"code":"MED","name":123})", 422, "name"},
      {R"({"code":"MED","name":"x","people_served":99999999999999999999999})", 422,
       "people_served"},
      {R"({"code":"MED","name":"x",)", 400, "JSON"},
      {R"([1,2,3])", 400, "object"},
      {"{\"code\":\"MED\",\"name\":\"\xff\xfe\"}", 400, "UTF-8"},
      {std::string(100, '[') + std::string(100, ']'), 400, "nested"},
      {R"({"code":"MED","name":"x'); DROP TABLE funds; --"})", 201, ""},
  };
  for (const Case& c : cases) {
    HttpReply r = admin().post("/api/v1/funds", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    if (c.status >= 400) {
      EXPECT_EQ(r.header("content-type"), "application/problem+json");
      EXPECT_NE(r.body.find(c.mentions), std::string::npos) << r.body;
    }
  }
  EXPECT_EQ(funds(), 1);  // only the last one, stored verbatim
  EXPECT_EQ(admin().get("/api/v1/funds").json()["items"][0]["name"], "x'); DROP TABLE funds; --");
}

TEST_P(ApiFundsTest, OversizedBodiesMalformedTargetsAndUnknownRoutes) {
  std::string huge = R"({"code":"MED","name":")" + std::string(2 * 1024 * 1024, 'a') + "\"}";
  EXPECT_EQ(admin().post("/api/v1/funds", huge).status, 413);
  EXPECT_EQ(admin().get("/api/v1/funds/%zz").status, 400);
  EXPECT_EQ(admin().get("/api/v1/funds/abc").status, 404);
  EXPECT_EQ(admin().get("/api/v1/nothing-here").status, 404);
  HttpReply wrong_method = admin().request("PATCH", "/api/v1/settings", "{}");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_NE(wrong_method.header("allow").find("GET"), std::string::npos);
  EXPECT_EQ(admin().get("/api/v1/funds?limit=0").status, 422);
  EXPECT_EQ(
      admin().request("POST", "/api/v1/funds", "code=MED", {{"Content-Type", "text/plain"}}).status,
      415);
  EXPECT_EQ(funds(), 0);
}

TEST_P(ApiFundsTest, ListsPageWithCursors) {
  for (int i = 0; i < 5; ++i) {
    json body = {{"code", "F" + std::to_string(i)}, {"name", "Fund " + std::to_string(i)}};
    ASSERT_EQ(admin().post("/api/v1/funds", body.dump()).status, 201);
  }
  HttpReply first = admin().get("/api/v1/funds?limit=2");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json()["items"].size(), 2u);
  ASSERT_FALSE(first.json()["next_after"].is_null());
  std::set<std::string> seen;
  std::string target = "/api/v1/funds?limit=2";
  for (int pages = 0; pages < 5; ++pages) {
    json page = admin().get(target).json();
    for (const json& f : page["items"]) seen.insert(f["code"]);
    if (page["next_after"].is_null()) break;
    target = "/api/v1/funds?limit=2&after=" + std::to_string(page["next_after"].get<long long>());
  }
  EXPECT_EQ(seen.size(), 5u);
}

TEST_P(ApiFundsTest, ChangesAppearInTheAuditTrailForAdmins) {
  ASSERT_EQ(admin().post("/api/v1/funds", R"({"code":"MED","name":"Medical"})").status, 201);
  HttpReply audit = admin().get("/api/v1/audit?entity_type=fund");
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json()["items"].size(), 1u);
  EXPECT_EQ(audit.json()["items"][0]["actor"], "user:admin1");
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
  EXPECT_EQ(audit.json()["items"][0]["after"]["code"], "MED");
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.get("/api/v1/audit").status, 403);
  EXPECT_EQ(admin().get("/api/v1/audit?action=permission_denied").json()["items"].size(), 1u);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiFundsTest);

}  // namespace
}  // namespace steward::testing

// Constituents over real HTTP: create/read/replace/delete/restore, search and filters, bad
// input, and restricted constituents that stay invisible to callers without the grant.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/constituent_api_test.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiConstituentsTest : public ConstituentApiTest {
 protected:
  static std::vector<long long> ids(const HttpReply& r) {
    std::vector<long long> out;
    const nlohmann::json body = r.json();  // keep the parsed body alive while iterating
    for (const auto& item : body["items"]) out.push_back(item["id"].get<long long>());
    return out;
  }
};

TEST_P(ApiConstituentsTest, CreateReadReplaceDeleteRestoreWithHangul) {
  HttpReply created = admin().post("/api/v1/constituents",
                                   R"({"kind":"individual","first_name":"영희","last_name":"김",)"
                                   R"("custom_fields":{"church":"서울교회"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["display_name"], "김영희");
  EXPECT_EQ(created.json()["custom_fields"]["church"], "서울교회");
  std::string location = created.header("location");
  HttpReply got = admin().get(location);
  ASSERT_EQ(got.status, 200) << got.body;
  json c = got.json();
  EXPECT_EQ(c["first_name"], "영희");
  EXPECT_TRUE(c["emails"].empty());
  EXPECT_TRUE(c["household"].is_null());
  EXPECT_EQ(c["giving"]["lifetime"]["minor"], 0);
  std::string etag = got.header("etag");
  ASSERT_FALSE(etag.empty());

  // The whole GET body echoed back with one change is accepted.
  c["preferred_name"] = "Grace";
  c["display_name"] = nullptr;
  HttpReply replaced = admin().put(location, c.dump(), etag);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["preferred_name"], "Grace");
  c["preferred_name"] = "Lost";
  EXPECT_EQ(admin().put(location, c.dump(), etag).status, 412);
  EXPECT_EQ(admin().request("PUT", location, c.dump()).status, 428);
  EXPECT_EQ(admin().get(location).json()["preferred_name"], "Grace");

  EXPECT_EQ(admin().del(location).status, 204);
  EXPECT_EQ(admin().get(location).status, 404);
  EXPECT_TRUE(ids(admin().get("/api/v1/constituents")).empty());
  EXPECT_EQ(admin().del(location).status, 404);
  HttpReply restored = admin().post(location + "/restore", "{}");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(admin().get(location).status, 200);
  EXPECT_EQ(admin().post(location + "/restore", "{}").status, 409);
  EXPECT_EQ(admin().get("/api/v1/constituents/abc").status, 404);
  EXPECT_EQ(admin().get("/api/v1/constituents/999999").status, 404);
}

TEST_P(ApiConstituentsTest, BadInputGets4xxNamingTheFieldAndWritesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string mentions;
  };
  std::vector<Case> cases = {
      {R"({"kind":"individual","first_name":"Ann"})", 422, "last_name"},
      {R"({"kind":"organization"})", 422, "organization_name"},
      {R"({"kind":"alien","last_name":"Kim"})", 422, "kind"},
      {R"({"last_name":"Kim","colour":"red"})", 422, "colour"},
      {R"({"last_name":42})", 422, "last_name"},
      {R"({"last_name":"Kim","do_not_email":"yes"})", 422, "do_not_email"},
      {R"({"last_name":"Kim","custom_fields":[1]})", 422, "custom_fields"},
      {R"({"last_name":"Kim",)", 400, "JSON"},
      {R"(["Kim"])", 400, "object"},
  };
  for (const Case& c : cases) {
    HttpReply r = admin().post("/api/v1/constituents", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    EXPECT_NE(r.body.find(c.mentions), std::string::npos) << r.body;
  }
  EXPECT_EQ(count("constituents"), 0);
  long long id = create(R"({"last_name":"x'); DROP TABLE constituents; --"})");
  EXPECT_EQ(admin().get("/api/v1/constituents/" + std::to_string(id)).json()["last_name"],
            "x'); DROP TABLE constituents; --");
  EXPECT_EQ(count("constituents"), 1);
  for (const char* query : {"?kind=alien", "?limit=0", "?after=-1"}) {
    EXPECT_EQ(admin().get(std::string("/api/v1/constituents") + query).status, 422) << query;
  }
}

TEST_P(ApiConstituentsTest, SearchesNamesEmailPhonePostalCodeAndFilters) {
  long long kim = create(R"({"first_name":"영희","last_name":"김"})");
  long long lee = create(R"({"first_name":"Daniel","last_name":"Lee"})");
  long long org = create(R"({"kind":"organization","organization_name":"Hope Church"})");
  std::string lee_path = "/api/v1/constituents/" + std::to_string(lee);
  ASSERT_EQ(admin().post(lee_path + "/emails", R"({"email":"dan@example.org"})").status, 201);
  ASSERT_EQ(admin().post(lee_path + "/phones", R"({"phone":"+1 (555) 010-2000"})").status, 201);
  ASSERT_EQ(admin()
                .post("/api/v1/constituents/" + std::to_string(kim) + "/addresses",
                      R"({"line1":"1 Main St","postal_code":"04524","country":"KR"})")
                .status,
            201);
  ASSERT_EQ(
      admin()
          .post("/api/v1/constituents/" + std::to_string(org) + "/tags", R"({"name":"교회 리더"})")
          .status,
      201);
  auto search = [&](const std::string& query) {
    HttpReply r = admin().get("/api/v1/constituents?" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return ids(r);
  };
  EXPECT_EQ(search("q=%EA%B9%80"), std::vector<long long>{kim});  // 김
  EXPECT_EQ(search("q=daniel"), std::vector<long long>{lee});
  EXPECT_EQ(search("q=dan%40example"), std::vector<long long>{lee});
  EXPECT_EQ(search("q=555-010"), std::vector<long long>{lee});
  EXPECT_EQ(search("q=04524"), std::vector<long long>{kim});
  EXPECT_EQ(search("kind=organization"), std::vector<long long>{org});
  EXPECT_EQ(search("tag=%EA%B5%90%ED%9A%8C%20%EB%A6%AC%EB%8D%94"), std::vector<long long>{org});
  EXPECT_TRUE(search("tag=nobody-has-this").empty());
  EXPECT_TRUE(search("q=%25").empty());  // a LIKE wildcard is searched literally

  // Cursor pages: two then one, nothing skipped or repeated.
  HttpReply first = admin().get("/api/v1/constituents?limit=2");
  ASSERT_EQ(ids(first).size(), 2u);
  ASSERT_FALSE(first.json()["next_after"].is_null());
  HttpReply second =
      admin().get("/api/v1/constituents?limit=2&after=" + first.json()["next_after"].dump());
  ASSERT_EQ(ids(second).size(), 1u);
  EXPECT_TRUE(second.json()["next_after"].is_null());
}

TEST_P(ApiConstituentsTest, RestrictedConstituentsAreInvisibleWithoutTheGrant) {
  long long open = create(R"({"first_name":"Open","last_name":"Park"})");
  long long secret = create(R"({"first_name":"Hidden","last_name":"Park","restricted":true})");
  std::string secret_path = "/api/v1/constituents/" + std::to_string(secret);
  std::string open_path = "/api/v1/constituents/" + std::to_string(open);
  ASSERT_EQ(admin().post(secret_path + "/emails", R"({"email":"hidden@example.org"})").status, 201);
  ASSERT_EQ(admin()
                .post(open_path + "/relationships",
                      json{{"related_id", secret}, {"type", "spouse"}}.dump())
                .status,
            201);
  EXPECT_EQ(admin().get(secret_path).status, 200);
  EXPECT_EQ(ids(admin().get("/api/v1/constituents?q=park")).size(), 2u);

  HttpClient writer = sign_in_as("fund1", auth::Role::kFundraiser, false);
  EXPECT_EQ(ids(writer.get("/api/v1/constituents")), std::vector<long long>{open});
  EXPECT_EQ(ids(writer.get("/api/v1/constituents?q=hidden")).size(), 0u);
  EXPECT_EQ(ids(writer.get("/api/v1/constituents?q=hidden%40example")).size(), 0u);
  HttpReply missing = writer.get("/api/v1/constituents/999999");
  HttpReply hidden = writer.get(secret_path);
  EXPECT_EQ(hidden.status, 404);
  // The same answer as for an id that never existed (only the id in the message differs).
  EXPECT_EQ(missing.json()["detail"], "constituent 999999 does not exist");
  EXPECT_EQ(hidden.json()["detail"], "constituent " + std::to_string(secret) + " does not exist");
  EXPECT_EQ(hidden.json()["title"], missing.json()["title"]);
  json open_view = writer.get(open_path).json();
  EXPECT_TRUE(open_view["relationships"].empty()) << open_view.dump();
  EXPECT_TRUE(writer.get(open_path + "/relationships").json()["items"].empty());

  long long before = count("audit_events");
  EXPECT_EQ(writer.put(secret_path, R"({"last_name":"X"})", "\"x\"").status, 404);
  EXPECT_EQ(writer.del(secret_path).status, 404);
  EXPECT_EQ(writer.post(secret_path + "/restore", "{}").status, 404);
  EXPECT_EQ(writer.post(secret_path + "/emails", R"({"email":"a@example.org"})").status, 404);
  EXPECT_EQ(writer.post(secret_path + "/tags", R"({"name":"VIP"})").status, 404);
  EXPECT_EQ(writer.get(secret_path + "/relationships").status, 404);
  EXPECT_EQ(writer
                .post(open_path + "/relationships",
                      json{{"related_id", secret}, {"type", "sibling"}}.dump())
                .status,
            404);
  EXPECT_EQ(writer.post("/api/v1/households", json{{"member_ids", {open, secret}}}.dump()).status,
            404);
  EXPECT_EQ(count("audit_events"), before);
  // Nor may they make a record they would then not see.
  EXPECT_EQ(writer.post("/api/v1/constituents", R"({"last_name":"Y","restricted":true})").status,
            422);
  EXPECT_EQ(count("constituents"), 2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiConstituentsTest);

}  // namespace
}  // namespace steward::testing

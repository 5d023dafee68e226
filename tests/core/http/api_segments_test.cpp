// Segments over real HTTP: CRUD with ETags, bad filters named by their path, count, members,
// CSV export (BOM, Hangul, formula neutralising), and restricted constituents left out of
// counts, members and exports for callers without the grant.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiSegmentsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    pastor_ = std::make_unique<HttpClient>(sign_in_as("pastor", auth::Role::kFundraiser, true));
    SegmentFixtures f(db());
    kim_ = f.constituent("김민준");
    f.tag(kim_, "이사회");
    evil_ = f.constituent("=HYPERLINK(\"http://x\")");
    f.tag(evil_, "이사회");
    secret_ = f.constituent("박지현");
    f.tag(secret_, "이사회");
    f.set_flag(secret_, "restricted", true);
  }
  HttpClient& staff() { return *staff_; }
  HttpClient& pastor() { return *pastor_; }
  long long segments() { return query_int(db(), "SELECT COUNT(*) FROM segments"); }
  std::unique_ptr<HttpClient> staff_, pastor_;
  long long kim_ = 0, evil_ = 0, secret_ = 0;
};

TEST_P(ApiSegmentsTest, CrudCountMembersAndExport) {
  HttpReply made = staff().post("/api/v1/segments",
                                R"({"name":"이사회 멤버","description":"board",
                                    "filter":{"tag":"이사회"}})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["filter"]["tag"], "이사회");
  std::string s = made.header("location");
  EXPECT_EQ(staff().get(s + "/count").json()["count"], 2);
  EXPECT_EQ(pastor().get(s + "/count").json()["count"], 2);  // restricted left out by default
  json page = staff().get(s + "/members?limit=1").json();
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["display_name"], "김민준");
  json next = staff().get(s + "/members?limit=1&after=" + page["next_after"].dump()).json();
  ASSERT_EQ(next["items"].size(), 1u);
  EXPECT_TRUE(next["next_after"].is_null());

  HttpReply csv = staff().get(s + "/members.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.body.find("김민준"), std::string::npos);
  EXPECT_NE(csv.body.find("\"'=HYPERLINK("), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find("박지현"), std::string::npos);

  // Asking for restricted records does not reveal them to a caller without the grant.
  HttpReply got = staff().get(s);
  json change = got.json();
  change["filter"] = {{"restricted", true}};
  HttpReply replaced = staff().put(s, change.dump(), got.header("etag"));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(staff().put(s, change.dump(), got.header("etag")).status, 412);
  EXPECT_EQ(staff().get(s + "/count").json()["count"], 0);
  EXPECT_EQ(staff().get(s + "/members").json()["items"].size(), 0u);
  EXPECT_EQ(staff().get(s + "/members.csv").body.find("박지현"), std::string::npos);
  EXPECT_EQ(pastor().get(s + "/count").json()["count"], 1);
  EXPECT_NE(pastor().get(s + "/members.csv").body.find("박지현"), std::string::npos);
  EXPECT_EQ(
      staff().post("/api/v1/segments/preview", R"({"filter":{"restricted":true}})").json()["count"],
      0);
  EXPECT_EQ(pastor()
                .post("/api/v1/segments/preview", R"({"filter":{"restricted":true}})")
                .json()["count"],
            1);

  EXPECT_EQ(staff().get("/api/v1/segments").json()["items"].size(), 1u);
  EXPECT_EQ(staff().del(s).status, 204);
  EXPECT_EQ(staff().get(s).status, 404);
  EXPECT_EQ(staff().get(s + "/count").status, 404);
}

TEST_P(ApiSegmentsTest, BadFiltersNameThePathAndWriteNothing) {
  struct Case {
    std::string body;
    std::string field;
  };
  std::vector<Case> cases = {
      {R"({"name":"x","filter":{"and":[{"tag":"Board"},{"gave":{"min":"lots"}}]}})",
       "filter.and[1].gave.min"},
      {R"({"name":"x","filter":{"colour":"red"}})", "filter.colour"},
      {R"({"name":"x","filter":"tag"})", "filter"},
      {R"({"filter":{}})", "name"},
      {R"({"name":"x","filter":{},"owner":"me"})", "owner"},
  };
  for (const Case& c : cases) {
    HttpReply r = staff().post("/api/v1/segments", c.body);
    EXPECT_EQ(r.status, 422) << c.body << " -> " << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], c.field) << r.body;
  }
  EXPECT_EQ(segments(), 0);
  HttpReply sql =
      staff().post("/api/v1/segments", R"({"name":"x'); DROP TABLE segments; --","filter":{}})");
  ASSERT_EQ(sql.status, 201) << sql.body;
  EXPECT_EQ(sql.json()["name"], "x'); DROP TABLE segments; --");
  EXPECT_EQ(staff()
                .post("/api/v1/segments", R"({"name":"x'); DROP TABLE segments; --",
                                                 "filter":{}})")
                .status,
            409);
  HttpReply preview = staff().post("/api/v1/segments/preview", R"({"filter":{"gave":{"min":-1}}})");
  EXPECT_EQ(preview.status, 422);
  EXPECT_NE(preview.body.find("filter.gave.min"), std::string::npos) << preview.body;
  EXPECT_EQ(segments(), 1);
}

TEST_P(ApiSegmentsTest, ExportNeedsTheExportPermission) {
  HttpReply made = staff().post("/api/v1/segments", R"({"name":"all","filter":{}})");
  ASSERT_EQ(made.status, 201);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.get(made.header("location") + "/members.csv").status, 403);
  EXPECT_EQ(viewer.get(made.header("location") + "/count").status, 200);
  HttpClient analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  EXPECT_EQ(analyst.get(made.header("location") + "/members.csv").status, 200);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSegmentsTest);

}  // namespace
}  // namespace steward::testing

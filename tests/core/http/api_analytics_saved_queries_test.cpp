// Saved analytics queries on the server: an analyst saves a query (checked by the analytics
// parser, errors under "query."), lists it with the shared ones of others, renames and shares
// it; someone else's private query is invisible (404), a shared one cannot be changed by
// another user (403) but can by an admin; every change is audited and a viewer gets 403.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

const std::string kQuery = R"({"measures":["amount"],"dimensions":["fund"]})";

class ApiAnalyticsSavedQueriesTest : public ApiTest {
 protected:
  long long audits(const std::string& action) {
    return query_int(db(),
                     "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                     "'analytics_saved_query' AND action = '" +
                         action + "'");
  }
  long long stored() { return query_int(db(), "SELECT COUNT(*) FROM analytics_saved_queries"); }
};

TEST_P(ApiAnalyticsSavedQueriesTest, SaveListRenameShareAndDelete) {
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply made = analyst.post("/api/v1/analytics/saved-queries",
                                R"({"name":"기금별 후원 2025","query":)" + kQuery + "}");
  ASSERT_EQ(made.status, 201) << made.body;
  const json q = made.json();
  EXPECT_EQ(q["name"], "기금별 후원 2025");
  EXPECT_EQ(q["query"], json::parse(kQuery));
  EXPECT_EQ(q["shared"], false);
  EXPECT_EQ(q["owner"], "analyst1");
  EXPECT_EQ(q["mine"], true);
  EXPECT_EQ(q["can_change"], true);
  const std::string location = made.header("location");
  EXPECT_EQ(location,
            "/api/v1/analytics/saved-queries/" + std::to_string(q["id"].get<long long>()));
  EXPECT_EQ(audits("create"), 1);

  // The same name twice for one owner is a conflict; the saved query runs as it was saved.
  EXPECT_EQ(analyst
                .post("/api/v1/analytics/saved-queries",
                      R"({"name":"기금별 후원 2025","query":)" + kQuery + "}")
                .status,
            409);
  HttpReply ran =
      analyst.post("/api/v1/analytics/query", analyst.get(location).json()["query"].dump());
  EXPECT_EQ(ran.status, 200) << ran.body;

  // Renamed and shared by echoing the answer back with the changes.
  json changed = q;
  changed["name"] = "Giving by fund";
  changed["shared"] = true;
  HttpReply put = analyst.put(location, changed.dump(), "");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["name"], "Giving by fund");
  EXPECT_EQ(put.json()["shared"], true);
  EXPECT_EQ(audits("update"), 1);

  HttpReply listed = analyst.get("/api/v1/analytics/saved-queries");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  EXPECT_EQ(listed.json()["items"][0]["name"], "Giving by fund");

  ASSERT_EQ(analyst.del(location).status, 204);
  EXPECT_EQ(analyst.get(location).status, 404);
  EXPECT_EQ(stored(), 0);
  EXPECT_EQ(audits("delete"), 1);
}

TEST_P(ApiAnalyticsSavedQueriesTest, ABadQueryOrNameIsRefusedNamingTheFieldAndNothingIsSaved) {
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply unknown = analyst.post("/api/v1/analytics/saved-queries",
                                   R"({"name":"x","query":{"measures":["profit"]}})");
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(unknown.json()["errors"][0]["field"].get<std::string>().rfind("query.measures", 0), 0u)
      << unknown.body;
  HttpReply blank =
      analyst.post("/api/v1/analytics/saved-queries", R"({"name":"  ","query":)" + kQuery + "}");
  ASSERT_EQ(blank.status, 422) << blank.body;
  EXPECT_EQ(blank.json()["errors"][0]["field"], "name");
  HttpReply extra = analyst.post("/api/v1/analytics/saved-queries",
                                 R"({"name":"x","query":)" + kQuery + R"(,"owner_user_id":1})");
  EXPECT_EQ(extra.status, 422) << extra.body;
  HttpReply not_object =
      analyst.post("/api/v1/analytics/saved-queries", R"({"name":"x","query":"amount"})");
  EXPECT_EQ(not_object.status, 422) << not_object.body;
  EXPECT_EQ(stored(), 0);
  EXPECT_EQ(audits("create"), 0);
}

TEST_P(ApiAnalyticsSavedQueriesTest,
       OthersSeeOnlySharedQueriesAndOnlyTheOwnerOrAnAdminChangesThem) {
  auto owner = sign_in_as("analyst1", auth::Role::kAnalyst);
  auto other = sign_in_as("fund1", auth::Role::kFundraiser);
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  auto viewer = sign_in_as("viewer1", auth::Role::kViewer);
  HttpReply mine =
      owner.post("/api/v1/analytics/saved-queries", R"({"name":"private","query":)" + kQuery + "}");
  HttpReply team = owner.post("/api/v1/analytics/saved-queries",
                              R"({"name":"team","query":)" + kQuery + R"(,"shared":true})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  ASSERT_EQ(team.status, 201) << team.body;
  const std::string private_at = mine.header("location");
  const std::string team_at = team.header("location");

  // Another user: the shared one only, which they may not change.
  HttpReply seen = other.get("/api/v1/analytics/saved-queries");
  ASSERT_EQ(seen.status, 200) << seen.body;
  ASSERT_EQ(seen.json()["items"].size(), 1u);
  EXPECT_EQ(seen.json()["items"][0]["name"], "team");
  EXPECT_EQ(seen.json()["items"][0]["mine"], false);
  EXPECT_EQ(seen.json()["items"][0]["can_change"], false);
  EXPECT_EQ(other.get(private_at).status, 404);
  EXPECT_EQ(other.put(private_at, R"({"name":"mine now","query":)" + kQuery + "}", "").status, 404);
  EXPECT_EQ(other.put(team_at, R"({"name":"renamed","query":)" + kQuery + "}", "").status, 403);
  EXPECT_EQ(other.del(team_at).status, 403);
  // The same name is free for another owner.
  EXPECT_EQ(
      other.post("/api/v1/analytics/saved-queries", R"({"name":"team","query":)" + kQuery + "}")
          .status,
      201);

  // An admin sees and may change every query.
  EXPECT_EQ(admin.get("/api/v1/analytics/saved-queries").json()["items"].size(), 3u);
  HttpReply renamed = admin.put(private_at, R"({"name":"tidied","query":)" + kQuery + "}", "");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["owner"], "analyst1");
  EXPECT_EQ(renamed.json()["can_change"], true);
  EXPECT_EQ(admin.del(team_at).status, 204);
  EXPECT_EQ(owner.get(team_at).status, 404);

  // No analytics rights, no saved queries.
  EXPECT_EQ(viewer.get("/api/v1/analytics/saved-queries").status, 403);
  EXPECT_EQ(viewer.post("/api/v1/analytics/saved-queries", R"({"name":"v","query":)" + kQuery + "}")
                .status,
            403);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAnalyticsSavedQueriesTest);

}  // namespace
}  // namespace steward::testing

// The authorisation matrix: every route in the OpenAPI document, called by every role and by
// nobody, answers as the role table in docs/security.md says.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiAuthorizationTest : public ApiTest {};

TEST_P(ApiAuthorizationTest, EveryRouteAnswersEachRoleAsTheTableSays) {
  HttpReply doc = client().get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  nlohmann::json paths = doc.json()["paths"];
  ASSERT_GE(paths.size(), 10u);
  std::map<std::string, HttpClient> callers;
  for (auto role :
       {auth::Role::kAdmin, auth::Role::kFundraiser, auth::Role::kAnalyst, auth::Role::kViewer}) {
    std::string name = auth::to_string(role);
    callers.emplace(name, sign_in_as(name + "1", role));
  }
  int checked = 0;
  for (auto& [pattern, ops] : paths.items()) {
    std::string target = pattern;
    for (auto at = target.find('{'); at != std::string::npos; at = target.find('{')) {
      target.replace(at, target.find('}', at) - at + 1, "999999");
    }
    for (auto& [method_lower, op] : ops.items()) {
      std::string method = method_lower;
      for (char& ch : method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (pattern == "/api/v1/session" && method == "DELETE") continue;  // would sign out
      std::string access = op["x-steward-access"];
      HttpReply anonymous = client().request(method, target, "{}");
      if (access == "anyone") {
        EXPECT_NE(anonymous.status, 401) << method << " " << pattern;
      } else {
        EXPECT_EQ(anonymous.status, 401) << method << " " << pattern;
      }
      for (auto& [role, caller] : callers) {
        HttpReply r = caller.request(method, target, "{}");
        bool allowed = access == "anyone" || access == "any signed-in user" ||
                       access.find(role) != std::string::npos;
        if (allowed) {
          EXPECT_NE(r.status, 403) << role << " " << method << " " << pattern << " " << r.body;
          EXPECT_NE(r.status, 401) << role << " " << method << " " << pattern;
        } else {
          EXPECT_EQ(r.status, 403) << role << " " << method << " " << pattern << " " << r.body;
        }
        EXPECT_LT(r.status, 500) << role << " " << method << " " << pattern << " " << r.body;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 40);
}

TEST_P(ApiAuthorizationTest, TheDocumentListsExactlyTheRoutesThatExist) {
  nlohmann::json paths = client().get("/api/v1/openapi.json").json()["paths"];
  HttpClient admin = sign_in_as("admin1", auth::Role::kAdmin);
  // Every documented route is routed (never a 404 for the path itself with a good id) ...
  for (auto& [pattern, ops] : paths.items()) {
    EXPECT_EQ(pattern.rfind("/api/v1/", 0), 0u) << pattern;
    for (auto& [method, op] : ops.items()) {
      EXPECT_TRUE(op.contains("summary")) << pattern;
      EXPECT_FALSE(op["summary"].get<std::string>().empty()) << pattern;
    }
  }
  // ... and an undocumented one does not exist.
  EXPECT_EQ(admin.get("/api/v1/secret-admin-panel").status, 404);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAuthorizationTest);

}  // namespace
}  // namespace steward::testing

// /api/v1/reports over real HTTP with the fixture report (echoes its label through a bound
// query): listing, parameters, a run as JSON and CSV, parameter errors naming the parameter,
// and roles without the report permission refused.
#include <gtest/gtest.h>

#include "../plugins/plugin_dir.hpp"
#include "plugins/plugin_service.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiReportsTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  void install() {
    auto file = dir.add("good_report");
    auto r = db().write(actor(), [&](store::Unit& u) -> Status {
      auto rec = plugins::install_plugin(u, dir.path(), dir.path() / file, std::nullopt);
      if (!rec) return rec.status();
      auto on = plugins::enable_plugin(u, dir.path(), "org.steward.test.report");
      return on ? Status::ok() : on.status();
    });
    ASSERT_TRUE(r.is_ok()) << r.to_string();
  }
  PluginDir dir;
  const std::string base = "/api/v1/reports/org.steward.test.report";
};

TEST_P(ApiReportsTest, AnalystsListDescribeAndRunReports) {
  ASSERT_NO_FATAL_FAILURE(install());
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply list = analyst.get("/api/v1/reports");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["id"], "org.steward.test.report");

  HttpReply one = analyst.get(base);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["parameters"][0]["name"], "label");
  EXPECT_EQ(one.json()["parameters"][0]["default"], "합계");

  HttpReply run = analyst.post(base + "/run", R"({"parameters":{"label":"후원 합계"}})");
  ASSERT_EQ(run.status, 200) << run.body;
  auto j = run.json();
  EXPECT_EQ(j["rows"][0][0], "후원 합계");
  EXPECT_EQ(j["rows"][0][1]["minor"], 1234);
  EXPECT_EQ(j["rows"][0][1]["currency"], "KRW");
  EXPECT_EQ(j["chart"]["kind"], "bar");
  EXPECT_EQ(j["parameters"]["label"], "후원 합계");

  HttpReply csv = analyst.post(base + "/run?format=csv", R"({"parameters":{"label":"=1+1"}})");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("'=1+1,1234,KRW"), std::string::npos) << csv.body;
  EXPECT_GE(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'report'"), 2);
}

TEST_P(ApiReportsTest, BadInputIsNamedAndViewersAreRefused) {
  ASSERT_NO_FATAL_FAILURE(install());
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply unknown = analyst.post(base + "/run", R"({"parameters":{"colour":"red"}})");
  EXPECT_EQ(unknown.status / 100, 4) << unknown.body;
  EXPECT_NE(unknown.body.find("colour"), std::string::npos) << unknown.body;
  HttpReply wrong = analyst.post(base + "/run", R"({"parameters":{"label":12}})");
  EXPECT_EQ(wrong.status / 100, 4) << wrong.body;
  EXPECT_NE(wrong.body.find("label"), std::string::npos) << wrong.body;
  HttpReply format = analyst.post(base + "/run?format=pdf", "{}");
  EXPECT_EQ(format.status / 100, 4) << format.body;
  EXPECT_EQ(analyst.post("/api/v1/reports/org.nothing/run", "{}").status, 404);
  auto viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.get("/api/v1/reports").status, 403);
  EXPECT_EQ(viewer.post(base + "/run", "{}").status, 403);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiReportsTest);

}  // namespace
}  // namespace steward::testing

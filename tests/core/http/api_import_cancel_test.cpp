// POST /api/v1/imports/{id}/cancel (decision 0154): a previewed import is cancelled, a committed
// one cannot be (409/412 with the reason), an unknown one is 404; admins only.
#include <gtest/gtest.h>

#include "../plugins/plugin_dir.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

const char* kCancelFile =
    "#steward-lines v1\n"
    "payment|ch_1||2026-01-05|5000|USD||김민지|minji@example.org|||||||||||card\n";

class ApiImportCancelTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  void install(HttpClient& admin) {
    dir.add("import_lines");
    HttpReply installed =
        admin.post("/api/v1/plugins", R"({"file":"import_lines.so","isolation":"in_process"})");
    ASSERT_EQ(installed.status, 201) << installed.body;
    HttpReply enabled = admin.post("/api/v1/plugins/org.steward.test.import-lines/enable", "{}");
    ASSERT_EQ(enabled.status, 200) << enabled.body;
    ASSERT_EQ(admin.post("/api/v1/funds", R"({"code":"GEN","name":"General"})").status, 201);
  }
  long long upload(HttpClient& admin) {
    HttpReply staged = admin.request("POST", "/api/v1/imports?file_name=p.txt&default_fund=GEN",
                                     kCancelFile, {{"content-type", "text/plain"}});
    EXPECT_EQ(staged.status, 201) << staged.body;
    return staged.status == 201 ? staged.json()["import_id"].get<long long>() : 0;
  }
  PluginDir dir;
};

TEST_P(ApiImportCancelTest, CancelPreviewedRefuseCommitted) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  auto fundraiser = sign_in_as("fund1", auth::Role::kFundraiser);
  ASSERT_NO_FATAL_FAILURE(install(admin));
  long long id = upload(admin);
  ASSERT_GT(id, 0);
  std::string path = "/api/v1/imports/" + std::to_string(id);
  EXPECT_EQ(fundraiser.post(path + "/cancel", "{}").status, 403);
  HttpReply cancelled = admin.post(path + "/cancel", "{}");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts"), 0);
  EXPECT_GE(admin.post(path + "/commit", "{}").status, 400);

  // The same file again, committed: cannot be cancelled.
  HttpReply staged = admin.request("POST", "/api/v1/imports?file_name=p.txt&default_fund=GEN",
                                   kCancelFile, {{"content-type", "text/plain"}});
  ASSERT_EQ(staged.status, 201) << staged.body;
  std::string second =
      "/api/v1/imports/" + std::to_string(staged.json()["import_id"].get<long long>());
  ASSERT_EQ(admin.post(second + "/commit", "{}").status, 200);
  HttpReply refused = admin.post(second + "/cancel", "{}");
  EXPECT_GE(refused.status, 400);
  EXPECT_LT(refused.status, 500);
  EXPECT_NE(refused.body.find("committed"), std::string::npos) << refused.body;
  EXPECT_EQ(admin.post("/api/v1/imports/999999/cancel", "{}").status, 404);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiImportCancelTest);

}  // namespace
}  // namespace steward::testing

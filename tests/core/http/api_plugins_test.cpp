// /api/v1/plugins over real HTTP: admins only, install from the directory and by upload,
// configure naming the bad key, enable, remove; audited.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../plugins/plugin_dir.hpp"
#include "plugins/wire.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiPluginsTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  PluginDir dir;
};

TEST_P(ApiPluginsTest, AdminsInstallConfigureEnableAndRemove) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  auto fundraiser = sign_in_as("fund1", auth::Role::kFundraiser);
  EXPECT_EQ(fundraiser.get("/api/v1/plugins").status, 403);

  dir.add("config_schema");
  HttpReply installed = admin.post("/api/v1/plugins", R"({"file":"config_schema.so"})");
  ASSERT_EQ(installed.status, 201) << installed.body;
  EXPECT_EQ(installed.json()["id"], "org.steward.test.configured");
  EXPECT_EQ(installed.json()["state"], "installed");

  const std::string base = "/api/v1/plugins/org.steward.test.configured";
  HttpReply bad = admin.request("PATCH", base + "/config",
                                R"({"config":{"host":"mail.example.org","port":70000}})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("config.port"), std::string::npos) << bad.body;
  HttpReply good =
      admin.request("PATCH", base + "/config",
                    R"({"config":{"host":"mail.example.org","sender_name":"하나 선교회"}})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.json()["config"]["sender_name"], "하나 선교회");

  HttpReply enabled = admin.post(base + "/enable", "{}");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(enabled.json()["state"], "enabled");
  HttpReply got = admin.get(base);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["manifest"]["kind"], "mailer");
  EXPECT_EQ(admin.get("/api/v1/plugins").json()["items"].size(), 1u);

  EXPECT_EQ(admin.del(base).status, 204);
  EXPECT_EQ(admin.get(base).status, 404);
  EXPECT_GE(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'plugin'"), 4);
}

TEST_P(ApiPluginsTest, UploadAndBadInput) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  // A small file that is not a plugin: stored, refused by the loader, and cleaned up again.
  json body = {{"file_name", "report.so"},
               {"content_base64", plugins::wire::base64_encode("not an ELF file")}};
  HttpReply up = admin.post("/api/v1/plugins", body.dump());
  EXPECT_EQ(up.status, 422) << up.body;
  EXPECT_NE(up.body.find("report.so cannot be loaded"), std::string::npos) << up.body;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "report.so"));
  json bad64 = {{"file_name", "x.so"}, {"content_base64", "!!!"}};
  EXPECT_EQ(admin.post("/api/v1/plugins", bad64.dump()).status, 422);
  dir.add("good_report");
  ASSERT_EQ(admin.post("/api/v1/plugins", R"({"file":"good_report.so"})").status, 201);

  EXPECT_EQ(admin.post("/api/v1/plugins", R"({"file":"../etc/passwd"})").status, 422);
  EXPECT_EQ(admin.post("/api/v1/plugins", R"({"file":"absent.so"})").status, 422);
  EXPECT_EQ(admin.post("/api/v1/plugins", R"({})").status, 422);
  dir.add("wrong_api_major");
  HttpReply wrong = admin.post("/api/v1/plugins", R"({"file":"wrong_api_major.so"})");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("accepts SDK API 1.0"), std::string::npos) << wrong.body;
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM plugins"), 1);
}

// Upload routes take bodies up to the upload limit (a real plugin library of a few MiB in
// base64); everything else keeps the 1 MiB limit.
class ApiPluginUploadTest : public ApiPluginsTest {
 protected:
  void configure(http::ApiOptions& api, http::ServerOptions& server) override {
    ApiPluginsTest::configure(api, server);
    server.upload_body_limit = 4 * 1024 * 1024;
  }
};

TEST_P(ApiPluginUploadTest, ARealLibraryUploadsAndTheUploadLimitHolds) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  std::ifstream in(PluginDir::fixture("good_report"), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string library = bytes.str();
  ASSERT_GT(library.size(), 0u);
  // A Release build of the fixture is a few dozen KiB, a Debug build over a MiB. Bytes after
  // the end of an ELF file are never mapped, so pad the real library to a size a shipped
  // plugin with debug information has: over 1 MiB once in base64, on every build type.
  if (library.size() < 1536u * 1024) library.resize(1536u * 1024, '\0');
  json body = {{"file_name", "good_report.so"},
               {"content_base64", plugins::wire::base64_encode(library)}};
  HttpReply up = admin.post("/api/v1/plugins", body.dump());
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json()["id"], "org.steward.test.report");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "good_report.so"));

  // Over 1 MiB is fine here and refused elsewhere; over the upload limit is refused here too.
  std::string two_mib =
      R"({"file_name":"x.so","content_base64":")" + std::string(2 * 1024 * 1024, 'A') + "\"}";
  EXPECT_NE(admin.post("/api/v1/plugins", two_mib).status, 413);
  EXPECT_EQ(admin.post("/api/v1/funds", two_mib).status, 413);
  std::string too_big =
      R"({"file_name":"x.so","content_base64":")" + std::string(5 * 1024 * 1024, 'A') + "\"}";
  EXPECT_EQ(admin.post("/api/v1/plugins", too_big).status, 413);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM plugins"), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiPluginsTest);
STEWARD_INSTANTIATE_DATABASE_TEST(ApiPluginUploadTest);

}  // namespace
}  // namespace steward::testing

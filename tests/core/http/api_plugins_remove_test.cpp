// Removing a plugin right after configuring, enabling and disabling it (the admin page's
// sequence) answers 204 and leaves the server serving, for in-process and isolated plugins.
#include <gtest/gtest.h>

#include "../plugins/plugin_dir.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiPluginRemoveTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  PluginDir dir;
};

TEST_P(ApiPluginRemoveTest, ConfigureEnableDisableThenRemoveKeepsTheServerUp) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  for (const char* isolation : {"isolated", "in_process"}) {
    SCOPED_TRACE(isolation);
    dir.add("config_schema");
    std::string body =
        std::string(R"({"file":"config_schema.so","isolation":")") + isolation + "\"}";
    HttpReply installed = admin.post("/api/v1/plugins", body);
    ASSERT_EQ(installed.status, 201) << installed.body;
    const std::string base = "/api/v1/plugins/org.steward.test.configured";
    ASSERT_EQ(admin.get(base).status, 200);
    ASSERT_EQ(admin.request("PATCH", base + "/config", R"({"config":{"host":"mail.example.org"}})")
                  .status,
              200);
    ASSERT_EQ(admin.get(base).status, 200);
    ASSERT_EQ(admin.post(base + "/enable", "{}").status, 200);
    ASSERT_EQ(admin.get("/api/v1/plugins").status, 200);
    ASSERT_EQ(admin.post(base + "/disable", "{}").status, 200);
    ASSERT_EQ(admin.get(base).status, 200);
    HttpReply removed = admin.del(base);
    EXPECT_EQ(removed.status, 204) << removed.body;
    EXPECT_EQ(admin.get("/api/v1/plugins").status, 200);  // still serving
    EXPECT_EQ(admin.get(base).status, 404);
  }
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiPluginRemoveTest);

}  // namespace
}  // namespace steward::testing

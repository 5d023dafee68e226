// Session timeouts from the configuration ([sessions] idle_minutes, absolute_hours) over real
// HTTP, with the API's injectable clock moved forward instead of sleeping.
#include <atomic>

#include <gtest/gtest.h>

#include "app/serve_flags.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiSessionTimeoutTest : public ApiTest {
 protected:
  void configure(http::ApiOptions& api, http::ServerOptions&) override {
    app::Config config;
    config.session_idle_minutes = 2;
    config.session_absolute_hours = 1;
    api = app::api_options_from(config);
    api.clock = [this] { return start_ + std::chrono::seconds(offset_.load()); };
  }
  void advance(long long seconds) { offset_ += seconds; }

 private:
  domain::Instant start_ = domain::now_instant();
  std::atomic<long long> offset_{0};
};

TEST_P(ApiSessionTimeoutTest, ASessionEndsAfterTheConfiguredIdleTime) {
  HttpClient c = sign_in_as("grace", auth::Role::kViewer);
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  advance(119);  // just under two minutes idle: still alive, and the request renews it
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  advance(119);
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  advance(120);  // two minutes without a request
  HttpReply r = c.get("/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json()["type"], "https://steward.invalid/problems/unauthenticated");
}

TEST_P(ApiSessionTimeoutTest, ASessionEndsAfterTheAbsoluteTimeEvenWhenUsed) {
  HttpClient c = sign_in_as("grace", auth::Role::kViewer);
  HttpReply first =
      client().post("/api/v1/session", R"({"username":"grace","password":"river-lantern-oak-97"})");
  EXPECT_NE(first.header("set-cookie").find("Max-Age=3600"), std::string::npos)
      << first.header("set-cookie");
  for (int i = 0; i < 59; ++i) {  // a request every minute for 59 minutes
    advance(60);
    ASSERT_EQ(c.get("/api/v1/session").status, 200) << "minute " << i + 1;
  }
  advance(60);  // one hour after sign-in
  EXPECT_EQ(c.get("/api/v1/session").status, 401);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSessionTimeoutTest);

}  // namespace
}  // namespace steward::testing

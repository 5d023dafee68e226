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
  std::string now_text() const {
    return domain::format_instant(start_ + std::chrono::seconds(offset_.load()));
  }
  long long rows(const std::string& where) {
    return query_int(db(), "SELECT COUNT(*) FROM " + where);
  }

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

// Reads do not write each time: a session's last_seen_at is refreshed at most every idle/30
// (4 s here) and a token's last_used_at at most every minute, so a burst of reads takes no
// write lock.
TEST_P(ApiSessionTimeoutTest, ReadsRefreshLastSeenAndLastUsedOnlyNowAndThen) {
  HttpClient c = sign_in_as("grace", auth::Role::kAdmin);
  HttpReply t = c.post("/api/v1/session/tokens", R"({"name":"BI","scope":"read"})");
  ASSERT_EQ(t.status, 201) << t.body;
  HttpClient bot = client();
  bot.bearer = t.json()["token"];
  ASSERT_EQ(bot.get("/api/v1/funds").status, 200);
  const std::string first_use = now_text();
  EXPECT_EQ(rows("api_tokens WHERE last_used_at = '" + first_use + "'"), 1);
  advance(30);
  ASSERT_EQ(bot.get("/api/v1/funds").status, 200);
  EXPECT_EQ(rows("api_tokens WHERE last_used_at = '" + first_use + "'"), 1);
  advance(31);  // more than a minute after the first use
  ASSERT_EQ(bot.get("/api/v1/funds").status, 200);
  EXPECT_EQ(rows("api_tokens WHERE last_used_at = '" + now_text() + "'"), 1);

  ASSERT_EQ(c.get("/api/v1/funds").status, 200);
  const std::string seen = now_text();
  EXPECT_EQ(rows("sessions WHERE last_seen_at = '" + seen + "'"), 1);
  advance(2);
  ASSERT_EQ(c.get("/api/v1/funds").status, 200);
  EXPECT_EQ(rows("sessions WHERE last_seen_at = '" + seen + "'"), 1);
  advance(3);  // 5 s: past idle/30
  ASSERT_EQ(c.get("/api/v1/funds").status, 200);
  EXPECT_EQ(rows("sessions WHERE last_seen_at = '" + now_text() + "'"), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSessionTimeoutTest);

}  // namespace
}  // namespace steward::testing

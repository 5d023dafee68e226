// trusted_proxy over real HTTP: X-Forwarded-For gives the client address (sign-in attempts,
// the audit trail, the access log) and X-Forwarded-Proto: https makes the cookie Secure and
// adds HSTS, but only when the peer is a trusted proxy; from anyone else both are ignored.
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

std::string query_text(store::Database& db, const std::string& sql) {
  auto r = db.read([&](store::Unit& u) -> Result<std::string> {
    std::string out;
    u.sql() << sql, soci::into(out);
    return out;
  });
  return r ? r.value() : "(error)";
}

// Captures the access log for one test.
class AccessLog {
 public:
  AccessLog() {
    spdlog::drop("access");
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    logger_ = std::make_shared<spdlog::logger>("access", sink);
    logger_->set_pattern("%v");
    spdlog::register_logger(logger_);
  }
  ~AccessLog() { spdlog::drop("access"); }
  std::string text() {
    logger_->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> logger_;
};

const std::map<std::string, std::string> kForwarded = {
    {"X-Forwarded-For", "198.51.100.23, 203.0.113.7"}, {"X-Forwarded-Proto", "https"}};

HttpReply sign_in(HttpClient& c, const std::string& user, const std::string& password) {
  HttpReply r =
      c.request("POST", "/api/v1/session",
                nlohmann::json{{"username", user}, {"password", password}}.dump(), kForwarded);
  c.csrf_token = r.json().value("csrf_token", "");
  return r;
}

class ApiTrustedProxyTest : public ApiTest {
 protected:
  void configure(http::ApiOptions&, http::ServerOptions& server) override {
    server.trusted_proxies = {"10.0.0.9", "127.0.0.1"};
  }
};

TEST_P(ApiTrustedProxyTest, ForwardedHeadersFromATrustedProxyAreBelieved) {
  AccessLog log;
  create_user("grace", auth::Role::kAdmin);
  HttpClient c = client();
  HttpReply r = sign_in(c, "grace", kTestPassword);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_NE(r.header("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_NE(r.header("strict-transport-security").find("max-age="), std::string::npos);
  // The rightmost address the trusted proxy saw is the client.
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM sign_in_attempts"), "203.0.113.7");
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM audit_events WHERE action = 'sign_in'"),
            "203.0.113.7");
  HttpReply made =
      c.request("POST", "/api/v1/funds", R"({"code":"MED","name":"의료 지원"})", kForwarded);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM audit_events WHERE entity_type = 'fund'"),
            "203.0.113.7");
  EXPECT_NE(log.text().find("\"remote_addr\":\"203.0.113.7\""), std::string::npos) << log.text();
  // Without X-Forwarded-Proto the request is plain http: no HSTS.
  EXPECT_EQ(c.get("/api/v1/session").header("strict-transport-security"), "");
}

class ApiUntrustedProxyTest : public ApiTest {
 protected:
  void configure(http::ApiOptions&, http::ServerOptions& server) override {
    server.trusted_proxies = {"10.0.0.9"};  // not the test client's 127.0.0.1
  }
};

TEST_P(ApiUntrustedProxyTest, ForwardedHeadersFromAnyoneElseAreIgnored) {
  AccessLog log;
  create_user("grace", auth::Role::kAdmin);
  HttpClient c = client();
  HttpReply r = sign_in(c, "grace", kTestPassword);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.header("set-cookie").find("Secure"), std::string::npos);
  EXPECT_EQ(r.header("strict-transport-security"), "");
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM sign_in_attempts"), "127.0.0.1");
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM audit_events WHERE action = 'sign_in'"),
            "127.0.0.1");
  EXPECT_EQ(log.text().find("203.0.113.7"), std::string::npos) << log.text();
  EXPECT_NE(log.text().find("\"remote_addr\":\"127.0.0.1\""), std::string::npos) << log.text();
}

TEST_P(ApiUntrustedProxyTest, NoProxiesConfiguredMeansNoForwardedHeadersBelieved) {
  create_user("grace", auth::Role::kViewer);
  HttpClient c = client();
  // Failed sign-ins from a forged address are counted against the real one.
  HttpReply r = sign_in(c, "grace", "wrong-password-here");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(query_text(db(), "SELECT remote_addr FROM sign_in_attempts"), "127.0.0.1");
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiTrustedProxyTest);
STEWARD_INSTANTIATE_DATABASE_TEST(ApiUntrustedProxyTest);

}  // namespace
}  // namespace steward::testing

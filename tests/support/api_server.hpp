// A real Steward API server on a free loopback port over the test's database, and a small
// HTTP client with a cookie jar and the CSRF header, for tests that go through real HTTP.
//
//   class FundApiTest : public steward::testing::ApiTest {};
//   TEST_P(FundApiTest, ...) {
//     auto admin = sign_in_as("admin", auth::Role::kAdmin);
//     auto r = admin.post("/api/v1/funds", R"({"code":"MED","name":"Medical"})");
//     EXPECT_EQ(r.status, 201);
//   }
#pragma once

#include <map>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "auth/roles.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}
  HttpReply request(const std::string& method, const std::string& target,
                    const std::string& body = "", std::map<std::string, std::string> headers = {});
  HttpReply get(const std::string& target) { return request("GET", target); }
  HttpReply post(const std::string& target, const std::string& body) {
    return request("POST", target, body);
  }
  HttpReply put(const std::string& target, const std::string& body, const std::string& etag) {
    return request("PUT", target, body, {{"If-Match", etag}});
  }
  HttpReply del(const std::string& target) { return request("DELETE", target); }

  std::string session_cookie;  // sent as Cookie when set; updated from Set-Cookie
  std::string csrf_token;      // sent as X-CSRF-Token on changes when set
  std::string bearer;          // sent as Authorization: Bearer when set

 private:
  unsigned short port_;
};

class ApiTest : public DatabaseTest {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Options for the Api under test (suites override, e.g. the plugin directory).
  virtual http::ApiOptions api_options() { return {}; }
  HttpClient client() { return HttpClient(port_); }
  unsigned short port() const { return port_; }
  // Override to change the API or the server before SetUp starts it (timeouts, a clock,
  // trusted proxies, TLS).
  virtual void configure(http::ApiOptions& api, http::ServerOptions& server) {
    (void)api;
    (void)server;
  }
  // Creates a user with `role` (password kTestPassword) and signs in; the client carries the
  // session cookie and CSRF token.
  HttpClient sign_in_as(const std::string& username, auth::Role role, bool restricted = false);
  long long create_user(const std::string& username, auth::Role role, bool restricted = false);
  static constexpr const char* kTestPassword = "river-lantern-oak-97";

 private:
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

}  // namespace steward::testing

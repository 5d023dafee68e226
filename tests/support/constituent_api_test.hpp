// A fixture for the constituent API tests: a real server, an admin with the restricted grant
// signed in, and helpers to count rows and create constituents over HTTP.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {

class ConstituentApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
  }
  HttpClient& admin() { return *admin_; }
  long long count(const std::string& table) {
    return query_int(db(), "SELECT COUNT(*) FROM " + table);
  }
  // Creates a constituent from a JSON body and answers its id (0 after a failed expectation).
  long long create(const std::string& body) {
    HttpReply r = admin().post("/api/v1/constituents", body);
    EXPECT_EQ(r.status, 201) << body << " -> " << r.body;
    return r.json().value("id", 0LL);
  }

 private:
  std::unique_ptr<HttpClient> admin_;
};

}  // namespace steward::testing

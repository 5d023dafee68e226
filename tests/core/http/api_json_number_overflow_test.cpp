// Regression (found by segment_filter_fuzz; the same nlohmann behaviour reaches every JSON body):
// a number too large for a double (1e999) is reported by nlohmann as out_of_range, not
// parse_error, so parse_json_body let it escape and the request was answered 500. It is a 400
// malformed-json now, and nothing is written.
#include <gtest/gtest.h>

#include "http/json_body.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

TEST(JsonBodyNumberOverflow, IsMalformedJsonNotAnException) {
  http::Request request;
  request.method = "POST";
  request.headers.emplace_back("content-type", "application/json");
  for (const char* body : {R"({"people_served":1e999})", R"({"a":[-1e400]})",
                           R"({"name":"의료 지원","x":777777777777e777777777777})"}) {
    request.body = body;
    nlohmann::json out;
    std::optional<http::Response> bad;
    EXPECT_NO_THROW(bad = http::parse_json_body(request, out)) << body;
    ASSERT_TRUE(bad.has_value()) << body;
    EXPECT_EQ(bad->status, 400) << body;
    EXPECT_NE(bad->body.find("malformed-json"), std::string::npos) << bad->body;
    EXPECT_NE(bad->body.find("out of range"), std::string::npos) << bad->body;
  }
}

class ApiJsonNumberOverflowTest : public ApiTest {};

TEST_P(ApiJsonNumberOverflowTest, HugeNumberInABodyIs400AndWritesNothing) {
  HttpClient admin = sign_in_as("overflow_admin", auth::Role::kAdmin);
  const long long before = query_int(db(), "SELECT COUNT(*) FROM funds");
  HttpReply reply =
      admin.post("/api/v1/funds", R"({"code":"MED","name":"의료 지원","people_served":1e999})");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_NE(reply.body.find("malformed-json"), std::string::npos) << reply.body;
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM funds"), before);
  // The same fund with a sane number is created: the server is fine afterwards.
  HttpReply created =
      admin.post("/api/v1/funds", R"({"code":"MED","name":"의료 지원","people_served":12})");
  EXPECT_EQ(created.status, 201) << created.body;
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiJsonNumberOverflowTest);

}  // namespace
}  // namespace steward::testing

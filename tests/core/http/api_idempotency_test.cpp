// The generic Idempotency-Key over real HTTP (http/idempotency.hpp): replays, mismatches,
// per-user scope, failed first requests, expiry after 24 hours, and gifts' own behaviour kept.
#include <sodium.h>

#include <atomic>

#include <gtest/gtest.h>

#include "store/idempotency_repository.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

std::map<std::string, std::string> key(const std::string& k) { return {{"Idempotency-Key", k}}; }

class ApiIdempotencyTest : public ApiTest {
 protected:
  void configure(http::ApiOptions& api, http::ServerOptions&) override {
    api.clock = [this] { return start_ + std::chrono::seconds(offset_.load()); };
    // Sessions live through the day the expiry test moves forward.
    api.sign_in.timeouts.idle = std::chrono::hours(48);
    api.sign_in.timeouts.absolute = std::chrono::hours(48);
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
  }
  HttpClient& admin() { return *admin_; }
  HttpReply post(HttpClient& c, const std::string& path, const std::string& body,
                 const std::string& k) {
    return c.request("POST", path, body, key(k));
  }
  long long count(const std::string& table) {
    return query_int(db(), "SELECT COUNT(*) FROM " + table);
  }
  void advance(long long seconds) { offset_ += seconds; }
  std::unique_ptr<HttpClient> admin_;

 private:
  domain::Instant start_ = domain::now_instant();
  std::atomic<long long> offset_{0};
};

const char* kFund = R"({"code":"MED","name":"의료 지원"})";

TEST_P(ApiIdempotencyTest, TheSameKeyAndRequestReplaysTheFirstAnswerAndWritesNothing) {
  HttpReply first = post(admin(), "/api/v1/funds", kFund, "fund-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.header("idempotent-replayed"), "");
  const long long audits = count("audit_events");
  HttpReply again = post(admin(), "/api/v1/funds", kFund, "fund-1");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.json()["name"], "의료 지원");
  EXPECT_EQ(again.header("location"), first.header("location"));
  EXPECT_EQ(again.header("content-type"), "application/json");
  EXPECT_EQ(count("funds"), 1);
  EXPECT_EQ(count("audit_events"), audits);
  // Without a key the same request is a new one (here: a duplicate code).
  EXPECT_EQ(admin().post("/api/v1/funds", kFund).status, 409);
}

TEST_P(ApiIdempotencyTest, TheSameKeyForAnotherBodyOrPathIsRefusedNamingTheHeader) {
  ASSERT_EQ(post(admin(), "/api/v1/funds", kFund, "k-1").status, 201);
  HttpReply other_body =
      post(admin(), "/api/v1/funds", R"({"code":"EDU","name":"Education"})", "k-1");
  EXPECT_EQ(other_body.status, 422) << other_body.body;
  EXPECT_EQ(other_body.json()["errors"][0]["field"], "Idempotency-Key");
  HttpReply other_path =
      post(admin(), "/api/v1/constituents",
           R"({"kind":"individual","first_name":"영희","last_name":"김"})", "k-1");
  EXPECT_EQ(other_path.status, 422) << other_path.body;
  EXPECT_EQ(other_path.json()["errors"][0]["field"], "Idempotency-Key");
  EXPECT_EQ(count("funds"), 1);
  EXPECT_EQ(count("constituents"), 0);
}

TEST_P(ApiIdempotencyTest, KeysAreScopedToTheUser) {
  HttpClient other = sign_in_as("admin2", auth::Role::kAdmin);
  ASSERT_EQ(post(admin(), "/api/v1/funds", kFund, "shared").status, 201);
  HttpReply theirs = post(other, "/api/v1/funds", R"({"code":"EDU","name":"Education"})", "shared");
  EXPECT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(theirs.header("idempotent-replayed"), "");
  EXPECT_EQ(count("funds"), 2);
}

TEST_P(ApiIdempotencyTest, AFailedFirstRequestIsNotKeptSoARetryRunsAgain) {
  HttpReply bad = post(admin(), "/api/v1/funds", R"({"code":"","name":"Medical"})", "retry");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(count("idempotency_keys"), 0);
  HttpReply good = post(admin(), "/api/v1/funds", kFund, "retry");
  EXPECT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(good.header("idempotent-replayed"), "");
}

TEST_P(ApiIdempotencyTest, EveryCreateRouteGetsItWithoutHandlerCode) {
  const std::string person = R"({"kind":"individual","first_name":"민준","last_name":"이"})";
  HttpReply first = post(admin(), "/api/v1/constituents", person, "person-1");
  ASSERT_EQ(first.status, 201) << first.body;
  HttpReply again = post(admin(), "/api/v1/constituents", person, "person-1");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json()["id"], first.json()["id"]);
  EXPECT_EQ(count("constituents"), 1);
  // API tokens too (no CSRF), under the token's user.
  HttpReply t = admin().post("/api/v1/session/tokens", R"({"name":"script","scope":"read_write"})");
  ASSERT_EQ(t.status, 201) << t.body;
  HttpClient script = client();
  script.bearer = t.json()["token"];
  HttpReply by_token = post(script, "/api/v1/constituents", person, "person-1");
  EXPECT_EQ(by_token.header("idempotent-replayed"), "true");
  EXPECT_EQ(count("constituents"), 1);
}

TEST_P(ApiIdempotencyTest, KeysExpireAfterADay) {
  ASSERT_EQ(post(admin(), "/api/v1/funds", kFund, "daily").status, 201);
  advance(23 * 3600);
  EXPECT_EQ(post(admin(), "/api/v1/funds", kFund, "daily").header("idempotent-replayed"), "true");
  advance(3600);  // 24 hours after the first request
  HttpReply later = post(admin(), "/api/v1/funds", R"({"code":"EDU","name":"Education"})", "daily");
  EXPECT_EQ(later.status, 201) << later.body;
  EXPECT_EQ(later.header("idempotent-replayed"), "");
  EXPECT_EQ(count("funds"), 2);
}

TEST_P(ApiIdempotencyTest, BadKeysAreRefusedNamingTheHeader) {
  HttpReply empty_key = post(admin(), "/api/v1/funds", kFund, std::string(256, 'k'));
  EXPECT_EQ(empty_key.status, 422);
  EXPECT_EQ(empty_key.json()["errors"][0]["field"], "Idempotency-Key");
  HttpReply hangul = post(admin(), "/api/v1/funds", kFund, "키-1");
  EXPECT_EQ(hangul.status, 422);
  EXPECT_EQ(count("funds"), 0);
}

TEST_P(ApiIdempotencyTest, OneTimeSecretsAreNeverStored) {
  const std::string body = R"({"username":"yuna","display_name":"김유나","role":"viewer"})";
  HttpReply made = post(admin(), "/api/v1/users", body, "user-1");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(count("idempotency_keys"), 0);
}

TEST_P(ApiIdempotencyTest, AKeyStillInUseAnswers409NamingTheHeader) {
  // The first request with this key is still running (claimed, no answer yet).
  const std::string body = kFund;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  const long long user = query_int(db(), "SELECT id FROM users WHERE username = 'admin1'");
  auto claimed = db().write(actor(), [&](store::Unit& u) {
    return store::idempotency::claim(u, user, "busy", {"POST", "/api/v1/funds", hex},
                                     domain::now_instant(), std::chrono::hours(24));
  });
  ASSERT_TRUE(claimed) << claimed.status().to_string();
  HttpReply r = post(admin(), "/api/v1/funds", body, "busy");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.json()["errors"][0]["field"], "Idempotency-Key");
  EXPECT_EQ(count("funds"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiIdempotencyTest);

}  // namespace
}  // namespace steward::testing

// store::sessions::authenticate and authenticate_api_token tell a user that is gone or
// disabled (kPermissionDenied: the session ends) from a user lookup that failed in the database
// (kUnavailable: the API answers 503 and the session stays).
#include <gtest/gtest.h>

#include "store/session_repository.hpp"
#include "store/user_repository.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using store::Unit;

class SessionUserLookupTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    domain::NewUser input;
    input.username = "mina";
    input.display_name = "김민아";
    input.role = auth::Role::kFundraiser;
    input.password = "river-lantern-oak-97";
    auto user = db().write(actor(), [&](Unit& u) { return store::users::create(u, input); });
    ASSERT_TRUE(user) << user.status().to_string();
    user_id_ = user->id;
    now_ = domain::now_instant();
    auto s = db().write(actor(), [&](Unit& u) {
      return store::sessions::create(u, user_id_, "127.0.0.1", "test", true, now_, {});
    });
    ASSERT_TRUE(s) << s.status().to_string();
    session_ = s->token;
    auto t = db().write(actor(), [&](Unit& u) {
      return store::sessions::create_api_token(u, user_id_, "동기화", "read");
    });
    ASSERT_TRUE(t) << t.status().to_string();
    token_ = t->token;
  }
  void rename_table(const std::string& from, const std::string& to) {
    Status s = db().write(actor(), [&](Unit& u) {
      u.sql() << "ALTER TABLE " + from + " RENAME TO " + to;
      return Status::ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  StatusCode session_check() {
    auto r =
        db().read([&](Unit& u) { return store::sessions::authenticate(u, session_, now_, {}); });
    return r ? StatusCode::kOk : r.status().code();
  }
  StatusCode token_check() {
    auto r = db().read(
        [&](Unit& u) { return store::sessions::authenticate_api_token(u, token_, now_); });
    return r ? StatusCode::kOk : r.status().code();
  }
  long long user_id_ = 0;
  domain::Instant now_;
  std::string session_, token_;
};

TEST_P(SessionUserLookupTest, AFailedUserLookupIsUnavailableNotSignedOut) {
  ASSERT_EQ(session_check(), StatusCode::kOk);
  ASSERT_EQ(token_check(), StatusCode::kOk);
  rename_table("users", "users_away");
  StatusCode session = session_check();
  StatusCode token = token_check();
  rename_table("users_away", "users");
  EXPECT_EQ(session, StatusCode::kUnavailable);
  EXPECT_EQ(token, StatusCode::kUnavailable);
  EXPECT_EQ(session_check(), StatusCode::kOk);
  EXPECT_EQ(token_check(), StatusCode::kOk);
}

TEST_P(SessionUserLookupTest, ADisabledUserEndsTheSession) {
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return store::users::set_disabled(u, user_id_, true); })
          .is_ok());
  EXPECT_EQ(session_check(), StatusCode::kPermissionDenied);
  EXPECT_EQ(token_check(), StatusCode::kPermissionDenied);
}

STEWARD_INSTANTIATE_DATABASE_TEST(SessionUserLookupTest);

}  // namespace
}  // namespace steward::testing

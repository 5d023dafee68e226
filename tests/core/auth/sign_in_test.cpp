// Accounts, sign-in throttling, sessions and API tokens on SQLite and PostgreSQL.
#include "auth/sign_in.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "store/session_repository.hpp"
#include "store/user_repository.hpp"
#include "support/test_database.hpp"

namespace steward::auth {
namespace {

using namespace std::chrono_literals;
using steward::testing::query_int;

class SignInTest : public steward::testing::DatabaseTest {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    DatabaseTest::SetUp();
  }
  long long make_user(const std::string& name, Role role = Role::kFundraiser) {
    domain::NewUser input{name, "유나 " + name, std::nullopt, role, false, kPassword, false};
    auto user = db().write(actor(), [&](store::Unit& u) { return store::users::create(u, input); });
    EXPECT_TRUE(user) << user.status().message();
    return user ? user.value().id : 0;
  }
  SignInOutcome attempt(const std::string& user, const std::string& password, domain::Instant now,
                        const std::string& addr = "10.0.0.1") {
    auto out = db().write(actor(), [&](store::Unit& u) {
      return sign_in(u, {user, password, addr, "test"}, policy_, now);
    });
    EXPECT_TRUE(out) << out.status().message();
    return out.value();
  }
  Result<store::sessions::ActiveSession> authenticate(const std::string& token,
                                                      domain::Instant now) {
    return db().write(actor(), [&](store::Unit& u) {
      return store::sessions::authenticate(u, token, now, policy_.timeouts);
    });
  }
  static constexpr const char* kPassword = "river-lantern-oak-97";
  SignInPolicy policy_;
  domain::Instant t0_ = domain::parse_instant("2026-11-29T09:00:00Z").value();
};

TEST_P(SignInTest, CreateRefusesBadInputAndWritesNothing) {
  make_user("grace");
  for (auto input :
       {domain::NewUser{"Grace Kim", "x", {}, Role::kViewer, false, kPassword, false},
        domain::NewUser{"ok.user", "x", {}, Role::kViewer, false, "password1234", false},
        domain::NewUser{"grace", "x", {}, Role::kViewer, false, kPassword, false}}) {
    auto r = db().write(actor(), [&](store::Unit& u) { return store::users::create(u, input); });
    EXPECT_FALSE(r);
  }
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'user'"), 1);
  auto stored = db().read([](store::Unit& u) { return store::users::get_by_username(u, "grace"); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored.value().display_name, "유나 grace");
  // The audit trail never holds the password hash.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE after_json LIKE '%argon2%'"),
            0);
}

TEST_P(SignInTest, RightPasswordGivesASessionWrongOneDoesNot) {
  make_user("grace");
  SignInOutcome bad = attempt("grace", "river-lantern-oak-98", t0_);
  EXPECT_EQ(bad.result, SignInResult::kWrongCredentials);
  SignInOutcome unknown = attempt("nobody", kPassword, t0_);
  EXPECT_EQ(unknown.result, SignInResult::kWrongCredentials);
  EXPECT_EQ(bad.message, unknown.message);  // never reveals which usernames exist
  SignInOutcome good = attempt("GRACE", kPassword, t0_);
  ASSERT_EQ(good.result, SignInResult::kSignedIn);
  auto session = authenticate(good.session.token, t0_ + 1min);
  ASSERT_TRUE(session);
  EXPECT_EQ(session.value().user.username, "grace");
  EXPECT_EQ(session.value().csrf_token, good.session.csrf_token);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM sign_in_attempts WHERE succeeded = 0"), 2);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in_failed'"),
            2);
  // Only the token's hash is stored.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM sessions WHERE token_hash = '" +
                                good.session.token + "'"),
            0);
}

TEST_P(SignInTest, FiveFailuresLockTheAccountUntilTheLockExpires) {
  make_user("grace");
  for (int i = 0; i < 5; ++i) attempt("grace", "wrong-password-xyz", t0_ + std::chrono::seconds(i));
  SignInOutcome locked = attempt("grace", kPassword, t0_ + 1min);
  EXPECT_EQ(locked.result, SignInResult::kAccountLocked);
  SignInOutcome later = attempt("grace", kPassword, t0_ + 16min);
  EXPECT_EQ(later.result, SignInResult::kSignedIn);
}

TEST_P(SignInTest, ManyFailuresFromOneAddressAreThrottled) {
  make_user("grace");
  for (int i = 0; i < 20; ++i) {
    attempt("user" + std::to_string(i), "wrong-password-xyz", t0_, "203.0.113.9");
  }
  EXPECT_EQ(attempt("grace", kPassword, t0_ + 1min, "203.0.113.9").result,
            SignInResult::kAddressThrottled);
  EXPECT_EQ(attempt("grace", kPassword, t0_ + 1min, "198.51.100.7").result,
            SignInResult::kSignedIn);
  EXPECT_EQ(attempt("grace", kPassword, t0_ + 20min, "203.0.113.9").result,
            SignInResult::kSignedIn);
}

TEST_P(SignInTest, SessionsEndWhenIdleExpiredRevokedOrPasswordChanged) {
  long long id = make_user("grace");
  auto token = [&](domain::Instant at) { return attempt("grace", kPassword, at).session.token; };
  std::string idle = token(t0_);
  EXPECT_FALSE(authenticate(idle, t0_ + 31min));
  std::string active = token(t0_);
  for (int m = 20; m < 12 * 60; m += 20) {
    ASSERT_TRUE(authenticate(active, t0_ + std::chrono::minutes(m))) << m;
  }
  EXPECT_FALSE(authenticate(active, t0_ + 12h));  // absolute timeout
  std::string signed_out = token(t0_);
  ASSERT_TRUE(
      db().write(actor(), [&](store::Unit& u) { return store::sessions::revoke(u, signed_out); }));
  EXPECT_FALSE(authenticate(signed_out, t0_ + 1min));
  std::string before_change = token(t0_);
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    return store::users::set_password(u, id, "a-brand-new-passphrase", false);
  }));
  EXPECT_FALSE(authenticate(before_change, t0_ + 1min));
  EXPECT_EQ(attempt("grace", kPassword, t0_).result, SignInResult::kWrongCredentials);
  EXPECT_EQ(attempt("grace", "a-brand-new-passphrase", t0_).result, SignInResult::kSignedIn);
}

TEST_P(SignInTest, DisabledUsersCannotSignInOrUseTokens) {
  long long id = make_user("grace");
  auto token = db().write(actor(), [&](store::Unit& u) {
    return store::sessions::create_api_token(u, id, "BI tool", "read");
  });
  ASSERT_TRUE(token);
  auto who = db().write(actor(), [&](store::Unit& u) {
    return store::sessions::authenticate_api_token(u, token.value().token, t0_);
  });
  ASSERT_TRUE(who);
  EXPECT_EQ(who.value().scope, "read");
  ASSERT_TRUE(
      db().write(actor(), [&](store::Unit& u) { return store::users::set_disabled(u, id, true); }));
  EXPECT_EQ(attempt("grace", kPassword, t0_).result, SignInResult::kWrongCredentials);
  EXPECT_FALSE(db().write(actor(), [&](store::Unit& u) {
    return store::sessions::authenticate_api_token(u, token.value().token, t0_);
  }));
}

TEST_P(SignInTest, RevokedApiTokensStopWorking) {
  long long id = make_user("analyst1", Role::kAnalyst);
  auto token = db().write(actor(), [&](store::Unit& u) {
    return store::sessions::create_api_token(u, id, "Metabase", "read_write");
  });
  ASSERT_TRUE(token);
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    return store::sessions::revoke_api_token(u, id, token.value().id);
  }));
  EXPECT_FALSE(db().write(actor(), [&](store::Unit& u) {
    return store::sessions::authenticate_api_token(u, token.value().token, t0_);
  }));
  auto bad_scope = db().write(actor(), [&](store::Unit& u) {
    return store::sessions::create_api_token(u, id, "x", "admin");
  });
  ASSERT_FALSE(bad_scope);
  EXPECT_EQ(bad_scope.status().fields().at(0).field, "scope");
}

STEWARD_INSTANTIATE_DATABASE_TEST(SignInTest);

}  // namespace
}  // namespace steward::auth

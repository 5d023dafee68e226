#include "auth/password_policy.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "auth/password.hpp"
#include "auth/tokens.hpp"

namespace steward::auth {
namespace {

bool accepted(const char* password, const char* username = "grace.kim") {
  return check_password_policy(password, username).is_ok();
}

TEST(PasswordPolicy, RefusesShortAndNamesTheField) {
  Status s = check_password_policy("short-pass1", "grace.kim");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.fields().at(0).field, "password");
  EXPECT_NE(s.message().find("at least 12"), std::string::npos);
}

TEST(PasswordPolicy, RefusesCommonPasswordsHoweverDecorated) {
  for (const char* p :
       {"Password1234", "p@ssw0rd2024!", "passwordpassword", "iloveyou1234", "qwertyuiop123",
        "123456789012", "aaaaaaaaaaaaaa", "!!Welcome2026!!", "JesusLovesMe77", "saranghae1234"}) {
    EXPECT_FALSE(accepted(p)) << p;
  }
}

TEST(PasswordPolicy, RefusesTheUsername) {
  EXPECT_FALSE(accepted("grace.kim-2026-x", "grace.kim"));
}

TEST(PasswordPolicy, AcceptsPassphrasesIncludingKorean) {
  EXPECT_TRUE(accepted("correct horse battery staple"));
  EXPECT_TRUE(accepted("river-lantern-oak-97"));
  EXPECT_TRUE(accepted("우리는 함께 길을 걷는다"));  // 13 code points
  std::string long_one(200, 'x');
  long_one += "Zebra-Lamp-7";
  EXPECT_TRUE(accepted(long_one.c_str()));
}

TEST(PasswordPolicy, RefusesInvalidUtf8AndHugeInput) {
  EXPECT_FALSE(accepted("abc\xff\xfe river lantern oak"));
  EXPECT_FALSE(accepted(std::string(2000, 'k').c_str()));
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  ASSERT_GE(sodium_init(), 0);
  auto hash = hash_password("river-lantern-oak-97");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash.value().rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("river-lantern-oak-97", hash.value()));
  EXPECT_FALSE(verify_password("river-lantern-oak-98", hash.value()));
  EXPECT_FALSE(verify_password("river-lantern-oak-97", "not a hash"));
  EXPECT_FALSE(needs_rehash(hash.value()));
}

TEST(Tokens, AreRandomAndOnlyTheirHashIsStable) {
  ASSERT_GE(sodium_init(), 0);
  std::string a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 256 bits in unpadded base64url
  EXPECT_EQ(hash_token(a), hash_token(a));
  EXPECT_EQ(hash_token(a).size(), 64u);
  EXPECT_NE(hash_token(a), hash_token(b));
  EXPECT_EQ(random_api_token().rfind("stw_", 0), 0u);
  std::string otp = random_one_time_password();
  EXPECT_EQ(otp.size(), 19u);
  EXPECT_TRUE(check_password_policy(otp, "admin").is_ok()) << otp;
}

}  // namespace
}  // namespace steward::auth

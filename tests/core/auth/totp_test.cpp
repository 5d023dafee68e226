#include "auth/totp.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "auth/secret_box.hpp"

namespace steward::auth {
namespace {

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below), last 6 digits.
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Totp, MatchesTheRfc6238TestVectors) {
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");
}

TEST(Totp, AcceptsOneStepOfDriftAndEachStepOnce) {
  const std::time_t now = 1234567890;
  std::string code = totp_code(kRfcSecret, now);
  auto step = verify_totp(kRfcSecret, code, now + 30, 0);
  ASSERT_TRUE(step);
  EXPECT_FALSE(verify_totp(kRfcSecret, code, now, *step));  // replay
  EXPECT_FALSE(verify_totp(kRfcSecret, code, now + 120, 0));
  EXPECT_FALSE(verify_totp(kRfcSecret, "12345", now, 0));
  EXPECT_FALSE(verify_totp(kRfcSecret, "abcdef", now, 0));
}

TEST(Totp, SecretsUrisAndRecoveryCodes) {
  ASSERT_GE(sodium_init(), 0);
  std::string secret = new_totp_secret();
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_NE(
      totp_uri("Hope Bridge", "grace", secret).find("otpauth://totp/Hope%20Bridge:grace?secret="),
      std::string::npos);
  auto codes = new_recovery_codes();
  EXPECT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 9u);
}

TEST(SecretBox, SealsAndRefusesOtherKeysAndTampering) {
  ASSERT_GE(sodium_init(), 0);
  auto box = SecretBox::ephemeral();
  auto other = SecretBox::ephemeral();
  std::string sealed = box->seal("JBSWY3DPEHPK3PXP");
  EXPECT_EQ(sealed.find("JBSWY3DP"), std::string::npos);
  EXPECT_EQ(box->open(sealed).value(), "JBSWY3DPEHPK3PXP");
  EXPECT_FALSE(other->open(sealed));
  sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(box->open(sealed));
}

}  // namespace
}  // namespace steward::auth

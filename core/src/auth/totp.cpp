#include "auth/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#include "auth/tokens.hpp"

namespace steward::auth {
namespace {

constexpr unsigned kStep = 30;
constexpr unsigned kDigits = 6;

void ensure_oath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

std::optional<std::string> totp_decode(const std::string& base32) {
  ensure_oath();
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_decode(base32.data(), base32.size(), &out, &len) != OATH_OK) return std::nullopt;
  std::string secret(out, len);
  sodium_memzero(out, len);
  std::free(out);
  return secret;
}

std::string url_escape(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  ensure_oath();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  size_t len = 0;
  oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &len);
  std::string secret(out, len);
  std::free(out);
  sodium_memzero(raw, sizeof raw);
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string totp_uri(const std::string& issuer, const std::string& account,
                     const std::string& secret_base32) {
  return "otpauth://totp/" + url_escape(issuer) + ":" + url_escape(account) +
         "?secret=" + secret_base32 + "&issuer=" + url_escape(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

std::string totp_code(const std::string& secret_base32, std::time_t now) {
  auto secret = totp_decode(secret_base32);
  if (!secret) return "";
  char code[kDigits + 1] = {};
  oath_totp_generate(secret->data(), secret->size(), now, kStep, 0, kDigits, code);
  return code;
}

std::optional<long long> verify_totp(const std::string& secret_base32, std::string_view code,
                                     std::time_t now, long long last_step) {
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto secret = totp_decode(secret_base32);
  if (!secret) return std::nullopt;
  int position = 0;
  const std::string otp(code);
  int rc =
      oath_totp_validate2(secret->data(), secret->size(), now, kStep, 0, 1, &position, otp.c_str());
  if (rc < 0) return std::nullopt;
  const long long step = static_cast<long long>(now) / kStep + position;
  if (step <= last_step) return std::nullopt;
  return step;
}

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    std::string full = random_one_time_password();  // "abcd-efgh-jkmn-pqrs"
    codes.push_back(full.substr(0, 9));
  }
  return codes;
}

}  // namespace steward::auth

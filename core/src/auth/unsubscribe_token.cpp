#include "auth/unsubscribe_token.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "domain/date.hpp"
#include "domain/text.hpp"
#include "store/audit.hpp"
#include "store/email_preferences.hpp"
#include "store/soci_optional.hpp"

namespace steward::auth {
namespace {

constexpr const char* kKeySetting = "secret.unsubscribe_key";
constexpr std::size_t kIdBytes = 8;
constexpr std::size_t kTokenBytes = kIdBytes + crypto_auth_BYTES;

std::string message(long long id, std::string_view email, std::string_view purpose) {
  std::string m = "steward-unsubscribe\n";
  m.append(purpose);
  m += "\n" + std::to_string(id) + "\n" + domain::lower_ascii(email);
  return m;
}

std::string raw_token(const std::string& key, long long id, std::string_view email,
                      std::string_view purpose) {
  std::string raw(kTokenBytes, '\0');
  auto u = static_cast<unsigned long long>(id);
  for (std::size_t i = 0; i < kIdBytes; ++i) {
    raw[i] = static_cast<char>((u >> (8 * (kIdBytes - 1 - i))) & 0xff);
  }
  const std::string m = message(id, email, purpose);
  crypto_auth(reinterpret_cast<unsigned char*>(raw.data() + kIdBytes),
              reinterpret_cast<const unsigned char*>(m.data()), m.size(),
              reinterpret_cast<const unsigned char*>(key.data()));
  return raw;
}

Result<std::string> unsubscribe_decode(std::string_view token) {
  if (token.empty() || token.size() > 100) {
    return Status::invalid_field("token", "is not an unsubscribe link");
  }
  std::string raw(kTokenBytes + 8, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), token.data(),
                        token.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      len != kTokenBytes) {
    return Status::invalid_field("token", "is not an unsubscribe link");
  }
  raw.resize(len);
  return raw;
}

}  // namespace

Result<UnsubscribeSigner> UnsubscribeSigner::load(store::Unit& unit, const SecretBox& secrets,
                                                  bool create) {
  static_assert(crypto_auth_KEYBYTES == 32);
  const std::string name = kKeySetting;
  std::optional<std::string> sealed;
  unit.sql() << "SELECT value FROM settings WHERE key = :k", soci::use(name), soci::into(sealed);
  if (!unit.sql().got_data() || !sealed) {
    if (!create) return Status::invalid_field("token", "is not a valid unsubscribe link");
    std::string key(crypto_auth_KEYBYTES, '\0');
    crypto_auth_keygen(reinterpret_cast<unsigned char*>(key.data()));
    const std::string value = secrets.seal(key);
    const std::string now = domain::utc_now_iso();
    // Two first senders at once: the second insert does nothing and both read the winner's key.
    unit.sql() << "INSERT INTO settings (key, value, created_at, updated_at) VALUES (:k, :v, :c, "
                  ":u) ON CONFLICT (key) DO NOTHING",
        soci::use(name), soci::use(value), soci::use(now), soci::use(now);
    store::record_audit(unit, "create", "setting", 0, nullptr,
                        {{"key", name}, {"value", "(sealed)"}});
    unit.sql() << "SELECT value FROM settings WHERE key = :k", soci::use(name), soci::into(sealed);
    if (!sealed) return Status::internal("the unsubscribe key was not stored");
  }
  auto key = secrets.open(*sealed);
  if (!key || key->size() != crypto_auth_KEYBYTES) {
    return Status::invalid_field("token",
                                 "unsubscribe links cannot be checked: the key was sealed with "
                                 "another secret key file");
  }
  return UnsubscribeSigner(*key);
}

std::string UnsubscribeSigner::token(long long constituent_id, std::string_view email,
                                     std::string_view purpose) const {
  const std::string raw = raw_token(key_, constituent_id, email, purpose);
  std::string text(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                   '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

bool UnsubscribeSigner::matches(std::string_view token, long long constituent_id,
                                std::string_view email, std::string_view purpose) const {
  auto raw = unsubscribe_decode(token);
  if (!raw) return false;
  const std::string expected = raw_token(key_, constituent_id, email, purpose);
  return sodium_memcmp(raw->data(), expected.data(), kTokenBytes) == 0;
}

Result<long long> unsubscribe_token_constituent(std::string_view token) {
  auto raw = unsubscribe_decode(token);
  if (!raw) return raw.status();
  unsigned long long u = 0;
  for (std::size_t i = 0; i < kIdBytes; ++i) {
    u = (u << 8) | static_cast<unsigned char>((*raw)[i]);
  }
  auto id = static_cast<long long>(u);
  if (id <= 0) return Status::invalid_field("token", "is not an unsubscribe link");
  return id;
}

Result<UnsubscribeTarget> resolve_unsubscribe(store::Unit& unit, const UnsubscribeSigner& signer,
                                              std::string_view token) {
  auto id = unsubscribe_token_constituent(token);
  if (!id) return id.status();
  auto emails = store::email_preferences::addresses(unit, *id);
  if (!emails) return emails.status();
  for (const auto& email : *emails) {
    if (signer.matches(token, *id, email)) return UnsubscribeTarget{*id, email};
  }
  return Status::invalid_field("token", "is not a valid unsubscribe link");
}

}  // namespace steward::auth

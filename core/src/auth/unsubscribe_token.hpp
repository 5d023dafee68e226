// Signed unsubscribe links (docs/decisions/0162-email-appeals-and-unsubscribe.md).
//
// A token is base64url (no padding) of the constituent id (8 bytes, big-endian) followed by a
// libsodium crypto_auth tag (HMAC-SHA-512-256) over "steward-unsubscribe\n<purpose>\n<id>\n<email>"
// (the email lower-cased) under a 256-bit key made at random on first use and kept in the
// settings table ("secret.unsubscribe_key") sealed with the server's secret box
// (auth/secret_box.hpp, key file outside the database): a database copy alone cannot make
// links. The email is not in the link; the server finds it by checking the tag
// against the donor's addresses. Anyone holding the link can unsubscribe that one address, and
// nobody can make a link for another donor or address without the key. Tokens do not expire (a
// link in a years-old email must still work). Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "auth/secret_box.hpp"
#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::auth {

inline constexpr const char* kUnsubscribePurposeEmail = "email";

class UnsubscribeSigner {
 public:
  // The signer of this server: opens the sealed key, or (when `create`) makes and stores it the
  // first time (audited, in the caller's write unit). Errors: kInvalid ("token") when there is
  // no key yet and `create` is false, or it was sealed with another secret box key.
  static Result<UnsubscribeSigner> load(store::Unit& unit, const SecretBox& secrets, bool create);
  // A signer over a raw 32-byte key (tests).
  explicit UnsubscribeSigner(std::string key) : key_(std::move(key)) {}

  std::string token(long long constituent_id, std::string_view email,
                    std::string_view purpose = kUnsubscribePurposeEmail) const;
  // Whether `token` was made by token(constituent_id, email, purpose). Constant time.
  bool matches(std::string_view token, long long constituent_id, std::string_view email,
               std::string_view purpose = kUnsubscribePurposeEmail) const;

 private:
  std::string key_;
};

// The constituent id a token names (not yet verified). Errors: kInvalid ("token") when the text
// is not a token at all.
Result<long long> unsubscribe_token_constituent(std::string_view token);

struct UnsubscribeTarget {
  long long constituent_id = 0;
  std::string email;  // as on file
};
// The donor and address a token was made for, found by checking the tag against each of the
// donor's addresses. Errors: kInvalid ("token") for anything else: not a token, tampered, made
// with another key, or for an address no longer on file (the caller shows one page for all).
Result<UnsubscribeTarget> resolve_unsubscribe(store::Unit& unit, const UnsubscribeSigner& signer,
                                              std::string_view token);

}  // namespace steward::auth

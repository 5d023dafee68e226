// Contact points of a constituent: email addresses, phone numbers and postal addresses. Each
// kind has at most one primary per constituent (the store keeps exactly one when any exist).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

struct EmailInput {
  std::string email;
  std::string kind = "home";  // home | work | other
  bool is_primary = false;
};

struct Email : EmailInput {
  long long id = 0;
  long long constituent_id = 0;
  std::optional<std::string> unsubscribed_at;
  std::string created_at;
  std::string updated_at;
};

struct PhoneInput {
  std::string phone;            // as typed: "+82 10-1234-5678"
  std::string kind = "mobile";  // mobile | home | work | other
  bool is_primary = false;
};

struct Phone : PhoneInput {
  long long id = 0;
  long long constituent_id = 0;
  std::string phone_normalized;  // digits only: "821012345678"
  std::string created_at;
  std::string updated_at;
};

struct AddressInput {
  std::string kind = "home";  // home | work | mailing | other
  std::string line1;
  std::optional<std::string> line2;
  std::optional<std::string> line3;
  std::optional<std::string> city;
  std::optional<std::string> region;  // state / province / 도
  std::optional<std::string> postal_code;
  std::string country = "US";  // ISO 3166-1 alpha-2
  bool is_primary = false;
  bool undeliverable = false;  // mail came back: do not mail here
};

struct Address : AddressInput {
  long long id = 0;
  long long constituent_id = 0;
  std::string created_at;
  std::string updated_at;
};

// A plausible address: one '@', a non-empty local part, a dotted domain, no spaces.
bool is_plausible_email(std::string_view email);
// The digits of a phone number ("+1 (555) 010-2000" -> "15550102000").
std::string phone_digits(std::string_view phone);
// Whether `code` is an assigned ISO 3166-1 alpha-2 country code (upper case).
bool is_country_code(std::string_view code);

Status validate(const EmailInput& email);
Status validate(const PhoneInput& phone);
Status validate(const AddressInput& address);

}  // namespace steward::domain

// Small checks shared by every domain type's validate(). Each returns ok or an kInvalid Status
// naming the field.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

// Valid UTF-8 (no overlongs, no surrogates), no NUL or other control characters but tab and
// newline when `multiline`.
bool is_clean_text(std::string_view text, bool multiline = false);

// Required text: present, not blank, clean, at most max_length bytes.
Status require_text(std::string_view field, const std::string& value, std::size_t max_length = 200);
// Optional text: when present, clean and at most max_length bytes (blank is allowed).
Status check_text(std::string_view field, const std::optional<std::string>& value,
                  std::size_t max_length = 200, bool multiline = false);
// Value is one of `allowed`.
Status require_one_of(std::string_view field, const std::string& value,
                      std::initializer_list<std::string_view> allowed);
// Money with a known currency and an amount > 0.
Status require_positive_money(std::string_view field, const sdk::Money& money);
// Optional "YYYY-MM-DD".
Status check_date(std::string_view field, const std::optional<std::string>& value);
// Required "YYYY-MM-DD".
Status require_date(std::string_view field, const std::string& value);

// Returns the first non-ok status of a list of checks (or ok).
inline Status first_error(std::initializer_list<Status> checks) {
  for (const Status& s : checks) {
    if (!s.is_ok()) return s;
  }
  return Status::ok();
}

}  // namespace steward::domain

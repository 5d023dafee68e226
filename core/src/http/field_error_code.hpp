// A machine-readable code for one field error of a problem+json answer (errors[].code), so a
// client can word the error in its user's language (the web UI's Korean) and keep the English
// `message` as the fallback. Derived from the message the validators write (domain/validation,
// domain/date, domain/money, http/json_body): one place, pinned by field_error_code_test.cpp.
// Codes: required, too-long, too-short, invalid-date, invalid-amount, invalid-currency,
// unknown-field, wrong-type, invalid-text, not-found, negative, out-of-range (a number outside
// its bounds, read from the message), one-of (a word from a fixed list), invalid (anything else;
// the web UI words it generically in Korean with the English message after it).
#pragma once

#include <string>
#include <string_view>

namespace steward::http {

std::string field_error_code(std::string_view message);

}  // namespace steward::http

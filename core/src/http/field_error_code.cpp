#include "http/field_error_code.hpp"

#include <array>
#include <utility>

namespace steward::http {
namespace {

bool error_code_has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool starts(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string field_error_code(std::string_view m) {
  if (m == "is required" || m == "required" || starts(m, "required:") || m == "is empty") {
    return "required";
  }
  if (m == "is not a known field" || m == "unknown field") return "unknown-field";
  if (error_code_has(m, "is longer than") ||
      (error_code_has(m, "at most") && error_code_has(m, "characters")) ||
      error_code_has(m, "is too long")) {
    return "too-long";
  }
  if (error_code_has(m, "at least") && error_code_has(m, "characters")) return "too-short";
  if (error_code_has(m, "is not a date") || error_code_has(m, "is not a day of the calendar") ||
      starts(m, "must be a date") || error_code_has(m, "is outside the years")) {
    return "invalid-date";
  }
  if (error_code_has(m, "ISO 4217") || m == "unknown currency") return "invalid-currency";
  if (error_code_has(m, "is not an amount") || error_code_has(m, "decimal amount") ||
      error_code_has(m, "is not a decimal number") || error_code_has(m, "decimal places")) {
    return "invalid-amount";
  }
  if (m == "cannot be negative" || m == "must not be negative") return "negative";
  if (error_code_has(m, "without control characters")) return "invalid-text";
  // A number outside its range: "must be 1..500", "must be between 1 and 6000 messages a
  // minute", "must be a number from 1 to 500", "must be at least 1", "must be positive".
  if (starts(m, "must be ") &&
      (error_code_has(m, "..") || (error_code_has(m, " between ") && error_code_has(m, " and ")) ||
       (error_code_has(m, " from ") && error_code_has(m, " to ")) ||
       starts(m, "must be at least ") || m == "must be positive")) {
    return "out-of-range";
  }
  static constexpr std::array<std::string_view, 9> kTypes = {
      "must be a string",   "must be text",          "must be a whole number",
      "must be an integer", "must be a number",      "must be true or false",
      "must be an object",  "must be a JSON object", "must be an array"};
  for (std::string_view t : kTypes) {
    if (starts(m, t)) return "wrong-type";
  }
  if (ends(m, "does not exist") || starts(m, "no such ")) return "not-found";
  // A word from a fixed list: "must be one of queued, sent, ...", "must be json, csv or xlsx".
  if (starts(m, "must be one of ") ||
      (starts(m, "must be ") && error_code_has(m, " or ") && !error_code_has(m, "("))) {
    return "one-of";
  }
  return "invalid";
}

}  // namespace steward::http

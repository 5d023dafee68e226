// Small text helpers the domain, store, auth and engine layers share (standard library only).
// Text is UTF-8; these work on bytes and never split or change a multi-byte character.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace steward::domain {

// The number of Unicode code points (characters, not bytes) in valid UTF-8: a Hangul syllable
// counts as one.
inline std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `text` without leading and trailing spaces, tabs, CR and LF.
inline std::string trim(std::string_view text) {
  std::size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1));
}

// ASCII letters lowered; every other byte (Hangul, other scripts) unchanged.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// For a nullable text column: nullopt (SQL NULL) when the value is missing or only whitespace,
// otherwise the value as given (not trimmed).
inline std::optional<std::string> null_if_blank(const std::optional<std::string>& value) {
  if (!value || value->find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return value;
}

// nullopt (SQL NULL) for an empty string, otherwise the string.
inline std::optional<std::string> null_if_empty(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

}  // namespace steward::domain

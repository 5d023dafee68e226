#include "auth/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "domain/text.hpp"
#include "domain/validation.hpp"

namespace steward::auth {
namespace {

char unleet(char c) {
  switch (c) {
    case '0':
      return 'o';
    case '1':
    case '!':
      return 'i';
    case '3':
      return 'e';
    case '4':
    case '@':
      return 'a';
    case '5':
    case '$':
      return 's';
    case '7':
      return 't';
    default:
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
}

bool is_decoration(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) ||
         std::ispunct(static_cast<unsigned char>(c)) || c == ' ';
}

// Strips digits and symbols around the word, lowercases, undoes leetspeak inside it.
std::string base_word(std::string_view password) {
  std::size_t b = 0, e = password.size();
  while (b < e && is_decoration(password[b])) ++b;
  while (e > b && is_decoration(password[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) out += unleet(password[i]);
  return out;
}

// "passwordpassword" -> "password"; returns the text unchanged when it is not a repetition.
std::string shortest_repeat(const std::string& text) {
  for (std::size_t len = 1; len <= text.size() / 2; ++len) {
    if (text.size() % len) continue;
    bool repeats = true;
    for (std::size_t i = len; i < text.size() && repeats; ++i) repeats = text[i] == text[i % len];
    if (repeats) return text.substr(0, len);
  }
  return text;
}

// Every character continues a run on a keyboard row or in the alphabet/digits, either way.
bool is_run(const std::string& text) {
  static const std::string kRuns[] = {
      "`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "abcdefghijklmnopqrstuvwxyz",
      "01234567890"};
  if (text.size() < 2) return true;
  for (const std::string& run : kRuns) {
    std::string reversed(run.rbegin(), run.rend());
    if (run.find(text) != std::string::npos || reversed.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

Status too_common() {
  return Status::invalid_field("password",
                               "is too common or too easy to guess; try a passphrase of "
                               "several unrelated words");
}

}  // namespace

Status check_password_policy(std::string_view password, std::string_view username) {
  if (password.size() > kMaxPasswordBytes) {
    return Status::invalid_field("password", "must be at most 1024 bytes long");
  }
  if (!domain::is_clean_text(password)) {
    return Status::invalid_field("password", "must be UTF-8 text without control characters");
  }
  if (domain::code_points(password) < kMinPasswordLength) {
    return Status::invalid_field("password", "must be at least 12 characters long");
  }
  const std::string lowered = domain::lower_ascii(password);
  if (username.size() >= 3 && lowered.find(domain::lower_ascii(username)) != std::string::npos) {
    return Status::invalid_field("password", "must not contain the username");
  }
  const std::string base = base_word(password);
  const std::string unit = shortest_repeat(base);
  if (base.size() < 4 || is_common_password(base) || is_common_password(unit) || unit.size() <= 2 ||
      is_run(base) || is_run(unit) || is_run(lowered)) {
    return too_common();
  }
  return Status::ok();
}

}  // namespace steward::auth

#include "http/accept_encoding.hpp"

#include <cctype>
#include <string>

namespace steward::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The q value of one element's parameters ("q=0.5"); 1 when absent. Only "0", "0.0"... are
// zero; anything unreadable counts as acceptable (a client that names a coding wants it).
bool positive_q(std::string_view params) {
  while (!params.empty()) {
    const std::size_t semi = params.find(';');
    std::string_view p = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      std::string_view v = trim(p.substr(2));
      for (char c : v) {
        if (c != '0' && c != '.') return true;
      }
      return v.empty();
    }
  }
  return true;
}

}  // namespace

bool accepts_encoding(const std::optional<std::string>& header, std::string_view coding) {
  if (!header) return false;
  std::string_view rest(*header);
  std::optional<bool> named;
  std::optional<bool> any;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view element = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semi = element.find(';');
    std::string_view name = trim(element.substr(0, semi));
    const bool ok =
        positive_q(semi == std::string_view::npos ? std::string_view() : element.substr(semi + 1));
    if (same_word(name, coding)) named = ok;
    if (name == "*") any = ok;
  }
  if (named) return *named;
  return any.value_or(false);
}

}  // namespace steward::http

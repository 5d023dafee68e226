#include "ofx_values.hpp"

#include <array>
#include <string>

namespace steward::plugins::ofx {

int currency_digits(std::string_view currency) {
  static constexpr std::array<std::string_view, 17> kZero = {
      "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
      "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::array<std::string_view, 7> kThree = {"BHD", "IQD", "JOD", "KWD",
                                                             "LYD", "OMR", "TND"};
  for (auto c : kZero) {
    if (c == currency) return 0;
  }
  for (auto c : kThree) {
    if (c == currency) return 3;
  }
  if (currency == "CLF" || currency == "UYW") return 4;
  return 2;
}

bool valid_currency_code(std::string_view currency) {
  if (currency.size() != 3) return false;
  for (char c : currency) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::optional<std::int64_t> parse_ofx_amount(std::string_view text, std::string_view currency) {
  bool negative = false;
  std::string digits;  // the number without separators; `decimals` digits after the mark
  std::string cleaned;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') cleaned += c;
  }
  std::string_view s = cleaned;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  auto mark = s.find_last_of(".,");
  std::string_view whole = s;
  std::string_view fraction;
  if (mark != std::string_view::npos) {
    std::string_view after = s.substr(mark + 1);
    // The last '.' or ',' is the decimal mark, unless the same mark also appears earlier and
    // three digits follow it ("10.000.000": thousands separators only).
    bool is_decimal =
        !(after.size() == 3 && currency_digits(currency) != 3 && s.find_first_of(".,") != mark);
    if (is_decimal) {
      whole = s.substr(0, mark);
      fraction = after;
    }
  }
  for (char c : whole) {
    if (c == '.' || c == ',' || c == '\'') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  const int wanted = currency_digits(currency);
  int kept = 0;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    if (kept >= wanted) {
      if (c != '0') return std::nullopt;
      continue;
    }
    digits += c;
    ++kept;
  }
  if (digits.empty()) return std::nullopt;
  for (; kept < wanted; ++kept) digits += '0';
  std::int64_t value = 0;
  for (char c : digits) {
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, c - '0', &value))
      return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<sdk::Date> parse_ofx_date(std::string_view text) {
  if (text.size() < 8) return std::nullopt;
  for (std::size_t i = 0; i < 8; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  if (text.size() > 8 && !(text[8] >= '0' && text[8] <= '9') && text[8] != '[' && text[8] != '.')
    return std::nullopt;
  sdk::Date d{std::stoi(std::string(text.substr(0, 4))), std::stoi(std::string(text.substr(4, 2))),
              std::stoi(std::string(text.substr(6, 2)))};
  if (!d.valid()) return std::nullopt;
  return d;
}

}  // namespace steward::plugins::ofx

#include "decimal_amount.hpp"

#include <array>

namespace steward::plugins::camt053 {

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

std::optional<std::int64_t> parse_decimal_minor(std::string_view text, std::string_view currency) {
  const int digits = currency_digits(currency);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  int fraction = -1;  // -1 = no '.' seen yet
  bool any_digit = false;
  for (char c : text) {
    if (c == '.') {
      if (fraction >= 0) return std::nullopt;
      fraction = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (fraction >= 0 && ++fraction > digits) {
      if (c != '0') return std::nullopt;  // "12.500" in EUR is fine, "12.505" is not
      continue;
    }
    any_digit = true;
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, c - '0', &value))
      return std::nullopt;
  }
  if (!any_digit) return std::nullopt;
  for (int i = fraction < 0 ? 0 : fraction; i < digits; ++i) {
    if (__builtin_mul_overflow(value, 10, &value)) return std::nullopt;
  }
  return value;
}

}  // namespace steward::plugins::camt053

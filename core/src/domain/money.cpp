#include "domain/money.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <numeric>

namespace steward::domain {
namespace {

// 128-bit intermediates keep products of two 64-bit amounts exact (GCC/Clang extension).
__extension__ using i128 = __int128;

struct CurrencyInfo {
  std::string_view code;
  int digits;
};

// ISO 4217 active codes (2024 list). Kept sorted for binary search.
constexpr std::array kCurrencies = std::to_array<CurrencyInfo>({
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2},
    {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0},
    {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2},
    {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2},
    {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2},
    {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2},
    {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2},
    {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0},
    {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2},
    {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2},
    {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2},
    {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2},
    {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2},
    {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2},
    {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2},
    {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"UYU", 2}, {"UZS", 2}, {"VES", 2},
    {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2},
    {"ZAR", 2}, {"ZMW", 2}, {"ZWL", 2},
});

const CurrencyInfo* find_currency(std::string_view code) {
  auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                             [](const CurrencyInfo& c, std::string_view k) { return c.code < k; });
  if (it == kCurrencies.end() || it->code != code) return nullptr;
  return &*it;
}

std::int64_t pow10(int n) {
  std::int64_t v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

bool money_all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Parses "123.456" into an exact fraction num / 10^scale.
bool parse_decimal(std::string_view text, i128& num, int& scale, bool& negative) {
  negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() && frac.empty()) return false;
  if (!whole.empty() && !money_all_digits(whole)) return false;
  if (dot != std::string_view::npos && !money_all_digits(frac)) return false;
  if (whole.size() + frac.size() > 30) return false;
  num = 0;
  for (char c : whole) num = num * 10 + (c - '0');
  for (char c : frac) num = num * 10 + (c - '0');
  scale = static_cast<int>(frac.size());
  return true;
}

}  // namespace

bool is_valid_currency(std::string_view code) { return find_currency(code) != nullptr; }

int minor_unit_digits(std::string_view code) {
  const CurrencyInfo* info = find_currency(code);
  return info ? info->digits : 2;
}

Result<Money> parse_money(std::string_view text, std::string_view currency) {
  if (!is_valid_currency(currency)) {
    return Status::invalid_field("currency",
                                 "'" + std::string(currency) + "' is not an ISO 4217 code");
  }
  i128 num = 0;
  int scale = 0;
  bool negative = false;
  if (!parse_decimal(text, num, scale, negative)) {
    return Status::invalid_field("amount", "'" + std::string(text) + "' is not a decimal number");
  }
  int digits = minor_unit_digits(currency);
  if (scale > digits) {
    // Allow trailing zeros beyond the currency's precision ("10.50" for KRW is not fine, "10.0"
    // is).
    while (scale > digits && num % 10 == 0) {
      num /= 10;
      --scale;
    }
    if (scale > digits) {
      return Status::invalid_field("amount", std::string(currency) + " has " +
                                                 std::to_string(digits) + " decimal places; '" +
                                                 std::string(text) + "' has more");
    }
  }
  for (int i = scale; i < digits; ++i) num *= 10;
  if (num > std::numeric_limits<std::int64_t>::max()) {
    return Status::invalid_field("amount", "'" + std::string(text) + "' is too large");
  }
  auto minor = static_cast<std::int64_t>(num);
  return Money{negative ? -minor : minor, std::string(currency)};
}

std::string format_decimal(const Money& money) {
  int digits = minor_unit_digits(money.currency);
  i128 v = money.minor;
  bool negative = v < 0;
  if (negative) v = -v;
  auto base = static_cast<unsigned long long>(pow10(digits));
  auto whole = static_cast<unsigned long long>(v / base);
  auto frac = static_cast<unsigned long long>(v % base);
  std::string out = negative ? "-" : "";
  out += std::to_string(whole);
  if (digits > 0) {
    std::string f = std::to_string(frac);
    out += '.';
    out += std::string(static_cast<std::size_t>(digits) - f.size(), '0') + f;
  }
  return out;
}

Result<Money> convert(const Money& money, std::string_view to, std::string_view rate) {
  if (!is_valid_currency(to)) {
    return Status::invalid_field("currency", "'" + std::string(to) + "' is not an ISO 4217 code");
  }
  i128 rate_num = 0;
  int rate_scale = 0;
  bool rate_negative = false;
  if (!parse_decimal(rate, rate_num, rate_scale, rate_negative) || rate_negative || rate_num == 0) {
    return Status::invalid_field("exchange_rate",
                                 "'" + std::string(rate) + "' is not a positive rate");
  }
  // result_minor = minor * rate * 10^(to_digits - from_digits), rounded half away from zero.
  int shift = minor_unit_digits(to) - minor_unit_digits(money.currency);
  i128 numerator = static_cast<i128>(money.minor) * rate_num;
  i128 denominator = pow10(rate_scale);
  if (shift >= 0) {
    numerator *= pow10(shift);
  } else {
    denominator *= pow10(-shift);
  }
  bool negative = numerator < 0;
  if (negative) numerator = -numerator;
  i128 q = (numerator + denominator / 2) / denominator;
  if (q > std::numeric_limits<std::int64_t>::max()) {
    return Status::invalid_field("amount", "converted amount is too large");
  }
  auto minor = static_cast<std::int64_t>(q);
  return Money{negative ? -minor : minor, std::string(to)};
}

std::vector<std::int64_t> split_proportionally(std::int64_t total,
                                               const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  i128 sum = 0;
  for (auto w : weights) sum += w;
  if (weights.empty() || sum <= 0) return parts;
  std::vector<std::pair<i128, std::size_t>> remainders;
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    i128 exact = static_cast<i128>(total) * weights[i];
    parts[i] = static_cast<std::int64_t>(exact / sum);
    remainders.emplace_back(exact % sum, i);
    assigned += parts[i];
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::int64_t left = total - assigned;
  for (std::size_t k = 0; left != 0 && k < remainders.size(); ++k) {
    parts[remainders[k].second] += left > 0 ? 1 : -1;
    left += left > 0 ? -1 : 1;
  }
  return parts;
}

}  // namespace steward::domain

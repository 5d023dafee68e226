#include "steward/plugin_common/amount.hpp"

#include <array>
#include <limits>

#include "steward/plugin_common/text.hpp"

namespace steward::plugin_common {

namespace {

Status bad(std::string_view text, const std::string& why) {
  return Status::invalid("\"" + std::string(text) + "\" " + why);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Strips currency symbols and codes from the front (front=true) or back of `s`.
void strip_symbols(std::string_view& s, bool front) {
  static const std::array<std::string_view, 8> kSymbols = {"$",
                                                           "\xE2\x82\xAC" /* € */,
                                                           "\xC2\xA3" /* £ */,
                                                           "\xC2\xA5" /* ¥ */,
                                                           "\xE2\x82\xA9" /* ₩ */,
                                                           "\xEF\xBF\xA6" /* ￦ */,
                                                           "\xEC\x9B\x90" /* 원 */,
                                                           "\xE5\x86\x86" /* 円 */};
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    if (s.empty()) return;
    char c = front ? s.front() : s.back();
    if (is_alpha(c)) {
      front ? s.remove_prefix(1) : s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (auto sym : kSymbols) {
      if (front ? s.starts_with(sym) : s.ends_with(sym)) {
        front ? s.remove_prefix(sym.size()) : s.remove_suffix(sym.size());
        changed = true;
        break;
      }
    }
  }
}

bool take_sign(std::string_view& s, bool& negative) {
  s = trim(s);
  if (s.starts_with("-") || s.starts_with("+")) {
    negative = negative || s.front() == '-';
    s.remove_prefix(1);
    return true;
  }
  if (s.starts_with("\xE2\x88\x92")) {  // U+2212 MINUS SIGN
    negative = true;
    s.remove_prefix(3);
    return true;
  }
  if (s.ends_with("-")) {
    negative = true;
    s.remove_suffix(1);
    return true;
  }
  return false;
}

// The decimal separator of `body` (digits, '.' and ','; dots and commas counted), 0 for none:
// the style's when it names one; else the last of both when both occur; a single '.'; a single
// ',' unless exactly three digits follow it (then it groups thousands: "1,000").
char amount_decimal_separator(const std::string& body, DecimalStyle style, std::size_t dots,
                              std::size_t commas) {
  if (style == DecimalStyle::kDot) return '.';
  if (style == DecimalStyle::kComma) return ',';
  if (dots && commas) return body.find_last_of(".,") == body.rfind('.') ? '.' : ',';
  if (dots == 1) return '.';
  if (commas == 1) return body.size() - body.find(',') - 1 == 3 ? 0 : ',';
  return 0;
}

}  // namespace

std::optional<DecimalStyle> decimal_style_from_name(std::string_view name) {
  std::string n = lower_ascii(trim(name));
  if (n.empty() || n == "auto") return DecimalStyle::kAuto;
  if (n == "dot") return DecimalStyle::kDot;
  if (n == "comma") return DecimalStyle::kComma;
  return std::nullopt;
}

int currency_exponent(std::string_view code) {
  static const std::array<std::string_view, 17> kZero = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                                         "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                                         "VND", "VUV", "XAF", "XOF", "XPF"};
  static const std::array<std::string_view, 7> kThree = {"BHD", "IQD", "JOD", "KWD",
                                                         "LYD", "OMR", "TND"};
  std::string upper = normalize_currency(code);
  for (auto c : kZero) {
    if (upper == c) return 0;
  }
  for (auto c : kThree) {
    if (upper == c) return 3;
  }
  if (upper == "CLF" || upper == "UYW") return 4;
  return 2;
}

std::string normalize_currency(std::string_view code) {
  code = trim(code);
  if (code.size() != 3) return "";
  std::string out;
  for (char c : code) {
    if (!is_alpha(c)) return "";
    out.push_back(c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

Result<std::int64_t> parse_amount(std::string_view text, int exponent, DecimalStyle style) {
  std::string_view s = trim(text);
  if (s.empty()) return bad(text, "is empty");
  bool negative = false;
  if (s.starts_with("(") && s.ends_with(")")) {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  take_sign(s, negative);
  strip_symbols(s, true);
  strip_symbols(s, false);
  take_sign(s, negative);
  s = trim(s);
  if (s.empty()) return bad(text, "has no digits");

  // Normalise thousands separators that are not '.' or ',' away, remember . and , positions.
  std::string body;
  body.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c) || c == '.' || c == ',') {
      body.push_back(c);
    } else if (c == ' ' || c == '\'') {
      continue;
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
    } else if (c == '\xE2' && s.substr(i).starts_with("\xE2\x80\xAF")) {  // NARROW NBSP
      i += 2;
    } else {
      return bad(text, "is not a number");
    }
  }
  if (body.empty()) return bad(text, "has no digits");

  std::size_t dots = 0, commas = 0;
  for (char c : body) {
    dots += c == '.';
    commas += c == ',';
  }
  const char decimal = amount_decimal_separator(body, style, dots, commas);
  const char thousands = decimal == ',' ? '.' : decimal == '.' ? ',' : (dots ? '.' : ',');

  std::size_t decimal_at = decimal ? body.find(decimal) : std::string::npos;
  if (decimal_at != std::string::npos && body.find(decimal, decimal_at + 1) != std::string::npos) {
    return bad(text, std::string("has more than one decimal separator '") + decimal + "'");
  }
  std::string_view whole = std::string_view(body).substr(0, decimal_at);
  std::string_view fraction = decimal_at == std::string::npos
                                  ? std::string_view{}
                                  : std::string_view(body).substr(decimal_at + 1);

  std::int64_t value = 0;
  bool digits = false;
  char previous = 0;
  bool grouped = false;
  std::size_t group = 0;  // digits since the last thousands separator
  for (char c : whole) {
    if (c == thousands) {
      if (!digits || previous == thousands) return bad(text, "has a misplaced thousands separator");
      // Groups between separators have 3 digits (2 in Indian grouping: 12,34,567).
      if (grouped && group != 3 && group != 2) {
        return bad(text, "has a misplaced thousands separator");
      }
      grouped = true;
      group = 0;
    } else if (is_digit(c)) {
      ++group;
      if (__builtin_mul_overflow(value, 10, &value) ||
          __builtin_add_overflow(value, c - '0', &value))
        return bad(text, "is too large");
      digits = true;
    } else {
      return bad(text, "is not a number");
    }
    previous = c;
  }
  if (previous == thousands || (grouped && group != 3)) {
    return bad(text, "has a misplaced thousands separator");
  }
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    char c = fraction[i];
    if (!is_digit(c)) return bad(text, "has a separator after the decimal point");
    digits = true;
    if (static_cast<int>(i) >= exponent && c != '0') {
      return bad(text,
                 "has more decimals than the currency allows (" + std::to_string(exponent) + ")");
    }
  }
  if (!digits) return bad(text, "has no digits");
  for (int i = 0; i < exponent; ++i) {
    int d = static_cast<std::size_t>(i) < fraction.size() ? fraction[i] - '0' : 0;
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, d, &value))
      return bad(text, "is too large");
  }
  return negative ? -value : value;
}

}  // namespace steward::plugin_common

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

namespace {

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c < 0x80) {
      n = 0;
    } else if (c >= 0xC2 && c < 0xE0) {
      n = 1;
    } else if (c >= 0xE0 && c < 0xF0) {
      n = 2;
    } else if (c >= 0xF0 && c < 0xF5) {
      n = 3;
    } else {
      return false;
    }
    if (i + n >= s.size() && n > 0) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string ensure_utf8(std::string_view text) {
  if (valid_utf8(text)) return std::string(text);
  // Windows-1252 0x80..0x9F; unassigned positions become U+FFFD.
  static constexpr char32_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    append_utf8(out, c >= 0x80 && c < 0xA0 ? kHigh[c - 0x80] : static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace steward::plugins::ofx

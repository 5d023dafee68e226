#include "domain/validation.hpp"

#include "domain/date.hpp"
#include "domain/money.hpp"

namespace steward::domain {

bool is_clean_text(std::string_view text, bool multiline) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) return false;
      if (c == 0x7f) return false;
      ++i;
      continue;
    }
    std::size_t len;
    unsigned cp;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += len;
  }
  return true;
}

namespace {
bool is_blank(std::string_view v) {
  return v.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
}  // namespace

Status require_text(std::string_view field, const std::string& value, std::size_t max_length) {
  std::string f(field);
  if (is_blank(value)) return Status::invalid_field(f, "is required");
  if (!is_clean_text(value))
    return Status::invalid_field(f, "must be UTF-8 text without control characters");
  if (value.size() > max_length) {
    return Status::invalid_field(f, "is longer than " + std::to_string(max_length) + " bytes");
  }
  return Status::ok();
}

Status check_text(std::string_view field, const std::optional<std::string>& value,
                  std::size_t max_length, bool multiline) {
  if (!value) return Status::ok();
  std::string f(field);
  if (!is_clean_text(*value, multiline)) {
    return Status::invalid_field(f, "must be UTF-8 text without control characters");
  }
  if (value->size() > max_length) {
    return Status::invalid_field(f, "is longer than " + std::to_string(max_length) + " bytes");
  }
  return Status::ok();
}

Status require_one_of(std::string_view field, const std::string& value,
                      std::initializer_list<std::string_view> allowed) {
  std::string list;
  for (auto a : allowed) {
    if (value == a) return Status::ok();
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return Status::invalid_field(std::string(field), "'" + value + "' is not one of: " + list);
}

Status require_positive_money(std::string_view field, const sdk::Money& money) {
  if (!is_valid_currency(money.currency)) {
    return Status::invalid_field(std::string(field) + ".currency",
                                 "'" + money.currency + "' is not an ISO 4217 currency code");
  }
  if (money.minor <= 0)
    return Status::invalid_field(std::string(field), "must be greater than zero");
  return Status::ok();
}

Status check_date(std::string_view field, const std::optional<std::string>& value) {
  if (!value) return Status::ok();
  return require_date(field, *value);
}

Status require_date(std::string_view field, const std::string& value) {
  auto parsed = Date::parse(value, field);
  return parsed.is_ok() ? Status::ok() : parsed.status();
}

}  // namespace steward::domain

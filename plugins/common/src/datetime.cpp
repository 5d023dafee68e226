#include "steward/plugin_common/datetime.hpp"

#include <string>

#include "steward/plugin_common/text.hpp"

namespace steward::plugin_common {

namespace {

bool is_date_digit(char c) { return c >= '0' && c <= '9'; }

Status bad_datetime(std::string_view text, const std::string& why) {
  return Status::invalid("\"" + std::string(text) + "\" " + why);
}

// Reads 1..max_digits digits; returns the count read (0 = none).
std::size_t read_number(std::string_view s, std::size_t& pos, int& value, std::size_t max_digits) {
  std::size_t start = pos;
  value = 0;
  while (pos < s.size() && is_date_digit(s[pos]) && pos - start < max_digits) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos - start;
}

struct DateParts {
  int a = 0, b = 0, c = 0;
  std::size_t a_digits = 0, c_digits = 0;
  char sep = 0;
  bool compact = false;  // 20260131
};

bool read_date_parts(std::string_view s, std::size_t& pos, DateParts& p) {
  std::size_t start = pos;
  int v = 0;
  std::size_t n = read_number(s, pos, v, 8);
  if (n == 8) {
    p.compact = true;
    p.a = v / 10000;
    p.b = v / 100 % 100;
    p.c = v % 100;
    p.a_digits = 4;
    return true;
  }
  pos = start;
  p.a_digits = read_number(s, pos, p.a, 4);
  if (p.a_digits == 0 || pos >= s.size()) return false;
  p.sep = s[pos];
  if (p.sep != '-' && p.sep != '/' && p.sep != '.') return false;
  ++pos;
  if (read_number(s, pos, p.b, 2) == 0 || pos >= s.size() || s[pos] != p.sep) return false;
  ++pos;
  p.c_digits = read_number(s, pos, p.c, 4);
  if (p.c_digits == 0) return false;
  if (p.sep == '.' && pos < s.size() && s[pos] == '.') ++pos;  // "2026.01.31." (Korean banks)
  return true;
}

int full_year(int year, std::size_t digits) {
  if (digits > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

Status read_time(std::string_view text, std::string_view s, std::size_t pos, DateTime& out) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T' || s[pos] == 't')) ++pos;
  if (pos >= s.size()) return {};
  int h = 0, m = 0, sec = 0;
  if (read_number(s, pos, h, 2) == 0 || pos >= s.size() || s[pos] != ':') {
    return bad_datetime(text, "has an unreadable time");
  }
  ++pos;
  if (read_number(s, pos, m, 2) != 2) return bad_datetime(text, "has an unreadable time");
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (read_number(s, pos, sec, 2) != 2) return bad_datetime(text, "has an unreadable time");
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && is_date_digit(s[pos])) ++pos;
    }
  }
  while (pos < s.size() && s[pos] == ' ') ++pos;
  std::string_view rest = s.substr(pos);
  if (starts_with_nocase(rest, "AM") || starts_with_nocase(rest, "PM")) {
    if (h < 1 || h > 12) return bad_datetime(text, "has an hour outside 1-12 with AM/PM");
    bool pm = starts_with_nocase(rest, "PM");
    h = (h % 12) + (pm ? 12 : 0);
    rest.remove_prefix(2);
    rest = trim(rest);
  }
  if (!rest.empty()) {
    if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") {
      out.utc_offset_minutes = 0;
    } else if (rest[0] == '+' || rest[0] == '-') {
      std::size_t p = 1;
      int oh = 0, om = 0;
      if (read_number(rest, p, oh, 2) != 2)
        return bad_datetime(text, "has an unreadable time zone offset");
      if (p < rest.size() && rest[p] == ':') ++p;
      if (p < rest.size() && read_number(rest, p, om, 2) != 2)
        return bad_datetime(text, "has an unreadable time zone offset");
      if (p != rest.size() || oh > 18 || om > 59)
        return bad_datetime(text, "has an unreadable time zone offset");
      out.utc_offset_minutes = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
      return bad_datetime(text, "has unexpected text after the time");
    }
  }
  if (h > 23 || m > 59 || sec > 60) return bad_datetime(text, "has a time out of range");
  out.has_time = true;
  out.hour = h;
  out.minute = m;
  out.second = sec;
  return {};
}

}  // namespace

DateOrder infer_order(std::string_view text) {
  std::string_view s = trim(text);
  std::size_t pos = 0;
  DateParts p;
  if (!read_date_parts(s, pos, p) || p.compact || p.a_digits > 2) return DateOrder::kAuto;
  if (p.sep == '.') return DateOrder::kDmy;
  if (p.a > 12 && p.b <= 12) return DateOrder::kDmy;
  if (p.b > 12 && p.a <= 12) return DateOrder::kMdy;
  return DateOrder::kAuto;
}

Result<DateTime> parse_datetime(std::string_view text, DateOrder order, DateOrder ambiguous) {
  std::string_view s = trim(text);
  if (s.empty()) return bad_datetime(text, "is empty");
  std::size_t pos = 0;
  DateParts p;
  if (!read_date_parts(s, pos, p)) return bad_datetime(text, "is not a date");
  DateTime out;
  if (p.a_digits > 2) {  // year first
    out.date = {p.a, p.b, p.c};
  } else {
    DateOrder use = order;
    if (use != DateOrder::kMdy && use != DateOrder::kDmy) {
      use = infer_order(s);
      if (use == DateOrder::kAuto)
        use = ambiguous == DateOrder::kDmy ? DateOrder::kDmy : DateOrder::kMdy;
    }
    int year = full_year(p.c, p.c_digits);
    out.date = use == DateOrder::kDmy ? sdk::Date{year, p.b, p.a} : sdk::Date{year, p.a, p.b};
  }
  if (!out.date.valid()) return bad_datetime(text, "is not a calendar date");
  if (Status s2 = read_time(text, s, pos, out); !s2) return s2;
  return out;
}

Result<DateTime> FileDateReader::parse(std::string_view text) {
  if (configured_ == DateOrder::kMdy || configured_ == DateOrder::kDmy) {
    return parse_datetime(text, configured_, configured_);
  }
  if (learned_ == DateOrder::kAuto) learned_ = infer_order(text);
  return parse_datetime(text, DateOrder::kAuto,
                        learned_ == DateOrder::kAuto ? fallback_ : learned_);
}

std::optional<DateOrder> date_order_from_name(std::string_view name) {
  std::string n = lower_ascii(trim(name));
  if (n.empty() || n == "auto") return DateOrder::kAuto;
  if (n == "ymd" || n == "yyyy-mm-dd") return DateOrder::kYmd;
  if (n == "mdy" || n == "mm/dd/yyyy" || n == "m/d/yyyy") return DateOrder::kMdy;
  if (n == "dmy" || n == "dd/mm/yyyy" || n == "dd.mm.yyyy" || n == "d/m/yyyy")
    return DateOrder::kDmy;
  return std::nullopt;
}

}  // namespace steward::plugin_common

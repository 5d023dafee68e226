#include "domain/date.hpp"

#include <cstdio>
#include <ctime>

namespace steward::domain {
namespace {

namespace ch = std::chrono;

bool date_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Date::Date(int y, unsigned m, unsigned d)
    : days_(ch::sys_days(ch::year_month_day(ch::year(y), ch::month(m), ch::day(d)))) {}

Result<Date> Date::parse(std::string_view text, std::string_view field) {
  auto bad = [&](const std::string& why) {
    return Status::invalid_field(std::string(field), "'" + std::string(text) + "' " + why);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !date_digits(text.substr(0, 4)) ||
      !date_digits(text.substr(5, 2)) || !date_digits(text.substr(8, 2))) {
    return bad("is not a date in YYYY-MM-DD form");
  }
  int y = to_int(text.substr(0, 4));
  unsigned m = static_cast<unsigned>(to_int(text.substr(5, 2)));
  unsigned d = static_cast<unsigned>(to_int(text.substr(8, 2)));
  ch::year_month_day ymd{ch::year(y), ch::month(m), ch::day(d)};
  if (!ymd.ok()) return bad("is not a day of the calendar");
  if (y < 1900 || y > 2200) return bad("is outside the years 1900-2200");
  return Date(ch::sys_days(ymd));
}

Date Date::today() { return Date(ch::floor<ch::days>(ch::system_clock::now())); }

int Date::year() const { return static_cast<int>(ch::year_month_day(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ch::year_month_day(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ch::year_month_day(days_).day()); }

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::optional<std::string> date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_string();
}

unsigned last_day_of_month(int y, unsigned m) {
  return static_cast<unsigned>(
      ch::year_month_day_last(ch::year(y), ch::month_day_last(ch::month(m))).day());
}

Date Date::add_months(int n, unsigned anchor_day) const {
  int total = year() * 12 + static_cast<int>(month()) - 1 + n;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  auto m = static_cast<unsigned>(total - y * 12 + 1);
  unsigned last = last_day_of_month(y, m);
  unsigned d = anchor_day == 0 ? 1 : anchor_day;
  return Date(y, m, d > last ? last : d);
}

int fiscal_year(const Date& date, unsigned start_month) {
  if (start_month <= 1) return date.year();
  return date.month() >= start_month ? date.year() + 1 : date.year();
}

Date fiscal_year_start(int fy, unsigned start_month) {
  if (start_month <= 1) return Date(fy, 1, 1);
  return Date(fy - 1, start_month, 1);
}

Date fiscal_year_end(int fy, unsigned start_month) {
  return fiscal_year_start(fy + 1, start_month).add_days(-1);
}

std::string utc_now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string normalize_timestamp(std::string_view text) {
  if (text.size() < 19) return std::string(text);
  std::string out(text.substr(0, 19));
  out[10] = 'T';
  // Offsets other than UTC are applied so the result is always UTC.
  std::string_view rest = text.substr(19);
  while (!rest.empty() && (rest.front() == '.' || (rest.front() >= '0' && rest.front() <= '9'))) {
    rest.remove_prefix(1);
  }
  int offset_minutes = 0;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    int sign = rest.front() == '-' ? -1 : 1;
    rest.remove_prefix(1);
    int hh = rest.size() >= 2 && date_digits(rest.substr(0, 2)) ? to_int(rest.substr(0, 2)) : 0;
    int mm = 0;
    if (rest.size() >= 5 && rest[2] == ':' && date_digits(rest.substr(3, 2)))
      mm = to_int(rest.substr(3, 2));
    if (rest.size() >= 4 && rest[2] != ':' && date_digits(rest.substr(2, 2)))
      mm = to_int(rest.substr(2, 2));
    offset_minutes = sign * (hh * 60 + mm);
  }
  if (offset_minutes != 0) {
    std::tm tm{};
    if (std::sscanf(out.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) == 6) {
      tm.tm_year -= 1900;
      tm.tm_mon -= 1;
      std::time_t t = timegm(&tm) - offset_minutes * 60;
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
      out = buf;
    }
  }
  return out + "Z";
}

Instant now_instant() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<Instant> parse_instant(std::string_view text) {
  const std::string norm = normalize_timestamp(text);
  if (norm.size() != 20 || norm[4] != '-' || norm[7] != '-' || norm[10] != 'T' || norm[13] != ':' ||
      norm[16] != ':' || norm[19] != 'Z') {
    return std::nullopt;
  }
  auto date = Date::parse(std::string_view(norm).substr(0, 10));
  if (!date) return std::nullopt;
  auto number = [&](std::size_t at) { return (norm[at] - '0') * 10 + (norm[at + 1] - '0'); };
  for (std::size_t at : {11u, 14u, 17u}) {
    if (norm[at] < '0' || norm[at] > '9' || norm[at + 1] < '0' || norm[at + 1] > '9') {
      return std::nullopt;
    }
  }
  int h = number(11), m = number(14), sec = number(17);
  if (h > 23 || m > 59 || sec > 60) return std::nullopt;
  return Instant(date.value().days()) + std::chrono::hours(h) + std::chrono::minutes(m) +
         std::chrono::seconds(sec);
}

std::string format_instant(Instant instant) {
  std::time_t t = std::chrono::system_clock::to_time_t(instant);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace steward::domain

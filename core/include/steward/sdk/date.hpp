// steward/sdk/date.hpp: a civil (calendar) date with no time zone, e.g. a gift's date.
//
// Plain value: year, month 1-12, day 1-31. `valid()` checks the calendar (leap years included).
// `iso()` formats YYYY-MM-DD, the form used everywhere in Steward's API and database.
//
// Thread-safety: a plain value type.
#pragma once

#include <cstdio>
#include <string>

namespace steward::sdk {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

  bool valid() const {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= max;
  }

  std::string iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }

  // Parses "YYYY-MM-DD"; returns false (and leaves `out` alone) on anything else.
  static bool parse(const std::string& text, Date& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)),
           std::stoi(text.substr(8, 2))};
    if (!d.valid()) return false;
    out = d;
    return true;
  }
};

}  // namespace steward::sdk

// Calendar dates (a gift's received-on day) and UTC instants, with the arithmetic fundraising
// needs: month steps that clamp to short months, fiscal years, ISO text. No time zones here:
// a Date is a civil day, an instant is always UTC. Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

class Date {
 public:
  Date() = default;  // 1970-01-01
  explicit Date(std::chrono::sys_days days) : days_(days) {}
  Date(int year, unsigned month, unsigned day);  // caller guarantees validity (see parse)

  // Parses "YYYY-MM-DD" exactly; anything else (or 2025-02-30) is an error naming `field`.
  static Result<Date> parse(std::string_view text, std::string_view field = "date");
  // Today in UTC.
  static Date today();

  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::chrono::sys_days days() const { return days_; }
  std::string to_string() const;  // "YYYY-MM-DD"

  Date add_days(int n) const { return Date(days_ + std::chrono::days(n)); }
  // Adds calendar months keeping `anchor_day` (1..31), clamped to the month's last day:
  // Jan 31 + 1 month = Feb 28 (or 29), and the next step returns to Mar 31.
  Date add_months(int n, unsigned anchor_day) const;
  Date add_months(int n) const { return add_months(n, day()); }
  int days_until(const Date& other) const { return (other.days_ - days_).count(); }

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days days_{};
};

// "YYYY-MM-DD" for a date, nullopt (SQL NULL) for none: how an optional date is bound.
std::optional<std::string> date_text(const std::optional<Date>& date);

// The last day of a month: 28..31.
unsigned last_day_of_month(int year, unsigned month);

// The fiscal year a date falls in, named by the calendar year in which it ends (a July-start
// fiscal year running 2025-07-01..2026-06-30 is FY2026). start_month 1 = calendar years.
int fiscal_year(const Date& date, unsigned start_month);
// First and last day of fiscal year `fy` for a given start month.
Date fiscal_year_start(int fy, unsigned start_month);
Date fiscal_year_end(int fy, unsigned start_month);

// UTC instant as "YYYY-MM-DDTHH:MM:SSZ" (what the database stores and the API returns).
std::string utc_now_iso();
// Normalises a database timestamp ("2025-01-02 03:04:05+00", "2025-01-02T03:04:05Z",
// "2025-01-02 03:04:05.123456+00:00") to "YYYY-MM-DDTHH:MM:SSZ". Text without a zone is UTC.
std::string normalize_timestamp(std::string_view text);

// UTC instants as seconds, for timeouts and windows ("was this session seen in the last 30
// minutes"). parse_instant accepts what normalize_timestamp accepts; nullopt otherwise.
using Instant = std::chrono::sys_seconds;
Instant now_instant();
std::optional<Instant> parse_instant(std::string_view text);
std::string format_instant(Instant instant);  // "YYYY-MM-DDTHH:MM:SSZ"

}  // namespace steward::domain

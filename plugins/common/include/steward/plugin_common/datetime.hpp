// steward/plugin_common/datetime.hpp: the dates and times payment exports print.
//
// Accepted: 2026-01-31, 2026/01/31, 2026.01.31, 20260131, with an optional time
// ("T14:05", " 14:05:06", ".123" seconds fraction, "Z", "+09:00", "+0900", " UTC", " 2:05 PM");
// day-month-year and month-day-year forms 31.01.2026, 31/01/2026, 1/31/2026, 1-31-26 (two-digit
// years are 20yy below 70, else 19yy). Which of day and month comes first is `order`; kAuto
// decides from the value (a first number above 12 is a day; dots mean day-first) and falls back
// to `ambiguous` when both numbers are 12 or less.
#pragma once

#include <optional>
#include <string_view>

#include "steward/sdk/date.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugin_common {

enum class DateOrder { kAuto, kYmd, kMdy, kDmy };

struct DateTime {
  sdk::Date date;
  bool has_time = false;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::optional<int> utc_offset_minutes;  // when the text gave a zone ("Z", "+09:00")
};

Result<DateTime> parse_datetime(std::string_view text, DateOrder order = DateOrder::kAuto,
                                DateOrder ambiguous = DateOrder::kMdy);

// For day/month forms: kDmy or kMdy when the value itself decides (a number above 12 or a
// dotted date), kAuto when it cannot (both 12 or less, or a year-first form).
DateOrder infer_order(std::string_view text);

// "auto", "ymd", "mdy", "dmy" (also "YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY").
std::optional<DateOrder> date_order_from_name(std::string_view name);

// Parses the dates of one file: a configured order wins; with kAuto the first date that
// decides the order (29/12/2015) fixes it for the rest of the file, so 12/02/2016 after it is
// read the same way; before any such date, ambiguous values use `fallback`.
class FileDateReader {
 public:
  explicit FileDateReader(DateOrder configured = DateOrder::kAuto,
                          DateOrder fallback = DateOrder::kMdy)
      : configured_(configured), fallback_(fallback) {}
  void reset() { learned_ = DateOrder::kAuto; }
  void set_fallback(DateOrder fallback) { fallback_ = fallback; }
  Result<DateTime> parse(std::string_view text);

 private:
  DateOrder configured_;
  DateOrder fallback_;
  DateOrder learned_ = DateOrder::kAuto;
};

}  // namespace steward::plugin_common

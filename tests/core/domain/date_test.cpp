#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

TEST(Date, ParsesOnlyRealIsoDays) {
  EXPECT_EQ(d("2024-02-29").to_string(), "2024-02-29");
  for (const char* bad :
       {"2025-02-29", "2025-13-01", "2025-1-01", "01/02/2025", "", "2025-04-31", "1800-01-01"}) {
    auto r = Date::parse(bad, "received_on");
    ASSERT_FALSE(r.is_ok()) << bad;
    EXPECT_EQ(r.status().fields().at(0).field, "received_on");
  }
}

TEST(Date, MonthStepsClampToShortMonthsAndKeepTheAnchor) {
  Date jan31 = d("2025-01-31");
  EXPECT_EQ(jan31.add_months(1, 31).to_string(), "2025-02-28");
  EXPECT_EQ(jan31.add_months(2, 31).to_string(), "2025-03-31");
  EXPECT_EQ(jan31.add_months(3, 31).to_string(), "2025-04-30");
  EXPECT_EQ(d("2024-01-30").add_months(1, 30).to_string(), "2024-02-29");  // leap year
  EXPECT_EQ(d("2025-02-28").add_months(1, 29).to_string(), "2025-03-29");  // anchor restored
  EXPECT_EQ(d("2025-11-15").add_months(3).to_string(), "2026-02-15");      // year rollover
  EXPECT_EQ(d("2025-02-15").add_months(-3).to_string(), "2024-11-15");
  EXPECT_EQ(d("2024-02-29").add_months(12).to_string(), "2025-02-28");
}

TEST(Date, KnowsTheLastDayOfEveryMonth) {
  EXPECT_EQ(last_day_of_month(2025, 2), 28u);
  EXPECT_EQ(last_day_of_month(2024, 2), 29u);
  EXPECT_EQ(last_day_of_month(2100, 2), 28u);
  EXPECT_EQ(last_day_of_month(2000, 2), 29u);
  EXPECT_EQ(last_day_of_month(2025, 4), 30u);
  EXPECT_EQ(last_day_of_month(2025, 12), 31u);
}

TEST(Date, FiscalYearsAreNamedByTheYearTheyEnd) {
  EXPECT_EQ(fiscal_year(d("2025-12-31"), 1), 2025);
  EXPECT_EQ(fiscal_year(d("2025-06-30"), 7), 2025);
  EXPECT_EQ(fiscal_year(d("2025-07-01"), 7), 2026);
  EXPECT_EQ(fiscal_year_start(2026, 7).to_string(), "2025-07-01");
  EXPECT_EQ(fiscal_year_end(2026, 7).to_string(), "2026-06-30");
  EXPECT_EQ(fiscal_year_start(2025, 1).to_string(), "2025-01-01");
  EXPECT_EQ(fiscal_year_end(2025, 1).to_string(), "2025-12-31");
  EXPECT_EQ(fiscal_year_end(2024, 3).to_string(), "2024-02-29");
}

TEST(Date, DayArithmetic) {
  EXPECT_EQ(d("2024-12-31").add_days(1).to_string(), "2025-01-01");
  EXPECT_EQ(d("2025-03-01").add_days(-1).to_string(), "2025-02-28");
  EXPECT_EQ(d("2025-01-01").days_until(d("2025-12-31")), 364);
  EXPECT_LT(d("2025-01-01"), d("2025-01-02"));
}

TEST(Timestamp, NormalisesDatabaseTextToUtcIso) {
  EXPECT_EQ(normalize_timestamp("2025-01-02 03:04:05+00"), "2025-01-02T03:04:05Z");
  EXPECT_EQ(normalize_timestamp("2025-01-02 03:04:05.123456+00"), "2025-01-02T03:04:05Z");
  EXPECT_EQ(normalize_timestamp("2025-01-02T03:04:05Z"), "2025-01-02T03:04:05Z");
  EXPECT_EQ(normalize_timestamp("2025-01-02 03:04:05+09"), "2025-01-01T18:04:05Z");
  EXPECT_EQ(normalize_timestamp("2025-01-02 03:04:05-05:30"), "2025-01-02T08:34:05Z");
  EXPECT_EQ(utc_now_iso().size(), 20u);
}

}  // namespace
}  // namespace steward::domain

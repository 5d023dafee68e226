#include "domain/recurring_schedule.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

Date day(const char* text) { return Date::parse(text).value(); }

Schedule monthly(unsigned anchor, const char* start) {
  return Schedule{Frequency::kMonthly, anchor, day(start), std::nullopt};
}

TEST(RecurringSchedule, AnchorOn31stFallsOnLastDayOfShortMonthsAndReturns) {
  Schedule s = monthly(31, "2025-01-15");
  EXPECT_EQ(occurrence(s, 0)->to_string(), "2025-01-31");
  EXPECT_EQ(occurrence(s, 1)->to_string(), "2025-02-28");
  EXPECT_EQ(occurrence(s, 2)->to_string(), "2025-03-31");
  EXPECT_EQ(occurrence(s, 3)->to_string(), "2025-04-30");
  Schedule leap = monthly(30, "2024-01-30");
  EXPECT_EQ(occurrence(leap, 1)->to_string(), "2024-02-29");
  EXPECT_EQ(occurrence(leap, 2)->to_string(), "2024-03-30");
}

TEST(RecurringSchedule, FirstInstallmentIsFirstAnchorOnOrAfterStart) {
  EXPECT_EQ(occurrence(monthly(10, "2025-03-10"), 0)->to_string(), "2025-03-10");
  EXPECT_EQ(occurrence(monthly(5, "2025-03-10"), 0)->to_string(), "2025-04-05");
  Schedule q{Frequency::kQuarterly, 29, day("2025-11-30"), std::nullopt};
  EXPECT_EQ(occurrence(q, 0)->to_string(), "2026-02-28");
  EXPECT_EQ(occurrence(q, 1)->to_string(), "2026-05-29");
}

TEST(RecurringSchedule, WeeklyStepsSevenDaysAndEndsOnEndDate) {
  Schedule w{Frequency::kWeekly, 1, day("2025-12-29"), day("2026-01-12")};
  auto all = occurrences_between(w, day("2025-01-01"), day("2027-01-01"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].to_string(), "2026-01-12");
  EXPECT_FALSE(occurrence(w, 3).has_value());
  EXPECT_FALSE(next_on_or_after(w, day("2026-01-13")).has_value());
}

TEST(RecurringSchedule, NextAndPeriodIndexAgree) {
  Schedule s = monthly(31, "2025-01-01");
  EXPECT_EQ(next_on_or_after(s, day("2025-02-01"))->to_string(), "2025-02-28");
  EXPECT_EQ(next_on_or_after(s, day("2025-02-28"))->to_string(), "2025-02-28");
  EXPECT_EQ(period_index(s, day("2025-01-30")), -1);
  EXPECT_EQ(period_index(s, day("2025-01-31")), 0);
  EXPECT_EQ(period_index(s, day("2025-02-27")), 0);
  EXPECT_EQ(period_index(s, day("2025-02-28")), 1);
  EXPECT_EQ(period_index(s, day("2027-12-31")), 35);
}

TEST(RecurringSchedule, YearlyOnFeb29) {
  Schedule y{Frequency::kYearly, 29, day("2024-02-01"), std::nullopt};
  auto all = occurrences_between(y, day("2024-01-01"), day("2028-12-31"));
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].to_string(), "2024-02-29");
  EXPECT_EQ(all[1].to_string(), "2025-02-28");
  EXPECT_EQ(all[4].to_string(), "2028-02-29");
}

TEST(RecurringSchedule, MonthlyEquivalents) {
  EXPECT_EQ(monthly_equivalent_minor(5000, Frequency::kMonthly), 5000);
  EXPECT_EQ(monthly_equivalent_minor(1000, Frequency::kWeekly), 4333);  // 43.333...
  EXPECT_EQ(monthly_equivalent_minor(60000, Frequency::kQuarterly), 20000);
  EXPECT_EQ(monthly_equivalent_minor(100, Frequency::kYearly), 8);  // 8.33
  EXPECT_EQ(monthly_equivalent_minor(6, Frequency::kYearly), 1);    // 0.5 rounds up
}

TEST(RecurringSchedule, ParseAndValidateNameTheField) {
  EXPECT_EQ(parse_frequency("monthly").value(), Frequency::kMonthly);
  auto bad = parse_frequency("fortnightly");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "frequency");
  Schedule s = monthly(32, "2025-01-01");
  EXPECT_EQ(validate(s).fields().at(0).field, "anchor_day");
  Schedule e{Frequency::kMonthly, 1, day("2025-02-01"), day("2025-01-01")};
  EXPECT_EQ(validate(e).fields().at(0).field, "ends_on");
}

}  // namespace
}  // namespace steward::domain

// When a thank-you is due (decision 0220): the end of the day received (UTC) plus the window.
#include "domain/thank_deadline.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

Date day(const char* text) { return Date::parse(text).value(); }
Instant at(const char* text) { return parse_instant(text).value(); }

TEST(ThankDeadline, IsTheWindowAfterTheEndOfTheDayReceived) {
  EXPECT_EQ(format_instant(thank_due_by(day("2026-11-17"), 48)), "2026-11-20T00:00:00Z");
  EXPECT_EQ(format_instant(thank_due_by(day("2026-12-31"), 1)), "2027-01-01T01:00:00Z");
  EXPECT_EQ(format_instant(thank_due_by(day("2028-02-28"), 24)), "2028-03-01T00:00:00Z");
}

TEST(ThankDeadline, AGift49HoursOldIsOverdueAnd47HoursOldIsNot) {
  // Received 2026-11-17: its clock starts at 2026-11-18T00:00:00Z.
  ThankDeadline late = thank_deadline(day("2026-11-17"), 48, at("2026-11-20T01:00:00Z"));
  EXPECT_TRUE(late.overdue);
  EXPECT_FALSE(late.due_soon);
  ThankDeadline close = thank_deadline(day("2026-11-17"), 48, at("2026-11-19T23:00:00Z"));
  EXPECT_FALSE(close.overdue);
  EXPECT_TRUE(close.due_soon);  // one hour left
  ThankDeadline fresh = thank_deadline(day("2026-11-17"), 48, at("2026-11-17T15:00:00Z"));
  EXPECT_FALSE(fresh.overdue);
  EXPECT_FALSE(fresh.due_soon);  // 57 hours left
  // At the deadline itself it is not yet overdue; a second later it is.
  EXPECT_FALSE(thank_deadline(day("2026-11-17"), 48, at("2026-11-20T00:00:00Z")).overdue);
  EXPECT_TRUE(thank_deadline(day("2026-11-17"), 48, at("2026-11-20T00:00:01Z")).overdue);
}

TEST(ThankDeadline, CutoffDaysAgreeWithEachGiftsDeadline) {
  // Whatever the time of day and window, a day is on the overdue side of the cutoff exactly
  // when its gift is overdue (the queue counts in SQL by these days).
  for (const char* now_text : {"2026-11-20T00:00:00Z", "2026-11-20T00:00:01Z",
                               "2026-11-20T13:30:00Z", "2026-11-20T23:59:59Z"}) {
    const Instant now = at(now_text);
    for (int hours : {1, 24, 48, 50, 720}) {
      const ThankCutoffs cut = thank_cutoffs(hours, now);
      for (int back = -2; back < 40; ++back) {
        const Date received = day("2026-11-20").add_days(-back);
        const ThankDeadline d = thank_deadline(received, hours, now);
        EXPECT_EQ(d.overdue, received <= cut.overdue_until) << now_text << " " << hours;
        EXPECT_EQ(d.due_soon, received > cut.overdue_until && received <= cut.due_soon_until)
            << now_text << " " << hours << " " << received.to_string();
      }
    }
  }
}

}  // namespace
}  // namespace steward::domain

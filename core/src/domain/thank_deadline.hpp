// When a gift's thank-you is due (issue 7: "all gifts within 48 h"; decision 0220). A gift
// carries only the day it was received, so its clock starts at the end of that day in UTC
// (Steward has no organisation time zone): a gift received on 2026-11-17 with a 48-hour window
// is due by 2026-11-20T00:00:00Z. It is overdue once that instant has passed and the gift is
// still unthanked, and due soon in the 24 hours before. Pure functions; thread-safe.
#pragma once

#include <chrono>

#include "domain/date.hpp"

namespace steward::domain {

inline constexpr int kDefaultThankWithinHours = 48;
inline constexpr int kMaxThankWithinHours = 720;  // 30 days
inline constexpr std::chrono::hours kDueSoonWindow{24};

// The instant a gift received on `received_on` should be thanked by.
Instant thank_due_by(const Date& received_on, int within_hours);

// The last received-on day whose thank-you was due at or before `t` (every earlier day too):
// how a query selects "due by t" with received_on <= that day.
Date last_day_due_by(Instant t, int within_hours);

struct ThankDeadline {
  Instant due_by;
  bool overdue = false;   // due_by has passed
  bool due_soon = false;  // not overdue, due within the next 24 hours
};
ThankDeadline thank_deadline(const Date& received_on, int within_hours, Instant now);

// The received-on days that split a queue at `now`: a gift received on or before `overdue_until`
// is overdue; after it and on or before `due_soon_until`, due soon.
struct ThankCutoffs {
  Date overdue_until;
  Date due_soon_until;
};
ThankCutoffs thank_cutoffs(int within_hours, Instant now);

}  // namespace steward::domain

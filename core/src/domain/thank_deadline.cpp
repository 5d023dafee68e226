#include "domain/thank_deadline.hpp"

namespace steward::domain {

namespace chr = std::chrono;

Instant thank_due_by(const Date& received_on, int within_hours) {
  // The end of the day received, then the window.
  return Instant(received_on.add_days(1).days()) + chr::hours(within_hours);
}

Date last_day_due_by(Instant t, int within_hours) {
  // due_by(d) <= t  <=>  start of d <= t - 24 h - window.
  return Date(chr::floor<chr::days>(t - chr::hours(24) - chr::hours(within_hours)));
}

ThankDeadline thank_deadline(const Date& received_on, int within_hours, Instant now) {
  ThankDeadline out;
  out.due_by = thank_due_by(received_on, within_hours);
  out.overdue = out.due_by < now;
  out.due_soon = !out.overdue && out.due_by <= now + kDueSoonWindow;
  return out;
}

ThankCutoffs thank_cutoffs(int within_hours, Instant now) {
  // Overdue: due_by < now, i.e. due_by <= now - 1 s (instants are whole seconds).
  return {last_day_due_by(now - chr::seconds(1), within_hours),
          last_day_due_by(now + kDueSoonWindow, within_hours)};
}

}  // namespace steward::domain

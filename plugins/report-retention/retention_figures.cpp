#include "retention_figures.hpp"

namespace steward::reports {

RetentionFigures compute_retention(const std::vector<RetentionCell>& cells) {
  RetentionFigures f;
  for (const auto& c : cells) {
    if (c.in_p1) f.p1_donors.add(c);
    if (c.in_p2) f.p2_donors.add(c);
    if (c.in_p2 && !c.in_p1) {
      if (c.first_in_p2)
        f.new_donors.add(c);
      else
        f.recaptured.add(c);
    }
    if (c.in_p1 && c.in_p2) {
      f.retained.add(c);
      if (c.change > 0)
        f.upgraded.add(c);
      else if (c.change == 0)
        f.same.add(c);
      else
        f.downgraded.add(c);
    }
    if (c.in_p1) {
      if (c.first_in_p1) {
        f.p1_new.add(c);
        if (c.in_p2)
          f.p1_new_retained.add(c);
        else
          f.lapsed_new.add(c);
      } else {
        f.p1_repeat.add(c);
        if (c.in_p2)
          f.p1_repeat_retained.add(c);
        else
          f.lapsed_repeat.add(c);
      }
    }
  }
  return f;
}

}  // namespace steward::reports

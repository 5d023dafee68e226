#include "retention_figures.hpp"

namespace steward::reports {

RetentionFigures compute_retention(const std::vector<DonorPeriods>& donors,
                                   const sdk::Date& p1_start, const sdk::Date& p2_start) {
  RetentionFigures f;
  for (const auto& d : donors) {
    const bool in_p1 = d.p1 > 0;
    const bool in_p2 = d.p2 > 0;
    if (in_p1) f.p1_donors.add(d);
    if (in_p2) f.p2_donors.add(d);
    if (in_p2 && !in_p1) {
      if (d.first_gift_on >= p2_start)
        f.new_donors.add(d);
      else
        f.recaptured.add(d);
    }
    if (in_p1 && in_p2) {
      f.retained.add(d);
      if (d.p2 > d.p1)
        f.upgraded.add(d);
      else if (d.p2 == d.p1)
        f.same.add(d);
      else
        f.downgraded.add(d);
    }
    if (in_p1) {
      const bool new_in_p1 = d.first_gift_on >= p1_start;
      if (new_in_p1) {
        f.p1_new.add(d);
        if (in_p2)
          f.p1_new_retained.add(d);
        else
          f.lapsed_new.add(d);
      } else {
        f.p1_repeat.add(d);
        if (in_p2)
          f.p1_repeat_retained.add(d);
        else
          f.lapsed_repeat.add(d);
      }
    }
  }
  return f;
}

}  // namespace steward::reports

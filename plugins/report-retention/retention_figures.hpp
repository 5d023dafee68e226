// The Fundraising Effectiveness Project (FEP) figures for two consecutive 12-month periods P1
// and P2, from each donor's first gift date and net giving in P1 and in P2. Pure arithmetic.
//
//   new            gave in P2, first gift ever in P2
//   recaptured     gave in P2, not in P1, gave before P1
//   retained       gave in P1 and in P2: upgraded (P2 > P1), same (equal), downgraded (P2 < P1)
//   lapsed new     gave in P1 (first gift ever in P1), not in P2
//   lapsed repeat  gave in P1 and before P1, not in P2
//   gains          donors: new + recaptured; money: their P2 giving + the upgrades' increase
//   losses         donors: lapsed new + lapsed repeat; money: their P1 giving + the downgrades'
//                  decrease (shown negative)
//   net            gains - losses (donors: P2 donors - P1 donors; money: P2 - P1 total)
//   retention      retained ÷ P1 donors; new-donor retention: P1's new donors who gave again in
//                  P2 ÷ P1's new donors; repeat-donor retention likewise for P1's repeat donors
//   dollar retention  P2 giving of retained donors ÷ P1 giving of all P1 donors
// Rates are percentages rounded half away from zero to two decimals.
#pragma once

#include <cstdint>
#include <vector>

#include "steward/sdk/date.hpp"

namespace steward::reports {

struct DonorPeriods {
  std::int64_t id = 0;
  sdk::Date first_gift_on;  // first gift ever (up to the end of P2)
  std::int64_t p1 = 0;      // net giving in P1, minor units
  std::int64_t p2 = 0;
};

struct Bucket {
  std::int64_t donors = 0;
  std::int64_t p1 = 0;
  std::int64_t p2 = 0;
  void add(const DonorPeriods& d) {
    ++donors;
    p1 += d.p1;
    p2 += d.p2;
  }
};

struct RetentionFigures {
  Bucket p1_donors, p2_donors, new_donors, recaptured, retained, upgraded, same, downgraded,
      lapsed_new, lapsed_repeat;
  Bucket p1_new, p1_new_retained, p1_repeat, p1_repeat_retained;
};

RetentionFigures compute_retention(const std::vector<DonorPeriods>& donors,
                                   const sdk::Date& p1_start, const sdk::Date& p2_start);

}  // namespace steward::reports

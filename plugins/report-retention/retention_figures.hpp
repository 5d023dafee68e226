// The Fundraising Effectiveness Project (FEP) figures for two consecutive 12-month periods P1
// and P2, from cells of donors classified in SQL (retention_report.cpp). Pure arithmetic.
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

namespace steward::reports {

// Donors who fall in the same FEP cell, as the report's grouped query returns them: where
// their giving falls (P1, P2, both), whether their first gift ever is in P1 or P2, how P2
// compares with P1, how many there are and their net giving in P1 and in P2.
struct RetentionCell {
  bool in_p1 = false;
  bool in_p2 = false;
  bool first_in_p1 = false;  // first gift ever on or after the start of P1
  bool first_in_p2 = false;  // first gift ever on or after the start of P2
  int change = 0;            // sign of P2 - P1: 1 up, 0 same, -1 down
  std::int64_t donors = 0;
  std::int64_t p1 = 0;  // net giving in P1 of all of them, minor units
  std::int64_t p2 = 0;
};

struct Bucket {
  std::int64_t donors = 0;
  std::int64_t p1 = 0;
  std::int64_t p2 = 0;
  void add(const RetentionCell& c) {
    donors += c.donors;
    p1 += c.p1;
    p2 += c.p2;
  }
};

struct RetentionFigures {
  Bucket p1_donors, p2_donors, new_donors, recaptured, retained, upgraded, same, downgraded,
      lapsed_new, lapsed_repeat;
  Bucket p1_new, p1_new_retained, p1_repeat, p1_repeat_retained;
};

RetentionFigures compute_retention(const std::vector<RetentionCell>& cells);

}  // namespace steward::reports

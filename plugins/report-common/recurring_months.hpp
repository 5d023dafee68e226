// The month-by-month arithmetic of report-recurring, without SQL: which plans were committed at
// the end of each month, their monthly recurring revenue (MRR), and what was gained and lost.
//
// A plan is committed at a month's end E when it started on or before E (in the last month, the
// one holding as_of, plans starting later count too: they are commitments already made, as in
// `steward recurring mrr`), its ends_on is empty or not before E, and it has not stopped (its
// stopped_on, set for plans no longer active or failing, is empty or after E). The last month
// ends on as_of. MRR = Σ amount × monthly ratio (weekly 52/12, monthly 1, quarterly 1/3, yearly
// 1/12), summed in twelfths and rounded once, half away from zero. Churned plans were committed
// at the end of the previous month and are not now; new plans the other way round. Churn % =
// churned MRR ÷ MRR at the end of the previous month.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "steward/sdk/date.hpp"

namespace steward::reports {

struct PlanSpan {
  std::int64_t amount_minor = 0;
  std::string frequency;  // weekly | monthly | quarterly | yearly
  sdk::Date starts_on;
  std::optional<sdk::Date> ends_on;
  std::optional<sdk::Date> stopped_on;
};

struct MonthLine {
  std::string month;  // YYYY-MM
  std::int64_t plans = 0;
  std::int64_t mrr_minor = 0;
  std::int64_t new_plans = 0;
  std::int64_t new_mrr_minor = 0;
  std::int64_t churned_plans = 0;
  std::int64_t churned_mrr_minor = 0;
  double churn_percent = 0;  // two decimals; 0 when the previous MRR was 0
};

// amount × monthly ratio in twelfths of a minor unit (monthly $10 -> 12000).
std::int64_t mrr_twelfths(std::int64_t amount_minor, const std::string& frequency);
// twelfths / 12 rounded half away from zero.
std::int64_t twelfths_to_minor(std::int64_t twelfths);

bool committed_at(const PlanSpan& plan, const sdk::Date& end, bool last_month);

// `months` lines (1..60), the last one for as_of's month.
std::vector<MonthLine> recurring_months(const std::vector<PlanSpan>& plans, const sdk::Date& as_of,
                                        int months);

}  // namespace steward::reports

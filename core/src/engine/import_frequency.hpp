// The period of a recurring plan created by an import (decision 0154), from the record's
// recurring_interval as processors and forms write it: "month", "monthly", "1 month", "Every 3
// Months", "quarter", "year", "annual", "12 months", "week", "Y"/"M"/"W" (PayPal subscription
// periods), "매월"/"매년"/"매주"/"분기". Empty or unknown -> monthly (`known` false when the text
// was not empty and not understood, so the row can say so).
#pragma once

#include <string>

#include "domain/recurring_schedule.hpp"

namespace steward::engine::imports {

struct ImportFrequency {
  domain::Frequency frequency = domain::Frequency::kMonthly;
  bool known = true;
};

ImportFrequency frequency_from_interval(const std::string& interval);

}  // namespace steward::engine::imports

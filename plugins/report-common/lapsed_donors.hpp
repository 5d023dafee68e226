// LYBUNT and SYBUNT (report-lybunt, report-sybunt): donors who gave last year, or some year
// before last year, but not this year. One implementation, two modes.
//
// Windows (fiscal years, named by the year they end in; start month from the parameter, whose
// default is the organisation setting):
//   this year   = [start of the fiscal year containing as_of, as_of]
//   last year   = the whole previous fiscal year ("full_year"), or its first part up to the
//                 same day one year before as_of ("year_to_date")  (LYBUNT only)
//   earlier     = before the start of last fiscal year                (SYBUNT)
// LYBUNT: gave in the last-year window and not this year. SYBUNT: gave earlier, not in the whole
// last fiscal year and not this year. Gifts after as_of are ignored; amounts are net of
// refunds in the base currency (analytics_gifts). Soft credits count as giving when
// include_soft_credits is on (individual counting only). Household counting treats a household
// (on each gift's date) as one donor.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"

namespace steward::reports {

enum class LapseMode { kLybunt, kSybunt };

std::vector<sdk::ParameterSpec> lapsed_parameters(LapseMode mode);
Result<sdk::Table> run_lapsed(LapseMode mode, const sdk::QueryCapability& db,
                              const std::map<std::string, sdk::Value>& params);

}  // namespace steward::reports

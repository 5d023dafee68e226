// A fund (designation): where gifts go. Programs of a ministry are funds; a fund can carry a
// monthly need, the amount the program must raise every month (and how many people it serves).
#pragma once

#include <optional>
#include <string>

#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

// What a person types to create or change a fund.
struct FundInput {
  std::string code;  // short unique code, e.g. "MEDICAL"
  std::string name;  // "Medical Support"
  std::optional<std::string> program;
  std::optional<std::string> description;
  bool restricted = false;
  bool active = true;
  std::optional<sdk::Money> monthly_need;
  std::optional<long long> people_served;
};

struct Fund : FundInput {
  long long id = 0;
  std::string created_at;
  std::string updated_at;
};

// Checks a fund before it is written; the error names the field at fault.
Status validate(const FundInput& fund);

}  // namespace steward::domain

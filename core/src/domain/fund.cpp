#include "domain/fund.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate(const FundInput& fund) {
  Status s = first_error({require_text("code", fund.code, 40), require_text("name", fund.name),
                          check_text("program", fund.program),
                          check_text("description", fund.description, 4000, true)});
  if (!s) return s;
  for (char c : fund.code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return Status::invalid_field("code", "use capital letters, digits, '-' and '_' only");
  }
  if (fund.monthly_need) {
    if (Status need = require_positive_money("monthly_need", *fund.monthly_need); !need)
      return need;
  }
  if (fund.people_served && *fund.people_served < 0) {
    return Status::invalid_field("people_served", "cannot be negative");
  }
  return Status::ok();
}

}  // namespace steward::domain

#include "domain/recurring_plan.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

std::string to_string(PlanStatus status) {
  switch (status) {
    case PlanStatus::kActive:
      return "active";
    case PlanStatus::kPaused:
      return "paused";
    case PlanStatus::kFailing:
      return "failing";
    case PlanStatus::kLapsed:
      return "lapsed";
    case PlanStatus::kCancelled:
      return "cancelled";
    case PlanStatus::kCompleted:
      return "completed";
  }
  return "active";
}

Result<PlanStatus> parse_plan_status(std::string_view text, std::string_view field) {
  for (PlanStatus s : {PlanStatus::kActive, PlanStatus::kPaused, PlanStatus::kFailing,
                       PlanStatus::kLapsed, PlanStatus::kCancelled, PlanStatus::kCompleted}) {
    if (text == to_string(s)) return s;
  }
  return Status::invalid_field(std::string(field),
                               "must be active, paused, failing, lapsed, cancelled or completed, "
                               "not \"" +
                                   std::string(text) + "\"");
}

Status validate(const PlanInput& plan) {
  if (plan.constituent_id <= 0) return Status::invalid_field("constituent_id", "is required");
  Status s = first_error({require_positive_money("amount", plan.amount),
                          check_text("processor", plan.processor, 40),
                          check_text("processor_reference", plan.processor_reference, 200),
                          check_text("notes", plan.notes, 4000, true)});
  if (!s) return s;
  if (plan.processor_reference && !plan.processor) {
    return Status::invalid_field("processor", "is required with a processor_reference");
  }
  return validate(plan.schedule());
}

}  // namespace steward::domain

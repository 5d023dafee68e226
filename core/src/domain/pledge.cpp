#include "domain/pledge.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace steward::domain {

std::string to_string(PledgeStatus status) {
  switch (status) {
    case PledgeStatus::kOpen:
      return "open";
    case PledgeStatus::kFulfilled:
      return "fulfilled";
    case PledgeStatus::kWrittenOff:
      return "written_off";
    case PledgeStatus::kCancelled:
      return "cancelled";
  }
  return "open";
}

Result<PledgeStatus> parse_pledge_status(std::string_view text, std::string_view field) {
  for (PledgeStatus s : {PledgeStatus::kOpen, PledgeStatus::kFulfilled, PledgeStatus::kWrittenOff,
                         PledgeStatus::kCancelled}) {
    if (text == to_string(s)) return s;
  }
  return Status::invalid_field(
      std::string(field),
      "must be open, fulfilled, written_off or cancelled, not \"" + std::string(text) + "\"");
}

Status validate(const PledgeInput& p) {
  if (p.constituent_id <= 0) return Status::invalid_field("constituent_id", "is required");
  Status s = first_error(
      {require_positive_money("amount", p.amount), check_text("notes", p.notes, 4000, true)});
  if (!s) return s;
  if (p.installments < 1 || p.installments > kMaxPledgeInstallments)
    return Status::invalid_field("installments",
                                 "must be from 1 to " + std::to_string(kMaxPledgeInstallments));
  if (p.amount.minor < p.installments)
    return Status::invalid_field("installments",
                                 "more installments than minor units in the amount");
  if (p.first_due_on < p.pledged_on)
    return Status::invalid_field("first_due_on", "must not be before pledged_on");
  return Status::ok();
}

std::vector<PledgeInstallment> installment_schedule(const PledgeInput& p) {
  std::vector<PledgeInstallment> out;
  if (p.installments < 1) return out;
  const Schedule schedule{p.frequency, p.first_due_on.day(), p.first_due_on, std::nullopt};
  const long long each = p.amount.minor / p.installments;
  const long long remainder = p.amount.minor % p.installments;
  for (int i = 0; i < p.installments; ++i) {
    PledgeInstallment in;
    in.seq = i + 1;
    in.due_on = occurrence(schedule, i).value_or(p.first_due_on);
    in.amount_minor = each + (i == 0 ? remainder : 0);
    out.push_back(in);
  }
  return out;
}

void apply_payments(std::vector<PledgeInstallment>& installments, long long paid_minor) {
  long long left = std::max(0LL, paid_minor);
  for (PledgeInstallment& in : installments) {
    in.paid_minor = std::min(left, in.amount_minor);
    left -= in.paid_minor;
  }
}

std::vector<PledgeInstallment> overdue(const std::vector<PledgeInstallment>& installments,
                                       const Date& as_of) {
  std::vector<PledgeInstallment> out;
  for (const PledgeInstallment& in : installments) {
    if (in.due_on < as_of && in.remaining_minor() > 0) out.push_back(in);
  }
  return out;
}

}  // namespace steward::domain

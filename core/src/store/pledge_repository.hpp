// Pledges in the database (store::pledges): the pledge row plus its pledge_installments, read
// back with what has been paid (gifts carrying pledge_id, not deleted, completed or refunded,
// net of refunds; pending and failed gifts pay nothing) applied oldest installment first.
// Writes validate, write nothing on error and are audited. This file never writes gifts or
// giving summaries: a pledge is not income.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/pledge.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::pledges {

struct ListFilter {
  std::optional<long long> constituent_id;
  std::optional<domain::PledgeStatus> status;
  bool include_restricted = true;  // false leaves out pledges of restricted constituents
  PageRequest page;
};

// Creates the pledge and its installment schedule. Errors: kInvalid (names the field; also a
// constituent, fund, campaign or appeal that does not exist).
Result<domain::Pledge> create(Unit& unit, const domain::PledgeInput& input);
// With installments, paid and balance. Errors: kNotFound (also for a deleted pledge).
Result<domain::Pledge> get(Unit& unit, long long id);
// Ordered by id.
Result<Page<domain::Pledge>> list(Unit& unit, const ListFilter& filter);
// The pledge's installments due before `as_of` and not fully paid.
Result<std::vector<domain::PledgeInstallment>> overdue_installments(Unit& unit, long long id,
                                                                    const domain::Date& as_of);
// Open pledges with at least one overdue installment as of `as_of`, by id.
Result<std::vector<domain::Pledge>> overdue(Unit& unit, const domain::Date& as_of);
// Writes off the remaining balance: status written_off, written_off_minor = balance.
// Errors: kInvalid (reason blank), kNotFound, kPreconditionFailed unless open with a balance.
Result<domain::Pledge> write_off(Unit& unit, long long id, const std::string& reason,
                                 const domain::Date& on);
// open -> fulfilled when paid in full; fulfilled -> open when a refund reopens a balance.
// Call after a payment gift is recorded, refunded or deleted. Written-off and cancelled pledges
// are left alone.
Result<domain::Pledge> refresh_status(Unit& unit, long long id);

}  // namespace steward::store::pledges

// Tasks in the database (store::tasks): moves-management to-dos per assignee. Writes validate,
// write nothing on error and are audited; created_by is the unit's actor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/task.hpp"
#include "store/database.hpp"

namespace steward::store::tasks {

struct ListFilter {
  std::optional<std::string> assignee;
  std::optional<long long> constituent_id;
  std::optional<std::string> status;  // open, done, cancelled
};

// Errors: kInvalid (names the field; also an unknown constituent).
Result<domain::Task> create(Unit& unit, const domain::TaskInput& input);
// Errors: kNotFound (also for a deleted task).
Result<domain::Task> get(Unit& unit, long long id);
// Hands the task to another assignee. Errors: kInvalid, kNotFound.
Result<domain::Task> assign(Unit& unit, long long id, const std::string& assignee);
// open -> done (completed_at set). Errors: kNotFound, kPreconditionFailed unless open.
Result<domain::Task> complete(Unit& unit, long long id);
// done/cancelled -> open (completed_at cleared). Errors: kNotFound, kPreconditionFailed if open.
Result<domain::Task> reopen(Unit& unit, long long id);
// Open tasks first by due date (undated last), then id.
Result<std::vector<domain::Task>> list(Unit& unit, const ListFilter& filter);
// Open tasks due before `as_of` (optionally for one assignee), oldest due first.
Result<std::vector<domain::Task>> overdue(
    Unit& unit, const domain::Date& as_of,
    const std::optional<std::string>& assignee = std::nullopt);

}  // namespace steward::store::tasks

// Tasks in the database (store::tasks): moves-management to-dos per assignee. Writes validate,
// write nothing on error and are audited; created_by is the unit's actor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/task.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

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

// One page of tasks for the API, in the order of list(): open first, then by due date (undated
// last), then id; keyset-paged on that order (page.after_id is the id of the last task of the
// previous page). Every filter, and hiding tasks about restricted constituents unless
// include_restricted, is in SQL, so a page is full whenever more matching rows exist.
// due_before/due_after are exclusive YYYY-MM-DD bounds (tasks without a due date never match
// them). Errors: kInvalid naming "after" for a cursor that is not a task, or names the date.
struct PageFilter {
  std::optional<std::string> assignee;
  std::optional<long long> constituent_id;
  std::optional<std::string> status;  // open, done, cancelled; nullopt = all
  std::optional<std::string> due_before;
  std::optional<std::string> due_after;
  bool include_restricted = false;
  PageRequest page;
};
Result<Page<domain::Task>> page(Unit& unit, const PageFilter& filter);

}  // namespace steward::store::tasks

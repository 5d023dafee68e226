// Editing and deleting tasks (store::tasks): the fields a user edits on a task (title, details,
// due date, assignee) and the soft delete. Validated, nothing written on error, audited.
#pragma once

#include "domain/task.hpp"
#include "store/database.hpp"

namespace steward::store::tasks {

// Replaces title, details, due_on and assignee; the task's constituent and status are kept
// (input.constituent_id is ignored). Errors: kInvalid (names the field), kNotFound.
Result<domain::Task> update(Unit& unit, long long id, const domain::TaskInput& input);

// Soft delete (tasks.deleted_at); get() then answers kNotFound. Errors: kNotFound.
Status remove(Unit& unit, long long id);

}  // namespace steward::store::tasks

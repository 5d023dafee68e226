#include "domain/task.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate(const TaskInput& task) {
  return first_error({require_text("assignee", task.assignee, 100),
                      require_text("title", task.title, 300),
                      check_text("details", task.details, 4000, true)});
}

}  // namespace steward::domain

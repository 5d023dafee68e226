// A task (moves management to-do): "call Mrs. Kim about the capital campaign", owned by an
// assignee (a user name), optionally about a constituent, optionally due on a day.
#pragma once

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

struct TaskInput {
  std::string assignee;  // a user name, e.g. "mina"
  std::string title;     // stored in tasks.title; the command line calls it --subject
  std::optional<std::string> details;
  std::optional<Date> due_on;
  std::optional<long long> constituent_id;
};

struct Task : TaskInput {
  long long id = 0;
  std::string status = "open";  // open, done, cancelled
  std::optional<std::string> completed_at;
  std::optional<std::string> created_by;
  std::string created_at;
  std::string updated_at;
};

Status validate(const TaskInput& task);

}  // namespace steward::domain

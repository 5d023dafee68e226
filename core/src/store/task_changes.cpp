#include "store/task_changes.hpp"

#include <nlohmann/json.hpp>

#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/soci_optional.hpp"
#include "store/task_repository.hpp"

namespace steward::store::tasks {
namespace {

nlohmann::json task_image(const domain::Task& t) {
  nlohmann::json j = {
      {"id", t.id}, {"assignee", t.assignee}, {"title", t.title}, {"status", t.status}};
  if (t.constituent_id) j["constituent_id"] = *t.constituent_id;
  if (t.due_on) j["due_on"] = t.due_on->to_string();
  if (t.details) j["details"] = *t.details;
  return j;
}

}  // namespace

Result<domain::Task> update(Unit& unit, long long id, const domain::TaskInput& input) {
  auto before = get(unit, id);
  if (!before) return before;
  domain::TaskInput in = input;
  in.constituent_id = before->constituent_id;
  if (Status s = domain::validate(in); !s) return s;
  std::optional<std::string> due;
  if (in.due_on) due = in.due_on->to_string();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE tasks SET title = :t, details = :d, due_on = :due, assignee = :a, "
                "updated_at = :u WHERE id = :id",
      soci::use(in.title), soci::use(in.details), soci::use(due), soci::use(in.assignee),
      soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "update", "task", id, task_image(*before), task_image(*after));
  return after;
}

Status remove(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE tasks SET deleted_at = :d, updated_at = :u WHERE id = :id", soci::use(now),
      soci::use(now), soci::use(id);
  record_audit(unit, "delete", "task", id, task_image(*before), nullptr);
  return Status::ok();
}

}  // namespace steward::store::tasks

#include "store/task_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/references.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::tasks {
namespace {

using domain::Task;

const char* kTaskColumns =
    "id, constituent_id, assignee, title, details, due_on, status, completed_at, created_by, "
    "created_at, updated_at";

Task task_from_row(const soci::row& row) {
  RowReader r(row);
  Task t;
  t.id = r.integer();
  t.constituent_id = r.opt_integer();
  t.assignee = r.text();
  t.title = r.text();
  t.details = r.opt_text();
  if (auto d = r.opt_date()) t.due_on = domain::Date::parse(*d).value();
  t.status = r.text();
  t.completed_at = r.opt_timestamp();
  t.created_by = r.opt_text();
  t.created_at = r.timestamp();
  t.updated_at = r.timestamp();
  return t;
}

nlohmann::json task_to_json(const Task& t) {
  nlohmann::json j = {
      {"id", t.id}, {"assignee", t.assignee}, {"title", t.title}, {"status", t.status}};
  if (t.constituent_id) j["constituent_id"] = *t.constituent_id;
  if (t.due_on) j["due_on"] = t.due_on->to_string();
  if (t.details) j["details"] = *t.details;
  if (t.completed_at) j["completed_at"] = *t.completed_at;
  return j;
}

std::vector<Task> read_all(soci::rowset<soci::row>& rows) {
  std::vector<Task> out;
  for (const soci::row& r : rows) out.push_back(task_from_row(r));
  return out;
}

// Sets status and completed_at, audited.
Result<Task> move(Unit& unit, long long id, const char* from_rule, const std::string& to) {
  auto before = get(unit, id);
  if (!before) return before;
  bool open = before->status == "open";
  if ((std::string(from_rule) == "open") != open)
    return Status::precondition_failed("task " + std::to_string(id) + " is " + before->status);
  std::string now = domain::utc_now_iso();
  std::optional<std::string> completed;
  if (to == "done") completed = now;
  unit.sql()
      << "UPDATE tasks SET status = :s, completed_at = :done, updated_at = :u WHERE id = :id",
      soci::use(to), soci::use(completed), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "update", "task", id, task_to_json(*before), task_to_json(*after));
  return after;
}

}  // namespace

Result<Task> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kTaskColumns) +
                    " FROM tasks WHERE id = :id AND deleted_at IS NULL",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("task " + std::to_string(id) + " does not exist");
  return task_from_row(row);
}

Result<Task> create(Unit& unit, const domain::TaskInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  if (Status s =
          check_row(unit, "constituents", "constituent_id", "constituent", in.constituent_id);
      !s)
    return s;
  std::optional<std::string> due;
  if (in.due_on) due = in.due_on->to_string();
  std::string now = domain::utc_now_iso();
  std::string by = unit.actor().name;
  long long id = 0;
  unit.sql() << "INSERT INTO tasks (constituent_id, assignee, title, details, due_on, status, "
                "created_by, created_at, updated_at) VALUES (:c, :a, :t, :d, :due, 'open', :by, "
                ":created, :updated) RETURNING id",
      soci::use(in.constituent_id), soci::use(in.assignee), soci::use(in.title),
      soci::use(in.details), soci::use(due), soci::use(by), soci::use(now), soci::use(now),
      soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "task", id, nullptr, task_to_json(*created));
  return created;
}

Result<Task> assign(Unit& unit, long long id, const std::string& assignee) {
  if (Status s = domain::require_text("assignee", assignee, 100); !s) return s;
  auto before = get(unit, id);
  if (!before) return before;
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE tasks SET assignee = :a, updated_at = :u WHERE id = :id",
      soci::use(assignee), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "update", "task", id, task_to_json(*before), task_to_json(*after));
  return after;
}

Result<Task> complete(Unit& unit, long long id) { return move(unit, id, "open", "done"); }

Result<Task> reopen(Unit& unit, long long id) { return move(unit, id, "closed", "open"); }

Result<std::vector<Task>> list(Unit& unit, const ListFilter& f) {
  int has_a = f.assignee ? 1 : 0;
  std::string a = f.assignee.value_or("");
  int has_c = f.constituent_id ? 1 : 0;
  long long c = f.constituent_id.value_or(0);
  int has_s = f.status ? 1 : 0;
  std::string s = f.status.value_or("open");
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kTaskColumns) +
                                 " FROM tasks WHERE deleted_at IS NULL AND (:has_a = 0 OR "
                                 "assignee = :a) AND (:has_c = 0 OR constituent_id = :c) AND "
                                 "(:has_s = 0 OR status = :s) ORDER BY CASE WHEN status = 'open' "
                                 "THEN 0 ELSE 1 END, CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, "
                                 "due_on, id",
       soci::use(has_a), soci::use(a), soci::use(has_c), soci::use(c), soci::use(has_s),
       soci::use(s));
  return read_all(rows);
}

Result<std::vector<Task>> overdue(Unit& unit, const domain::Date& as_of,
                                  const std::optional<std::string>& assignee) {
  std::string day = as_of.to_string();
  int has_a = assignee ? 1 : 0;
  std::string a = assignee.value_or("");
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kTaskColumns) +
                                 " FROM tasks WHERE deleted_at IS NULL AND status = 'open' AND "
                                 "due_on < :day AND (:has_a = 0 OR assignee = :a) ORDER BY "
                                 "due_on, id",
       soci::use(day), soci::use(has_a), soci::use(a));
  return read_all(rows);
}

Result<Page<Task>> page(Unit& unit, const PageFilter& f) {
  if (Status s = domain::first_error({domain::check_date("due_before", f.due_before),
                                      domain::check_date("due_after", f.due_after)});
      !s)
    return s;
  const int limit = clamp_limit(f.page.limit);
  const int fetch = limit + 1;
  const long long after_id = f.page.after_id;
  const int has_cursor = after_id > 0 ? 1 : 0;
  int after_rank = 0;
  std::string after_due = "9999-12-31";
  if (has_cursor) {
    soci::row row;
    unit.sql() << "SELECT status, due_on FROM tasks WHERE id = :id", soci::use(after_id),
        soci::into(row);
    if (!unit.sql().got_data()) {
      return Status::invalid_field("after",
                                   "the cursor does not point at a task; start again "
                                   "without it");
    }
    RowReader r(row);
    after_rank = r.text() == "open" ? 0 : 1;
    after_due = r.opt_date().value_or("9999-12-31");
  }
  const int has_a = f.assignee ? 1 : 0;
  const std::string a = f.assignee.value_or("");
  const int has_c = f.constituent_id ? 1 : 0;
  const long long c = f.constituent_id.value_or(0);
  const int has_s = f.status ? 1 : 0;
  const std::string s = f.status.value_or("open");
  const int has_before = f.due_before ? 1 : 0;
  const std::string before = f.due_before.value_or("9999-12-31");
  const int has_after = f.due_after ? 1 : 0;
  const std::string after = f.due_after.value_or("0001-01-01");
  const int restricted_too = f.include_restricted ? 1 : 0;
  // The sort key as SQL: (rank, due, id); undated tasks sort as 9999-12-31, after dated ones.
  const std::string rank = "(CASE WHEN status = 'open' THEN 0 ELSE 1 END)";
  const std::string due = "COALESCE(due_on, '9999-12-31')";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT " + std::string(kTaskColumns) +
                  " FROM tasks WHERE deleted_at IS NULL AND (:has_a = 0 OR assignee = :a)"
                  " AND (:has_c = 0 OR constituent_id = :c) AND (:has_s = 0 OR status = :s)"
                  " AND (:hb = 0 OR (due_on IS NOT NULL AND due_on < :before))"
                  " AND (:ha = 0 OR (due_on IS NOT NULL AND due_on > :after))"
                  " AND (:ir = 1 OR constituent_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
                  "constituents rc WHERE rc.id = tasks.constituent_id AND rc.restricted = TRUE))"
                  " AND (:hcur = 0 OR " +
                  rank + " > :rank OR (" + rank + " = :rank2 AND (" + due + " > :due OR (" + due +
                  " = :due2 AND id > :aid)))) ORDER BY " + rank + ", " + due + ", id LIMIT :fetch",
       soci::use(has_a), soci::use(a), soci::use(has_c), soci::use(c), soci::use(has_s),
       soci::use(s), soci::use(has_before), soci::use(before), soci::use(has_after),
       soci::use(after), soci::use(restricted_too), soci::use(has_cursor), soci::use(after_rank),
       soci::use(after_rank), soci::use(after_due), soci::use(after_due), soci::use(after_id),
       soci::use(fetch));
  Page<Task> out;
  for (const soci::row& r : rows) out.items.push_back(task_from_row(r));
  if (static_cast<int>(out.items.size()) > limit) {
    out.items.pop_back();
    out.next_after_id = out.items.back().id;
  }
  return out;
}

}  // namespace steward::store::tasks

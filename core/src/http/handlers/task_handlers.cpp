// Tasks (moves-management to-dos).
//   GET  /api/v1/tasks?assigned_to=me|<user id>|<username>&status=open|done|cancelled|all
//        &due_before=&due_after=&constituent_id=&overdue=true&as_of=&after=&limit=
//        (default status: open; cursor pages in the order open, due date, id)
//   GET  /api/v1/tasks/overdue?as_of=&assigned_to=&after=&limit=     POST /api/v1/tasks
//   GET  /api/v1/tasks/{id} (ETag)   PUT /api/v1/tasks/{id} (If-Match)   DELETE /api/v1/tasks/{id}
//   POST /api/v1/tasks/{id}/complete   POST /api/v1/tasks/{id}/reopen
//   POST /api/v1/tasks/{id}/assign {"assignee": "mina"}
// A task about a restricted constituent is invisible without the restricted grant.
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "store/task_changes.hpp"
#include "store/task_repository.hpp"
#include "store/user_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json task_json(const domain::Task& t) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", t.id},
          {"assignee", t.assignee},
          {"title", t.title},
          {"details", opt(t.details)},
          {"due_on", t.due_on ? nlohmann::json(t.due_on->to_string()) : nlohmann::json()},
          {"constituent_id", opt(t.constituent_id)},
          {"status", t.status},
          {"completed_at", opt(t.completed_at)},
          {"created_by", opt(t.created_by)},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

Response no_task() { return Response::problem(404, "not-found", "no such task"); }

// ?assigned_to=me | a user id | a username -> the username; errors name the parameter.
Result<std::optional<std::string>> assignee_param(Call& call, store::Unit& u) {
  auto text = call.request.query_param("assigned_to");
  if (!text) text = call.request.query_param("assignee");
  if (!text) return std::optional<std::string>();
  if (*text == "me") {
    if (!call.identity) return Status::invalid_field("assigned_to", "no signed-in user");
    return std::optional<std::string>(call.identity->user.username);
  }
  if (!text->empty() && text->find_first_not_of("0123456789") == std::string::npos &&
      text->size() < 18) {
    auto user = store::users::get(u, std::stoll(*text));
    if (!user) return Status::invalid_field("assigned_to", "no user has id " + *text);
    return std::optional<std::string>(user->username);
  }
  return std::optional<std::string>(*text);
}

// Overdue: open and due before a day (today unless ?as_of=).
Status overdue_filter(const Request& request, store::tasks::PageFilter& filter) {
  std::optional<std::string> as_of;
  if (Status s = date_param(request, "as_of", as_of); !s) return s;
  std::string day = as_of.value_or(domain::Date::today().to_string());
  filter.status = "open";
  if (!filter.due_before || day < *filter.due_before) filter.due_before = day;
  return Status::ok();
}

// One page of tasks matching `filter`, after resolving ?assigned_to= (restricted ones left out
// in SQL).
Response task_page(Call& call, store::tasks::PageFilter filter) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  filter.page = page.value();
  filter.include_restricted = call.sees_restricted();
  return filtered_page(
      call,
      [&](store::Unit& u) -> Result<store::Page<domain::Task>> {
        auto who = assignee_param(call, u);
        if (!who) return who.status();
        filter.assignee = who.value();
        return store::tasks::page(u, filter);
      },
      task_json);
}

Response list_tasks(Call& call) {
  store::tasks::PageFilter filter;
  filter.status = call.request.query_param("status").value_or("open");
  if (*filter.status == "all") {
    filter.status.reset();
  } else if (*filter.status != "open" && *filter.status != "done" &&
             *filter.status != "cancelled") {
    return Response::from_status(
        Status::invalid_field("status", "must be open, done, cancelled or all"));
  }
  if (Status s = id_param(call.request, "constituent_id", filter.constituent_id); !s) {
    return Response::from_status(s);
  }
  if (Status s = date_param(call.request, "due_before", filter.due_before); !s) {
    return Response::from_status(s);
  }
  if (Status s = date_param(call.request, "due_after", filter.due_after); !s) {
    return Response::from_status(s);
  }
  if (auto overdue = call.request.query_param("overdue")) {
    if (*overdue != "true" && *overdue != "false") {
      return Response::from_status(Status::invalid_field("overdue", "must be true or false"));
    }
    if (*overdue == "true") {
      if (Status s = overdue_filter(call.request, filter); !s) return Response::from_status(s);
    }
  }
  return task_page(call, filter);
}

Response overdue_tasks(Call& call) {
  store::tasks::PageFilter filter;
  if (Status s = overdue_filter(call.request, filter); !s) return Response::from_status(s);
  return task_page(call, filter);
}

// The task when the caller may see it (404 like a missing one otherwise).
Result<domain::Task> visible_task(Call& call, store::Unit& u, long long id) {
  auto t = store::tasks::get(u, id);
  if (!t) return t.status();
  if (t->constituent_id) {
    if (Status s = require_visible(call, u, *t->constituent_id,
                                   "task " + std::to_string(id) + " does not exist");
        !s)
      return s;
  }
  return t;
}

Status check_assignee(store::Unit& u, const std::string& assignee) {
  if (assignee.empty()) return Status::ok();  // the store names the missing field
  if (!store::users::get_by_username(u, assignee)) {
    return Status::invalid_field("assignee", "no user is called " + assignee);
  }
  return Status::ok();
}

Response get_task(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_task();
  auto t = call.db.read([&](store::Unit& u) { return visible_task(call, u, *id); });
  if (!t) return Response::from_status(t.status());
  nlohmann::json j = task_json(t.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

// The editable fields of a task body (create and replace); errors are collected in `in`.
domain::TaskInput read_task(JsonReader& in) {
  domain::TaskInput t;
  t.assignee = in.text("assignee", true).value_or("");
  t.title = in.text("title", true).value_or("");
  t.details = in.text("details", false);
  if (auto due = in.text("due_on", false)) {
    auto d = domain::Date::parse(*due, "due_on");
    if (!d) {
      in.error("due_on", "must be a date YYYY-MM-DD");
    } else {
      t.due_on = d.value();
    }
  }
  t.constituent_id = in.integer("constituent_id", false);
  for (const char* echoed :
       {"id", "status", "completed_at", "created_by", "created_at", "updated_at"}) {
    in.ignore(echoed);
  }
  return t;
}

Response create_task(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::TaskInput t = read_task(in);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto made = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Task> {
    if (t.constituent_id) {
      if (Status s = require_visible(call, u, *t.constituent_id, "hidden"); !s) {
        return hidden_constituent(*t.constituent_id);
      }
    }
    if (Status s = check_assignee(u, t.assignee); !s) return s;
    return store::tasks::create(u, t);
  });
  if (!made) return Response::from_status(made.status());
  return Response::json(201, task_json(made.value()))
      .set("Location", "/api/v1/tasks/" + std::to_string(made.value().id));
}

// Runs change(unit, id) on a task the caller may see.
template <class F>
Response change_task(Call& call, F change) {
  auto id = path_id(call.request);
  if (!id) return no_task();
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Task> {
    if (auto t = visible_task(call, u, *id); !t) return t.status();
    return change(u, *id);
  });
  if (!done) return Response::from_status(done.status());
  return Response::json(200, task_json(done.value()));
}

Response complete_task(Call& call) {
  return change_task(call,
                     [](store::Unit& u, long long id) { return store::tasks::complete(u, id); });
}

Response reopen_task(Call& call) {
  return change_task(call,
                     [](store::Unit& u, long long id) { return store::tasks::reopen(u, id); });
}

Response assign_task(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto assignee = in.text("assignee", true).value_or("");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  return change_task(call, [&](store::Unit& u, long long id) -> Result<domain::Task> {
    if (Status s = check_assignee(u, assignee); !s) return s;
    return store::tasks::assign(u, id, assignee);
  });
}

// PUT: title, details, due_on and assignee replaced; the constituent cannot be changed (422).
Response replace_task(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_task();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::TaskInput t = read_task(in);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  std::optional<Response> refused;
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Task> {
    auto current = visible_task(call, u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(task_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    if (body.contains("constituent_id") && t.constituent_id != current->constituent_id) {
      return Status::invalid_field("constituent_id", "a task cannot move to another constituent");
    }
    if (Status s = check_assignee(u, t.assignee); !s) return s;
    return store::tasks::update(u, *id, t);
  });
  if (refused) return *refused;
  if (!done) return Response::from_status(done.status());
  nlohmann::json j = task_json(done.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

// DELETE: soft delete (tasks.deleted_at), audited; 204.
Response delete_task(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_task();
  Status done = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    if (auto t = visible_task(call, u, *id); !t) return t.status();
    return store::tasks::remove(u, *id);
  });
  if (!done) return Response::from_status(done);
  return Response::no_content();
}

}  // namespace

void add_task_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/tasks", Permission::kReadDonors,
        "Tasks by due day, cursor-paged (?assigned_to=me|id&status=&overdue=&due_before=&due_after="
        "&constituent_id=&after=&limit=)",
        list_tasks);
  route("GET", "/api/v1/tasks/overdue", Permission::kReadDonors,
        "Open tasks due before as_of, cursor-paged (?as_of=&assigned_to=&after=&limit=)",
        overdue_tasks);
  route("POST", "/api/v1/tasks", Permission::kWriteDonors, "Create a task", create_task);
  route("GET", "/api/v1/tasks/{id}", Permission::kReadDonors, "One task, with its ETag", get_task);
  route("PUT", "/api/v1/tasks/{id}", Permission::kWriteDonors,
        "Edit a task's title, details, due date and assignee (If-Match required)", replace_task);
  route("DELETE", "/api/v1/tasks/{id}", Permission::kWriteDonors, "Delete a task (soft)",
        delete_task);
  route("POST", "/api/v1/tasks/{id}/complete", Permission::kWriteDonors, "Mark an open task done",
        complete_task);
  route("POST", "/api/v1/tasks/{id}/reopen", Permission::kWriteDonors,
        "Reopen a done or cancelled task", reopen_task);
  route("POST", "/api/v1/tasks/{id}/assign", Permission::kWriteDonors,
        "Hand a task to another user {assignee}", assign_task);
}

}  // namespace steward::http

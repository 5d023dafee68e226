// steward tasks add|list|overdue|done|reopen|assign
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "store/task_repository.hpp"

namespace steward::app {
namespace {

using domain::Date;

void print_task(const domain::Task& t) {
  std::printf(
      "%-6lld %-10s %-12s %-5s %s%s\n", t.id, t.due_on ? t.due_on->to_string().c_str() : "-",
      t.assignee.c_str(), t.status.c_str(), t.title.c_str(),
      t.constituent_id ? (" [constituent " + std::to_string(*t.constituent_id) + "]").c_str() : "");
}

void print_all(const std::vector<domain::Task>& list) {
  for (const auto& t : list) print_task(t);
}

void task_add_add(CLI::App* group, Context& ctx) {
  auto in = std::make_shared<domain::TaskInput>();
  auto due = std::make_shared<std::string>();
  auto constituent = std::make_shared<long long>(0);
  auto details = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("add", "add a task");
  cmd->add_option("--assignee", in->assignee, "user name")->required();
  cmd->add_option("--subject", in->title, "what to do")->required();
  cmd->add_option("--due", *due, "due day, YYYY-MM-DD");
  cmd->add_option("--constituent", *constituent, "constituent id");
  cmd->add_option("--details", *details, "details");
  cmd->callback([&ctx, in, due, constituent, details] {
    domain::TaskInput task = *in;
    task.due_on = args::opt_date(*due, "--due");
    if (*constituent) task.constituent_id = *constituent;
    if (!details->empty()) task.details = *details;
    auto t = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::tasks::create(u, task); }));
    std::cout << "created task " << t.id << "\n";
  });
}

void task_add_list(CLI::App* group, Context& ctx) {
  auto assignee = std::make_shared<std::string>();
  auto constituent = std::make_shared<long long>(0);
  auto all = std::make_shared<bool>(false);
  auto* cmd = group->add_subcommand("list", "open tasks (by due day)");
  cmd->add_option("--assignee", *assignee, "only this user's tasks");
  cmd->add_option("--constituent", *constituent, "only tasks about this constituent");
  cmd->add_flag("--all", *all, "include done and cancelled tasks");
  cmd->callback([&ctx, assignee, constituent, all] {
    store::tasks::ListFilter f;
    if (!assignee->empty()) f.assignee = *assignee;
    if (*constituent) f.constituent_id = *constituent;
    if (!*all) f.status = "open";
    print_all(args::value_or_exit(
        args::database(ctx).read([&](store::Unit& u) { return store::tasks::list(u, f); })));
  });
}

void task_add_overdue(CLI::App* group, Context& ctx) {
  auto assignee = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("overdue", "open tasks past their due day");
  cmd->add_option("--assignee", *assignee, "only this user's tasks");
  cmd->add_option("--as-of", *as_of, "YYYY-MM-DD (default today UTC)");
  cmd->callback([&ctx, assignee, as_of] {
    Date day = as_of->empty() ? Date::today() : args::date(*as_of, "--as-of");
    std::optional<std::string> who;
    if (!assignee->empty()) who = *assignee;
    print_all(args::value_or_exit(args::database(ctx).read(
        [&](store::Unit& u) { return store::tasks::overdue(u, day, who); })));
  });
}

void add_change(CLI::App* group, Context& ctx, const std::string& name, const std::string& help) {
  auto id = std::make_shared<long long>(0);
  auto to = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand(name, help);
  cmd->add_option("id", *id, "task id")->required();
  if (name == "assign") cmd->add_option("--to", *to, "new assignee")->required();
  cmd->callback([&ctx, id, to, name] {
    auto t = args::value_or_exit(args::database(ctx).write(ctx.actor(), [&](store::Unit& u) {
      if (name == "done") return store::tasks::complete(u, *id);
      if (name == "reopen") return store::tasks::reopen(u, *id);
      return store::tasks::assign(u, *id, *to);
    }));
    print_task(t);
  });
}

}  // namespace

void add_tasks_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("tasks", "moves-management tasks");
  group->require_subcommand(1);
  task_add_add(group, ctx);
  task_add_list(group, ctx);
  task_add_overdue(group, ctx);
  add_change(group, ctx, "done", "mark a task done");
  add_change(group, ctx, "reopen", "reopen a done task");
  add_change(group, ctx, "assign", "hand a task to someone else");
}

}  // namespace steward::app

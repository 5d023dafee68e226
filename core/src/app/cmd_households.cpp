// steward households create --name NAME MEMBER_ID... | add HOUSEHOLD_ID MEMBER_ID [--role R] |
// remove HOUSEHOLD_ID MEMBER_ID
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "store/household_repository.hpp"

namespace steward::app {
namespace {

store::Database& household_open(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

struct CreateArgs {
  std::string name;
  std::vector<long long> members;
};

struct MemberArgs {
  long long household = 0;
  long long member = 0;
  std::string role = "member";
};

}  // namespace

void add_households_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("households", "households and their members");
  group->require_subcommand(1);

  auto c = std::make_shared<CreateArgs>();
  auto* create = group->add_subcommand("create", "create a household with members");
  create->add_option("--name", c->name, "household name (default: The <Last> Household)");
  create->add_option("members", c->members, "member constituent ids");
  create->callback([&ctx, c] {
    store::households::HouseholdInput in;
    if (!c->name.empty()) in.name = c->name;
    in.member_ids = c->members;
    auto made = household_open(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::households::create(u, in); });
    if (!made) throw CLI::RuntimeError(fail(made.status()));
    std::cout << "created household " << made->id << ": " << made->name() << " ("
              << c->members.size() << " member(s))\n";
  });

  auto add = std::make_shared<MemberArgs>();
  auto* add_cmd = group->add_subcommand("add", "add a person to a household");
  add_cmd->add_option("household", add->household, "household id")->required();
  add_cmd->add_option("member", add->member, "member constituent id")->required();
  add_cmd->add_option("--role", add->role, "head, spouse, partner, child or member (default)");
  add_cmd->callback([&ctx, add] {
    auto m = household_open(ctx).write(ctx.actor(), [&](store::Unit& u) {
      return store::households::add_member(u, add->household, add->member, add->role);
    });
    if (!m) throw CLI::RuntimeError(fail(m.status()));
    std::cout << "added " << m->member_name << " to household " << m->household_id << "\n";
  });

  auto rm = std::make_shared<MemberArgs>();
  auto* rm_cmd = group->add_subcommand("remove", "end a person's membership (history is kept)");
  rm_cmd->add_option("household", rm->household, "household id")->required();
  rm_cmd->add_option("member", rm->member, "member constituent id")->required();
  rm_cmd->callback([&ctx, rm] {
    Status s = household_open(ctx).write(ctx.actor(), [&](store::Unit& u) {
      return store::households::remove_member(u, rm->household, rm->member);
    });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << "removed " << rm->member << " from household " << rm->household << "\n";
  });
}

}  // namespace steward::app

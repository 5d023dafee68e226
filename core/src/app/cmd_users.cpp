// steward users add|list|set-role|reset-password|disable|enable|ensure-admin
// steward users token-create|tokens|token-revoke
// Accounts for the people who sign in (docs/security.md). Passwords are never taken on the
// command line (they would sit in shell history): `add` and `reset-password` print a one-time
// password that must be changed at first sign-in, or read one from stdin with --password-stdin.
#include <iostream>
#include <memory>
#include <string>

#include "app/cli.hpp"
#include "auth/tokens.hpp"
#include "store/migrations.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace steward::app {
namespace {

store::Database* user_current_database(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  store::MigrationRunner runner(*db);
  if (Status s = runner.check_current(); !s) throw CLI::RuntimeError(fail(s));
  return db;
}

auth::Role role_or_throw(const std::string& text) {
  auto role = auth::parse_role(text);
  if (!role) {
    throw CLI::RuntimeError(
        fail(Status::invalid_field("role", "must be admin, fundraiser, analyst or viewer")));
  }
  return *role;
}

std::string read_password_stdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

long long user_id_or_throw(store::Database& db, const std::string& username) {
  auto user = db.read([&](store::Unit& u) { return store::users::get_by_username(u, username); });
  if (!user) throw CLI::RuntimeError(fail(user.status()));
  return user.value().id;
}

void print_one_time(const std::string& username, const std::string& password) {
  std::cout << "user " << username << " has the one-time password: " << password << "\n"
            << "It must be changed at first sign-in. It is shown only this once.\n";
}

void add_user_commands(CLI::App* users, Context& ctx) {
  struct AddArgs {
    std::string username, role = "viewer", display_name, email;
    bool restricted = false, password_stdin = false;
  };
  auto a = std::make_shared<AddArgs>();
  auto* add = users->add_subcommand("add", "create a user");
  add->add_option("username", a->username, "sign-in name (lowercase)")->required();
  add->add_option("--role", a->role, "admin, fundraiser, analyst or viewer");
  add->add_option("--display-name", a->display_name, "name shown in the UI");
  add->add_option("--email", a->email, "email address");
  add->add_flag("--restricted", a->restricted, "may see restricted donors and interactions");
  add->add_flag("--password-stdin", a->password_stdin, "read the password from stdin");
  add->callback([&ctx, a] {
    store::Database* db = user_current_database(ctx);
    domain::NewUser input;
    input.username = a->username;
    input.role = role_or_throw(a->role);
    input.display_name = a->display_name.empty() ? a->username : a->display_name;
    if (!a->email.empty()) input.email = a->email;
    input.restricted_access = a->restricted || input.role == auth::Role::kAdmin;
    input.must_change_password = !a->password_stdin;
    input.password = a->password_stdin ? read_password_stdin() : auth::random_one_time_password();
    auto created =
        db->write(ctx.actor(), [&](store::Unit& u) { return store::users::create(u, input); });
    if (!created) throw CLI::RuntimeError(fail(created.status()));
    if (a->password_stdin) {
      std::cout << "created user " << input.username << " (" << a->role << ")\n";
    } else {
      print_one_time(input.username, input.password);
    }
  });

  users->add_subcommand("list", "list users")->callback([&ctx] {
    store::Database* db = user_current_database(ctx);
    auto all = db->read([](store::Unit& u) { return store::users::list(u); });
    if (!all) throw CLI::RuntimeError(fail(all.status()));
    for (const domain::User& user : all.value()) {
      std::cout << user.username << "\t" << auth::to_string(user.role)
                << (user.restricted_access ? "\trestricted" : "\t-")
                << (user.disabled ? "\tdisabled" : "\tactive")
                << (user.must_change_password ? "\tmust change password" : "") << "\n";
    }
  });

  auto role_args = std::make_shared<std::pair<std::string, std::string>>();
  auto restricted = std::make_shared<bool>(false);
  auto* set_role = users->add_subcommand("set-role", "change a user's role");
  set_role->add_option("username", role_args->first)->required();
  set_role->add_option("role", role_args->second)->required();
  set_role->add_flag("--restricted,!--no-restricted", *restricted,
                     "grant or withhold access to restricted records");
  set_role->callback([&ctx, role_args, restricted] {
    store::Database* db = user_current_database(ctx);
    auth::Role role = role_or_throw(role_args->second);
    long long id = user_id_or_throw(*db, role_args->first);
    Status s = db->write(ctx.actor(), [&](store::Unit& u) {
      return store::users::set_role(u, id, role, *restricted || role == auth::Role::kAdmin);
    });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << role_args->first << " is now " << role_args->second << "\n";
  });

  auto reset_name = std::make_shared<std::string>();
  auto* reset = users->add_subcommand("reset-password", "give a user a new one-time password");
  reset->add_option("username", *reset_name)->required();
  reset->callback([&ctx, reset_name] {
    store::Database* db = user_current_database(ctx);
    long long id = user_id_or_throw(*db, *reset_name);
    std::string password = auth::random_one_time_password();
    Status s = db->write(ctx.actor(), [&](store::Unit& u) {
      return store::users::set_password(u, id, password, true);
    });
    if (!s) throw CLI::RuntimeError(fail(s));
    print_one_time(*reset_name, password);
  });

  for (bool disable : {true, false}) {
    auto name = std::make_shared<std::string>();
    auto* cmd = users->add_subcommand(disable ? "disable" : "enable",
                                      disable ? "stop a user signing in (ends their sessions)"
                                              : "let a disabled user sign in again");
    cmd->add_option("username", *name)->required();
    cmd->callback([&ctx, name, disable] {
      store::Database* db = user_current_database(ctx);
      long long id = user_id_or_throw(*db, *name);
      Status s = db->write(
          ctx.actor(), [&](store::Unit& u) { return store::users::set_disabled(u, id, disable); });
      if (!s) throw CLI::RuntimeError(fail(s));
      std::cout << *name << (disable ? " is disabled\n" : " is enabled\n");
    });
  }

  users->add_subcommand("ensure-admin", "create the first admin when there are no users")
      ->callback([&ctx] {
        store::Database* db = user_current_database(ctx);
        std::string password = auth::random_one_time_password();
        auto created = db->write(ctx.actor(), [&](store::Unit& u) -> Result<bool> {
          auto n = store::users::count(u);
          if (!n) return n.status();
          if (n.value() > 0) return false;
          domain::NewUser input{"admin", "Administrator", std::nullopt, auth::Role::kAdmin,
                                true,    password,        true};
          auto user = store::users::create(u, input);
          if (!user) return user.status();
          return true;
        });
        if (!created) throw CLI::RuntimeError(fail(created.status()));
        if (created.value()) print_one_time("admin", password);
      });
}

void add_token_commands(CLI::App* users, Context& ctx) {
  struct TokenArgs {
    std::string username, name, scope = "read";
    long long id = 0;
  };
  auto t = std::make_shared<TokenArgs>();
  auto* create = users->add_subcommand("token-create", "create a personal API token");
  create->add_option("username", t->username)->required();
  create->add_option("name", t->name, "what the token is for")->required();
  create->add_option("--scope", t->scope, "read or read_write");
  create->callback([&ctx, t] {
    store::Database* db = user_current_database(ctx);
    long long id = user_id_or_throw(*db, t->username);
    auto token = db->write(ctx.actor(), [&](store::Unit& u) {
      return store::sessions::create_api_token(u, id, t->name, t->scope);
    });
    if (!token) throw CLI::RuntimeError(fail(token.status()));
    std::cout << "token " << token.value().id << ": " << token.value().token << "\n"
              << "It is shown only this once.\n";
  });

  auto* tokens = users->add_subcommand("tokens", "list a user's API tokens");
  tokens->add_option("username", t->username)->required();
  tokens->callback([&ctx, t] {
    store::Database* db = user_current_database(ctx);
    long long id = user_id_or_throw(*db, t->username);
    auto all = db->read([&](store::Unit& u) { return store::sessions::list_api_tokens(u, id); });
    if (!all) throw CLI::RuntimeError(fail(all.status()));
    for (const auto& token : all.value()) {
      std::cout << token.id << "\t" << token.name << "\t" << token.scope << "\t"
                << (token.revoked ? "revoked" : "active") << "\t"
                << token.last_used_at.value_or("never used") << "\n";
    }
  });

  auto* revoke = users->add_subcommand("token-revoke", "revoke an API token");
  revoke->add_option("username", t->username)->required();
  revoke->add_option("id", t->id)->required();
  revoke->callback([&ctx, t] {
    store::Database* db = user_current_database(ctx);
    long long id = user_id_or_throw(*db, t->username);
    Status s = db->write(ctx.actor(), [&](store::Unit& u) {
      return store::sessions::revoke_api_token(u, id, t->id);
    });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << "token " << t->id << " revoked\n";
  });
}

}  // namespace

void add_users_command(CLI::App& app, Context& ctx) {
  auto* users = app.add_subcommand("users", "accounts of the people who sign in");
  users->require_subcommand(1);
  add_user_commands(users, ctx);
  add_token_commands(users, ctx);
}

}  // namespace steward::app

// Users (admins only) and each user's own API tokens.
//   GET  /api/v1/users                     POST /api/v1/users (returns a one-time password once)
//   PUT  /api/v1/users/{id}/role           POST /api/v1/users/{id}/password-reset
//   POST /api/v1/users/{id}/disable        POST /api/v1/users/{id}/enable
//   GET  /api/v1/session/tokens            POST /api/v1/session/tokens   DELETE .../{id}
#include "auth/tokens.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace steward::http {
namespace {

std::optional<auth::Role> read_role(JsonReader& in, bool required) {
  auto text = in.text("role", required);
  if (!text) return std::nullopt;
  auto role = auth::parse_role(*text);
  if (!role) in.error("role", "must be admin, fundraiser, analyst or viewer");
  return role;
}

Response list_users(Call& call) {
  auto users = call.db.read([](store::Unit& u) { return store::users::list(u); });
  if (!users) return Response::from_status(users.status());
  nlohmann::json items = nlohmann::json::array();
  for (const domain::User& user : users.value()) items.push_back(user_json(user));
  return Response::json(200, page_json(items, std::nullopt));
}

Response create_user(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::NewUser input;
  input.username = in.text("username", true).value_or("");
  input.display_name = in.text("display_name", true).value_or("");
  input.email = in.text("email", false);
  input.role = read_role(in, true).value_or(auth::Role::kViewer);
  input.restricted_access = in.boolean("restricted_access", false).value_or(false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (input.role == auth::Role::kAdmin) input.restricted_access = true;
  input.password = auth::random_one_time_password();
  input.must_change_password = true;
  auto user =
      call.db.write(call.actor, [&](store::Unit& u) { return store::users::create(u, input); });
  if (!user) return Response::from_status(user.status());
  nlohmann::json j = user_json(user.value());
  j["one_time_password"] = input.password;
  return Response::json(201, j).set("Location", "/api/v1/users/" + std::to_string(user.value().id));
}

Response set_role(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such user");
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto role = read_role(in, true);
  auto restricted = in.boolean("restricted_access", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto user = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::User> {
    bool grant = restricted.value_or(false) || *role == auth::Role::kAdmin;
    if (Status s = store::users::set_role(u, *id, *role, grant); !s) return s;
    return store::users::get(u, *id);
  });
  if (!user) return Response::from_status(user.status());
  return Response::json(200, user_json(user.value()));
}

Response reset_password(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such user");
  std::string password = auth::random_one_time_password();
  Status s = call.db.write(call.actor, [&](store::Unit& u) {
    return store::users::set_password(u, *id, password, true);
  });
  if (!s) return Response::from_status(s);
  return Response::json(200, {{"one_time_password", password}});
}

Response set_disabled(Call& call, bool disabled) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such user");
  if (disabled && call.identity->user.id == *id) {
    return Response::from_status(Status::precondition_failed("you cannot disable yourself"));
  }
  auto user = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::User> {
    if (Status s = store::users::set_disabled(u, *id, disabled); !s) return s;
    return store::users::get(u, *id);
  });
  if (!user) return Response::from_status(user.status());
  return Response::json(200, user_json(user.value()));
}

nlohmann::json token_json(const store::sessions::ApiToken& t) {
  return {
      {"id", t.id},
      {"name", t.name},
      {"scope", t.scope},
      {"revoked", t.revoked},
      {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json(nullptr)},
      {"created_at", t.created_at}};
}

Response list_tokens(Call& call) {
  const long long me = call.identity->user.id;
  auto tokens =
      call.db.read([&](store::Unit& u) { return store::sessions::list_api_tokens(u, me); });
  if (!tokens) return Response::from_status(tokens.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : tokens.value()) items.push_back(token_json(t));
  return Response::json(200, page_json(items, std::nullopt));
}

Response create_token(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto name = in.text("name", true);
  auto scope = in.text("scope", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  const long long me = call.identity->user.id;
  auto token = call.db.write(call.actor, [&](store::Unit& u) {
    return store::sessions::create_api_token(u, me, *name, scope.value_or("read"));
  });
  if (!token) return Response::from_status(token.status());
  return Response::json(201, {{"id", token.value().id},
                              {"name", *name},
                              {"scope", scope.value_or("read")},
                              {"token", token.value().token}});
}

Response revoke_token(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such token");
  const long long me = call.identity->user.id;
  Status s = call.db.write(
      call.actor, [&](store::Unit& u) { return store::sessions::revoke_api_token(u, me, *id); });
  return s ? Response::no_content() : Response::from_status(s);
}

}  // namespace

void add_user_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/users",
         Access::kPermission,
         Permission::kManageUsers,
         "List users",
         list_users,
         {}});
  r.add({"POST",
         "/api/v1/users",
         Access::kPermission,
         Permission::kManageUsers,
         "Create a user; the response holds a one-time password, shown once",
         create_user,
         {}});
  r.add({"PUT",
         "/api/v1/users/{id}/role",
         Access::kPermission,
         Permission::kManageUsers,
         "Change a user's role and restricted grant",
         set_role,
         {}});
  r.add({"POST",
         "/api/v1/users/{id}/password-reset",
         Access::kPermission,
         Permission::kManageUsers,
         "Give a user a new one-time password",
         reset_password,
         {}});
  r.add({"POST",
         "/api/v1/users/{id}/disable",
         Access::kPermission,
         Permission::kManageUsers,
         "Disable a user (ends their sessions)",
         [](Call& c) { return set_disabled(c, true); },
         {}});
  r.add({"POST",
         "/api/v1/users/{id}/enable",
         Access::kPermission,
         Permission::kManageUsers,
         "Enable a disabled user",
         [](Call& c) { return set_disabled(c, false); },
         {}});
  r.add({"GET",
         "/api/v1/session/tokens",
         Access::kPermission,
         Permission::kReadDonors,
         "Your personal API tokens",
         list_tokens,
         {}});
  r.add({"POST",
         "/api/v1/session/tokens",
         Access::kPermission,
         Permission::kReadDonors,
         "Create a personal API token (shown once)",
         create_token,
         {}});
  r.add({"DELETE",
         "/api/v1/session/tokens/{id}",
         Access::kPermission,
         Permission::kReadDonors,
         "Revoke one of your API tokens",
         revoke_token,
         {}});
}

}  // namespace steward::http

// Routes: a method, a path pattern with {name} segments, who may call it, and the handler.
// The route table is also the source of the OpenAPI document (http/openapi.cpp), so a route
// cannot exist undocumented.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.hpp"
#include "domain/user.hpp"
#include "http/message.hpp"
#include "store/database.hpp"

namespace steward::http {

// Who is calling: a signed-in user (session cookie) or an API token.
struct Identity {
  domain::User user;
  bool via_token = false;
  std::string token_scope;  // "read" or "read_write" for tokens
  long long session_id = 0;
  std::string csrf_token;
  bool second_factor_pending = false;
};

// Everything a handler needs for one request.
struct Call {
  const Request& request;
  const std::optional<Identity>& identity;
  store::Database& db;
  store::Actor actor;  // "user:<name>" from <address>, for the audit trail

  // Whether the caller may see restricted constituents and interactions.
  bool sees_restricted() const { return identity && identity->user.restricted_access; }
};

using Handler = std::function<Response(Call&)>;

enum class Access {
  kPublic,      // anyone (sign-in, health)
  kPartial,     // signed in, second factor possibly still pending (whoami, sign out, 2FA)
  kSignedIn,    // signed in with the second factor, password change possibly pending
  kPermission,  // a signed-in user whose role has `permission`
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/funds/{id}"
  Access access = Access::kPermission;
  auth::Permission permission = auth::Permission::kReadDonors;
  std::string summary;  // one line for the OpenAPI document
  Handler handler;
  // Optional OpenAPI fragments (request body schema, query parameters) for the document.
  nlohmann::json openapi;
};

class Router {
 public:
  void add(Route route);
  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;  // methods for the path when the method didn't match
  };
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace steward::http

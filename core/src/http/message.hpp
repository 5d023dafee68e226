// What a handler sees and returns: plain structs, no Beast types, so handlers are easy to test
// and the server can change underneath them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "steward/sdk/result.hpp"

namespace steward::http {

struct Request {
  std::string method;                              // "GET", "POST", ...
  std::string target;                              // as sent: path and query
  std::string path;                                // percent-decoded path without the query
  std::map<std::string, std::string> query;        // decoded; a repeated key keeps the last
  std::map<std::string, std::string> path_params;  // filled by the router: {id} -> "42"
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase
  std::string body;
  std::string remote_addr;
  std::string request_id;
  bool secure = false;  // over TLS, or behind a trusted proxy that said https

  std::optional<std::string> header(std::string_view lowercase_name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  std::optional<std::string> query_param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string log_user;     // who made the request, for the access log only (not sent)
  std::string route_label;  // the route pattern, for metrics only (not sent)

  Response& set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }

  static Response json(int status, const nlohmann::json& body);
  static Response no_content();
  // RFC 9457 problem details. `type` is a stable slug ("validation", "not-found") under
  // https://steward.invalid/problems/ (documented in docs/api.md).
  static Response problem(int status, const std::string& type, const std::string& title,
                          const std::string& detail = "",
                          const std::vector<FieldError>& fields = {});
  // Maps a Status to its HTTP answer: invalid 422, not found 404, conflict 409, precondition
  // failed 409, permission denied 403, unavailable 503, internal 500 (detail not shown).
  static Response from_status(const Status& status);
};

// Percent-decodes a path or query component ('+' as space when `plus_is_space`). nullopt for
// malformed escapes or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// Splits "a=1&b=x%20y" into decoded pairs; nullopt when any part is malformed.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view query);

}  // namespace steward::http

#include "http/handlers/common.hpp"

#include <charconv>

#include "auth/tokens.hpp"

namespace steward::http {
namespace {

std::optional<long long> positive(const std::string& text) {
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

std::optional<long long> path_id(const Request& request, const std::string& name) {
  auto it = request.path_params.find(name);
  if (it == request.path_params.end()) return std::nullopt;
  return positive(it->second);
}

Result<store::PageRequest> page_request(const Request& request) {
  store::PageRequest page;
  if (auto after = request.query_param("after")) {
    auto v = positive(*after);
    if (!v) return Status::invalid_field("after", "must be a record id from next_after");
    page.after_id = *v;
  }
  if (auto limit = request.query_param("limit")) {
    auto v = positive(*limit);
    if (!v || *v > store::kMaxPageSize) {
      return Status::invalid_field("limit", "must be a number from 1 to 500");
    }
    page.limit = static_cast<int>(*v);
  }
  return page;
}

nlohmann::json page_json(nlohmann::json items, const std::optional<long long>& next_after) {
  return {{"items", std::move(items)},
          {"next_after", next_after ? nlohmann::json(*next_after) : nlohmann::json(nullptr)}};
}

std::string etag_of(const nlohmann::json& image) {
  return "\"" + auth::hash_token(image.dump()).substr(0, 16) + "\"";
}

std::optional<Response> check_if_match(const Request& request, const std::string& current) {
  auto sent = request.header("if-match");
  if (!sent) {
    return Response::problem(428, "precondition-required", "send If-Match with the record's ETag",
                             "read the record first; its ETag header guards against lost updates");
  }
  if (*sent != current && *sent != "*") {
    Response r = Response::problem(412, "stale", "the record changed since you read it",
                                   "reload it and apply your change again");
    r.set("ETag", current);
    return r;
  }
  return std::nullopt;
}

Response with_etag(Response response, const std::string& etag) {
  response.set("ETag", etag);
  return response;
}

nlohmann::json user_json(const domain::User& u) {
  nlohmann::json j = {{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"email", u.email ? nlohmann::json(*u.email) : nlohmann::json(nullptr)},
                      {"role", auth::to_string(u.role)},
                      {"restricted_access", u.restricted_access},
                      {"must_change_password", u.must_change_password},
                      {"totp_enabled", u.totp_enabled},
                      {"disabled", u.disabled},
                      {"last_sign_in_at", u.last_sign_in_at ? nlohmann::json(*u.last_sign_in_at)
                                                            : nlohmann::json(nullptr)},
                      {"created_at", u.created_at}};
  return j;
}

}  // namespace steward::http

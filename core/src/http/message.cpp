#include "http/message.hpp"

#include <algorithm>

#include "http/field_error_code.hpp"

namespace steward::http {
namespace {

constexpr const char* kProblemBase = "https://steward.invalid/problems/";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view header_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> Request::header(std::string_view lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view wanted) const {
  auto all = header("cookie");
  if (!all) return std::nullopt;
  std::string_view rest = *all;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view pair = header_trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (header_trim(pair.substr(0, eq)) == wanted)
      return std::string(header_trim(pair.substr(eq + 1)));
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Response Response::json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::problem(int status, const std::string& type, const std::string& title,
                           const std::string& detail, const std::vector<FieldError>& fields) {
  nlohmann::json body = {{"type", kProblemBase + type}, {"title", title}, {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  if (!fields.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const FieldError& f : fields) {
      list.push_back(
          {{"field", f.field}, {"message", f.message}, {"code", field_error_code(f.message)}});
    }
    body["errors"] = list;
  }
  Response r = json(status, body);
  r.content_type = "application/problem+json";
  return r;
}

Response Response::from_status(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return no_content();
    case StatusCode::kInvalid:
      return problem(422, "validation", "the request has invalid fields", status.message(),
                     status.fields());
    case StatusCode::kNotFound:
      return problem(404, "not-found", "no such resource", status.message());
    case StatusCode::kConflict:
      return problem(409, "conflict", "the change conflicts with existing data", status.message());
    case StatusCode::kPreconditionFailed:
      return problem(409, "state", "the record's state does not allow this", status.message());
    case StatusCode::kPermissionDenied:
      return problem(403, "forbidden", "you may not do this", status.message());
    case StatusCode::kUnavailable: {
      Response r =
          problem(503, "unavailable", "a service Steward needs is unavailable", status.message());
      r.set("Retry-After", "1");  // the database is back in seconds; clients may try again
      return r;
    }
    case StatusCode::kInternal:
      break;
  }
  return problem(500, "internal", "something went wrong on our side; it has been logged");
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return std::nullopt;
      out += decoded;
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    out[*key] = *value;
  }
  return out;
}

}  // namespace steward::http

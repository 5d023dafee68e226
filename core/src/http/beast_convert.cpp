#include "http/beast_convert.hpp"

#include <sodium.h>

#include <cctype>

#include "domain/validation.hpp"

namespace steward::http {
namespace bhttp = boost::beast::http;

std::optional<Request> to_request(const BeastRequest& in, const std::string& remote_addr,
                                  const std::string& request_id) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  if (r.target.empty() || r.target.front() != '/') return std::nullopt;
  auto q = r.target.find('?');
  auto path = percent_decode(std::string_view(r.target).substr(0, q), false);
  if (!path || !domain::is_clean_text(*path) || path->find("/../") != std::string::npos ||
      (path->size() >= 3 && path->compare(path->size() - 3, 3, "/..") == 0)) {
    return std::nullopt;
  }
  r.path = *path;
  if (q != std::string::npos) {
    auto query = parse_query(std::string_view(r.target).substr(q + 1));
    if (!query) return std::nullopt;
    for (const auto& [k, v] : *query) {
      if (!domain::is_clean_text(k) || !domain::is_clean_text(v, true)) return std::nullopt;
    }
    r.query = std::move(*query);
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  r.body = in.body();
  r.remote_addr = remote_addr;
  r.request_id = request_id;
  return r;
}

BeastResponse to_beast(const Response& response, unsigned version, bool keep_alive,
                       const std::string& request_id) {
  BeastResponse out{static_cast<bhttp::status>(response.status), version};
  out.set(bhttp::field::server, "steward");
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  bool has_cache_control = false;
  for (const auto& [name, value] : response.headers) {
    out.insert(name, value);
    if (name == "Cache-Control") has_cache_control = true;
  }
  if (!has_cache_control) out.set(bhttp::field::cache_control, "no-store");
  out.set("X-Content-Type-Options", "nosniff");
  out.set("Referrer-Policy", "no-referrer");
  out.set("X-Frame-Options", "DENY");
  out.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  out.set("X-Request-Id", request_id);
  out.keep_alive(keep_alive);
  out.body() = response.body;
  out.prepare_payload();
  return out;
}

std::string request_id_for(const BeastRequest& in) {
  auto sent = in.find("X-Request-Id");
  if (sent != in.end() && sent->value().size() <= 64 && !sent->value().empty()) {
    bool plain = true;
    for (char c : sent->value()) {
      plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    }
    if (plain) return std::string(sent->value());
  }
  unsigned char raw[6];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

}  // namespace steward::http

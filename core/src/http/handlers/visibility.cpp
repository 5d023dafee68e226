#include "http/handlers/visibility.hpp"

#include "domain/date.hpp"
#include "store/restricted_lookup.hpp"

namespace steward::http {

Status require_visible(Call& call, store::Unit& u, long long constituent_id,
                       const std::string& not_found) {
  if (call.sees_restricted()) return Status::ok();
  auto restricted = store::restricted::constituent(u, constituent_id);
  if (!restricted) return restricted.status();
  if (restricted.value()) return Status::not_found(not_found);
  return Status::ok();
}

Result<bool> VisibilityCache::operator()(long long constituent_id) {
  if (call_.sees_restricted()) return true;
  auto it = known_.find(constituent_id);
  if (it == known_.end()) {
    auto restricted = store::restricted::constituent(unit_, constituent_id);
    if (!restricted) return restricted.status();
    it = known_.emplace(constituent_id, !restricted.value()).first;
  }
  return it->second;
}

Status id_param(const Request& r, const char* name, std::optional<long long>& out) {
  auto text = r.query_param(name);
  if (!text) return Status::ok();
  try {
    std::size_t used = 0;
    long long v = std::stoll(*text, &used);
    if (used == text->size() && v > 0) {
      out = v;
      return Status::ok();
    }
  } catch (const std::exception&) {
  }
  return Status::invalid_field(name, "must be a record id");
}

Status date_param(const Request& r, const char* name, std::optional<std::string>& out) {
  auto text = r.query_param(name);
  if (!text) return Status::ok();
  auto d = domain::Date::parse(*text, name);
  if (!d) return Status::invalid_field(name, "must be a date YYYY-MM-DD");
  out = d->to_string();
  return Status::ok();
}

}  // namespace steward::http

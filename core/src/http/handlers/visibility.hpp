// Hiding the records of restricted constituents (gifts, plans, pledges, giving) from callers
// without the restricted grant, and small query-parameter readers shared by those handlers.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "http/router.hpp"

namespace steward::http {

// Ok when the caller may see the constituent's records; otherwise kNotFound with `not_found`,
// the very message the store gives for a missing record. A missing constituent is ok here (the
// store reports it).
Status require_visible(Call& call, store::Unit& u, long long constituent_id,
                       const std::string& not_found);

// What the store answers for a constituent_id that does not exist, for one the caller may not
// see (so the answer does not tell them apart).
inline Status hidden_constituent(long long id) {
  return Status::invalid_field("constituent_id",
                               "constituent " + std::to_string(id) + " does not exist");
}

// Whether each constituent's records are visible to the caller, looked up once per constituent.
class VisibilityCache {
 public:
  VisibilityCache(Call& call, store::Unit& u) : call_(call), unit_(u) {}
  Result<bool> operator()(long long constituent_id);

 private:
  Call& call_;
  store::Unit& unit_;
  std::map<long long, bool> known_;
};

// ?name=<positive id> into `out`; an error naming the parameter otherwise.
Status id_param(const Request& r, const char* name, std::optional<long long>& out);
// ?name=YYYY-MM-DD into `out`; an error naming the parameter otherwise.
Status date_param(const Request& r, const char* name, std::optional<std::string>& out);

}  // namespace steward::http

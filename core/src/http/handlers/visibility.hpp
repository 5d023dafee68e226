// Hiding the records of restricted constituents (gifts, plans, pledges, giving) from callers
// without the restricted grant, and small query-parameter readers shared by those handlers.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/handlers/common.hpp"
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

// One page of a store list whose query already leaves out the records the caller may not see
// (the filter's include_restricted = call.sees_restricted(), joined against
// constituents.restricted in SQL), so a page of N is full when N visible rows exist:
// fetch(Unit&) -> Result<store::Page<T>>, to_json(const T&) -> json. Gifts, plans and pledges.
template <typename Fetch, typename ToJson>
Response filtered_page(Call& call, Fetch&& fetch, ToJson&& to_json) {
  std::optional<long long> next;
  auto items = call.db.read([&](store::Unit& u) -> Result<nlohmann::json> {
    auto page = fetch(u);
    if (!page) return page.status();
    next = page->next_after_id;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : page->items) out.push_back(to_json(item));
    return out;
  });
  if (!items) return Response::from_status(items.status());
  return Response::json(200, page_json(items.value(), next));
}

// The record `get(u, id)` answers (a Result<T>, T with constituent_id) when the caller may see
// its constituent; otherwise kNotFound saying "<what> <id> does not exist", exactly as for a
// missing id. Gifts, plans and pledges by id.
template <typename Get>
auto visible_record(Call& call, store::Unit& u, long long id, const char* what, Get&& get)
    -> decltype(get(u, id)) {
  auto record = get(u, id);
  if (!record) return record.status();
  if (Status s = require_visible(call, u, record->constituent_id,
                                 std::string(what) + " " + std::to_string(id) + " does not exist");
      !s)
    return s;
  return record;
}

// ?name=<positive id> into `out`; an error naming the parameter otherwise.
Status id_param(const Request& r, const char* name, std::optional<long long>& out);
// ?name=YYYY-MM-DD into `out`; an error naming the parameter otherwise.
Status date_param(const Request& r, const char* name, std::optional<std::string>& out);

}  // namespace steward::http

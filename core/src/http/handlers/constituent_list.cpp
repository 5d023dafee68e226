#include "http/handlers/constituent_list.hpp"

#include <algorithm>
#include <cctype>

#include "http/handlers/common.hpp"
#include "store/tag_repository.hpp"

namespace steward::http {

Result<std::optional<store::constituents::ListFilter>> constituent_filter(Call& call) {
  auto page = page_request(call.request);
  if (!page) return page.status();
  store::constituents::ListFilter filter;
  filter.page = page.value();
  filter.include_restricted = call.sees_restricted();
  if (auto kind = call.request.query_param("kind")) {
    if (*kind != domain::kIndividual && *kind != domain::kHousehold &&
        *kind != domain::kOrganization) {
      return Status::invalid_field("kind", "must be individual, household or organization");
    }
    filter.kind = *kind;
  }
  if (auto q = call.request.query_param("q"); q && !q->empty()) {
    if (q->size() > 200) return Status::invalid_field("q", "must be at most 200 characters");
    filter.search = *q;
  }
  if (auto tag = call.request.query_param("tag"); tag && !tag->empty()) {
    bool digits = std::all_of(tag->begin(), tag->end(),
                              [](unsigned char ch) { return std::isdigit(ch) != 0; });
    if (digits && tag->size() < 18) {
      filter.tag_id = std::stoll(*tag);
    } else {
      auto found = call.db.read([&](store::Unit& u) { return store::tags::get_by_name(u, *tag); });
      if (!found) {
        if (found.status().code() == StatusCode::kNotFound)
          return std::optional<store::constituents::ListFilter>();
        return found.status();
      }
      filter.tag_id = found.value().id;
    }
  }
  return std::optional<store::constituents::ListFilter>(filter);
}

}  // namespace steward::http

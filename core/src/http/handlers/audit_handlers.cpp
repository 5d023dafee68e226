// The audit trail, read-only, for admins.
//   GET /api/v1/audit[?entity_type=&entity_id=&actor=&action=&from=&to=&after=&limit=]  newest
//   first; `from`/`to` are days (YYYY-MM-DD, UTC, both included); `after` is the next_after of
//   the previous page (events older than it).
#include <charconv>

#include "domain/date.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "store/audit.hpp"

namespace steward::http {
namespace {

Response list_audit(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::AuditFilter filter;
  filter.before_id = page.value().after_id;
  filter.limit = page.value().limit;
  filter.entity_type = call.request.query_param("entity_type");
  filter.actor = call.request.query_param("actor");
  filter.action = call.request.query_param("action");
  if (auto id = call.request.query_param("entity_id")) {
    long long v = 0;
    auto [end, ec] = std::from_chars(id->data(), id->data() + id->size(), v);
    if (ec != std::errc() || end != id->data() + id->size()) {
      return Response::from_status(Status::invalid_field("entity_id", "must be a number"));
    }
    filter.entity_id = v;
  }
  std::optional<domain::Date> from;
  std::optional<domain::Date> to;
  for (const char* name : {"from", "to"}) {
    auto text = call.request.query_param(name);
    if (!text) continue;
    auto day = domain::Date::parse(*text, name);
    if (!day) return Response::from_status(day.status());
    (std::string_view(name) == "from" ? from : to) = *day;
  }
  if (from && to && *to < *from)
    return Response::from_status(Status::invalid_field("to", "must not be before from"));
  if (from) filter.from_at = from->to_string() + "T00:00:00Z";
  if (to) filter.until_at = to->add_days(1).to_string() + "T00:00:00Z";
  auto events = call.db.read([&](store::Unit& u) { return store::list_audit(u, filter); });
  if (!events) return Response::from_status(events.status());
  nlohmann::json items = nlohmann::json::array();
  for (const store::AuditEvent& e : events.value().items) {
    items.push_back(
        {{"id", e.id},
         {"at", e.created_at},
         {"actor", e.actor},
         {"action", e.action},
         {"entity_type", e.entity_type},
         {"entity_id", e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json()},
         {"before", e.before},
         {"after", e.after},
         {"remote_addr", e.remote_addr ? nlohmann::json(*e.remote_addr) : nlohmann::json()}});
  }
  return Response::json(200, page_json(items, events.value().next_after_id));
}

}  // namespace

void add_audit_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/audit",
                    Access::kPermission,
                    auth::Permission::kReadAudit,
                    "The audit trail, newest first, with filters",
                    list_audit,
                    {}});
}

}  // namespace steward::http

// CSV export of a segment's members: GET /api/v1/segments/{id}/members.csv (kExport). The same
// columns, BOM, quoting and formula neutralising as constituents.csv (constituent_csv.hpp).
// Restricted constituents are left out for callers without the grant.
#include <sstream>

#include "engine/segment_service.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_csv.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/segment_json.hpp"
#include "store/constituent_repository.hpp"

namespace steward::http {
namespace {

Response export_members(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such segment");
  std::ostringstream out;
  out << kCsvBom;
  csv_row(out, constituent_csv_header());
  Status s = call.db.read([&](store::Unit& u) -> Status {
    auto filter = saved_filter_for(call, u, *id);
    if (!filter) return filter.status();
    store::PageRequest page;
    page.limit = store::kMaxPageSize;
    for (;;) {
      auto members = engine::segments::members(u, filter.value(), page);
      if (!members) return members.status();
      for (const auto& m : members->items) {
        auto c = store::constituents::get(u, m.id);
        if (!c) return c.status();
        if (Status row = append_constituent_row(u, c.value(), out); !row) return row;
      }
      if (!members->next_after_id) return Status::ok();
      page.after_id = *members->next_after_id;
    }
  });
  if (!s) return Response::from_status(s);
  return csv_response(out.str(), "segment-" + std::to_string(*id) + ".csv");
}

}  // namespace

void add_segment_export_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/segments/{id}/members.csv",
                    Access::kPermission,
                    auth::Permission::kExport,
                    "Export a segment's members as CSV (UTF-8 with BOM)",
                    export_members,
                    {}});
}

}  // namespace steward::http

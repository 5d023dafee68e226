// CSV export of constituents: GET /api/v1/constituents.csv[?q=&kind=&tag=] (kExport).
// UTF-8 with a byte-order mark (so Excel shows Hangul), CRLF lines, RFC 4180 quoting. A cell
// starting with = + - @ tab or CR is prefixed with a single quote so a spreadsheet never runs
// it as a formula. Restricted constituents are left out for callers without the grant.
#include <sstream>

#include "http/handlers/constituent_csv.hpp"
#include "http/handlers/constituent_list.hpp"
#include "http/handlers/handlers.hpp"

namespace steward::http {
namespace {

Response export_constituents(Call& call) {
  auto filter = constituent_filter(call);
  if (!filter) return Response::from_status(filter.status());
  std::ostringstream out;
  out << kCsvBom;
  csv_row(out, constituent_csv_header());
  if (filter.value()) {
    store::constituents::ListFilter f = *filter.value();
    f.page.after_id = 0;
    f.page.limit = store::kMaxPageSize;
    Status s = call.db.read([&](store::Unit& u) -> Status {
      for (;;) {
        auto page = store::constituents::list(u, f);
        if (!page) return page.status();
        for (const auto& c : page.value().items) {
          if (Status row = append_constituent_row(u, c, out); !row) return row;
        }
        if (!page.value().next_after_id) return Status::ok();
        f.page.after_id = *page.value().next_after_id;
      }
    });
    if (!s) return Response::from_status(s);
  }
  return csv_response(out.str(), "constituents.csv");
}

}  // namespace

void add_constituent_export_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/constituents.csv",
                    Access::kPermission,
                    auth::Permission::kExport,
                    "Export constituents as CSV (UTF-8 with BOM; same filters as the list)",
                    export_constituents,
                    {}});
}

}  // namespace steward::http

// CSV export of constituents: GET /api/v1/constituents.csv[?q=&kind=&tag=] (kExport).
// UTF-8 with a byte-order mark (so Excel shows Hangul), CRLF lines, RFC 4180 quoting. A cell
// starting with = + - @ tab or CR is prefixed with a single quote so a spreadsheet never runs
// it as a formula. Restricted constituents are left out for callers without the grant.
#include <sstream>

#include "http/handlers/constituent_list.hpp"
#include "http/handlers/handlers.hpp"
#include "store/contact_repository.hpp"
#include "store/tag_repository.hpp"

namespace steward::http {
namespace {

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char ch : cell) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

void csv_row(std::ostringstream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ',';
    out << csv_cell(cells[i]);
  }
  out << "\r\n";
}

const std::vector<std::string>& header() {
  static const std::vector<std::string> kHeader = {
      "id",           "kind",        "display_name", "sort_name",
      "first_name",   "middle_name", "last_name",    "organization_name",
      "email",        "phone",       "line1",        "line2",
      "city",         "region",      "postal_code",  "country",
      "do_not_email", "do_not_mail", "do_not_call",  "do_not_solicit",
      "tags",         "created_at"};
  return kHeader;
}

Status append_row(store::Unit& u, const domain::Constituent& c, std::ostringstream& out) {
  auto s = [](const std::optional<std::string>& v) { return v.value_or(""); };
  auto b = [](bool v) { return std::string(v ? "true" : "false"); };
  auto emails = store::contacts::emails(u, c.id);
  if (!emails) return emails.status();
  auto phones = store::contacts::phones(u, c.id);
  if (!phones) return phones.status();
  auto addresses = store::contacts::addresses(u, c.id);
  if (!addresses) return addresses.status();
  auto tags = store::tags::tags_of(u, c.id);
  if (!tags) return tags.status();
  std::string tag_names;
  for (const auto& t : tags.value()) tag_names += (tag_names.empty() ? "" : "; ") + t.name;
  domain::Address address;
  if (!addresses.value().empty()) address = addresses.value().front();  // primary first
  bool has_address = !addresses.value().empty();
  csv_row(out, {std::to_string(c.id),
                c.kind,
                c.name(),
                c.sort_name,
                s(c.first_name),
                s(c.middle_name),
                s(c.last_name),
                s(c.organization_name),
                emails.value().empty() ? "" : emails.value().front().email,
                phones.value().empty() ? "" : phones.value().front().phone,
                address.line1,
                s(address.line2),
                s(address.city),
                s(address.region),
                s(address.postal_code),
                has_address ? address.country : "",
                b(c.do_not_email),
                b(c.do_not_mail),
                b(c.do_not_call),
                b(c.do_not_solicit),
                tag_names,
                c.created_at});
  return Status::ok();
}

Response export_constituents(Call& call) {
  auto filter = constituent_filter(call);
  if (!filter) return Response::from_status(filter.status());
  std::ostringstream out;
  out << "\xEF\xBB\xBF";
  csv_row(out, header());
  if (filter.value()) {
    store::constituents::ListFilter f = *filter.value();
    f.page.after_id = 0;
    f.page.limit = store::kMaxPageSize;
    Status s = call.db.read([&](store::Unit& u) -> Status {
      for (;;) {
        auto page = store::constituents::list(u, f);
        if (!page) return page.status();
        for (const auto& c : page.value().items) {
          if (Status row = append_row(u, c, out); !row) return row;
        }
        if (!page.value().next_after_id) return Status::ok();
        f.page.after_id = *page.value().next_after_id;
      }
    });
    if (!s) return Response::from_status(s);
  }
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = out.str();
  r.set("Content-Disposition", "attachment; filename=\"constituents.csv\"");
  return r;
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

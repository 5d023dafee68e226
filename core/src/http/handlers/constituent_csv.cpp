#include "http/handlers/constituent_csv.hpp"

#include "store/contact_repository.hpp"
#include "store/tag_repository.hpp"

namespace steward::http {

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

const std::vector<std::string>& constituent_csv_header() {
  static const std::vector<std::string> kHeader = {
      "id",           "kind",        "display_name", "sort_name",
      "first_name",   "middle_name", "last_name",    "organization_name",
      "email",        "phone",       "line1",        "line2",
      "city",         "region",      "postal_code",  "country",
      "do_not_email", "do_not_mail", "do_not_call",  "do_not_solicit",
      "tags",         "created_at"};
  return kHeader;
}

Status append_constituent_row(store::Unit& u, const domain::Constituent& c,
                              std::ostringstream& out) {
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

Response csv_response(std::string body, const std::string& filename) {
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(body);
  r.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

}  // namespace steward::http

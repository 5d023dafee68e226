// Contact points of a constituent: emails, phones and postal addresses.
//   POST   /api/v1/constituents/{id}/emails                 (phones, addresses alike)
//   PUT    /api/v1/constituents/{id}/emails/{email_id}      (If-Match: the contact's ETag)
//   DELETE /api/v1/constituents/{id}/emails/{email_id}
// The contact's ETag is in the answer to POST/PUT and as "etag" on each contact in the
// constituent's GET. A contact of another constituent, or of a hidden one, is 404.
#include <algorithm>

#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "store/contact_repository.hpp"

namespace steward::http {
namespace {

namespace contacts = store::contacts;

struct EmailKind {
  using Input = domain::EmailInput;
  using Row = domain::Email;
  static constexpr const char* kPath = "emails";
  static constexpr const char* kParam = "email_id";
  static constexpr const char* kNoun = "email";
  static nlohmann::json json(const Row& r) { return email_json(r); }
  static Input read(JsonReader& in) {
    Input e;
    e.email = in.text("email", true).value_or("");
    e.kind = in.text("kind", false).value_or("home");
    e.is_primary = in.boolean("is_primary", false).value_or(false);
    for (const char* echoed : {"unsubscribed_at", "etag"}) in.ignore(echoed);
    return e;
  }
  static auto list(store::Unit& u, long long c) { return contacts::emails(u, c); }
  static auto add(store::Unit& u, long long c, const Input& in) {
    return contacts::add_email(u, c, in);
  }
  static auto update(store::Unit& u, long long id, const Input& in) {
    return contacts::update_email(u, id, in);
  }
  static Status remove(store::Unit& u, long long id) { return contacts::remove_email(u, id); }
};

struct PhoneKind {
  using Input = domain::PhoneInput;
  using Row = domain::Phone;
  static constexpr const char* kPath = "phones";
  static constexpr const char* kParam = "phone_id";
  static constexpr const char* kNoun = "phone";
  static nlohmann::json json(const Row& r) { return phone_json(r); }
  static Input read(JsonReader& in) {
    Input p;
    p.phone = in.text("phone", true).value_or("");
    p.kind = in.text("kind", false).value_or("mobile");
    p.is_primary = in.boolean("is_primary", false).value_or(false);
    for (const char* echoed : {"phone_normalized", "etag"}) in.ignore(echoed);
    return p;
  }
  static auto list(store::Unit& u, long long c) { return contacts::phones(u, c); }
  static auto add(store::Unit& u, long long c, const Input& in) {
    return contacts::add_phone(u, c, in);
  }
  static auto update(store::Unit& u, long long id, const Input& in) {
    return contacts::update_phone(u, id, in);
  }
  static Status remove(store::Unit& u, long long id) { return contacts::remove_phone(u, id); }
};

struct AddressKind {
  using Input = domain::AddressInput;
  using Row = domain::Address;
  static constexpr const char* kPath = "addresses";
  static constexpr const char* kParam = "address_id";
  static constexpr const char* kNoun = "address";
  static nlohmann::json json(const Row& r) { return address_json(r); }
  static Input read(JsonReader& in) {
    Input a;
    a.kind = in.text("kind", false).value_or("home");
    a.line1 = in.text("line1", true).value_or("");
    a.line2 = in.text("line2", false);
    a.line3 = in.text("line3", false);
    a.city = in.text("city", false);
    a.region = in.text("region", false);
    a.postal_code = in.text("postal_code", false);
    a.country = in.text("country", false).value_or("US");
    a.is_primary = in.boolean("is_primary", false).value_or(false);
    a.undeliverable = in.boolean("undeliverable", false).value_or(false);
    in.ignore("etag");
    return a;
  }
  static auto list(store::Unit& u, long long c) { return contacts::addresses(u, c); }
  static auto add(store::Unit& u, long long c, const Input& in) {
    return contacts::add_address(u, c, in);
  }
  static auto update(store::Unit& u, long long id, const Input& in) {
    return contacts::update_address(u, id, in);
  }
  static Status remove(store::Unit& u, long long id) { return contacts::remove_address(u, id); }
};

template <typename K>
Result<typename K::Input> read_input(const Request& request, std::optional<Response>& bad) {
  nlohmann::json body;
  bad = parse_json_body(request, body);
  if (bad) return Status::invalid("bad body");
  JsonReader in(body);
  typename K::Input input = K::read(in);
  for (const char* echoed : {"id", "constituent_id", "created_at", "updated_at"}) in.ignore(echoed);
  if (Status s = in.finish(); !s) return s;
  return input;
}

// The contact `contact_id` of the visible constituent `constituent_id`.
template <typename K>
Result<typename K::Row> owned(store::Unit& u, Call& call, long long constituent_id,
                              long long contact_id) {
  auto c = visible_constituent(u, constituent_id, call.sees_restricted());
  if (!c) return c.status();
  auto rows = K::list(u, constituent_id);
  if (!rows) return rows.status();
  for (const auto& row : rows.value()) {
    if (row.id == contact_id) return row;
  }
  return Status::not_found(std::string("no such ") + K::kNoun);
}

template <typename K>
Response contact_response(int status, const typename K::Row& row) {
  nlohmann::json j = K::json(row);
  return with_etag(Response::json(status, j), etag_of(j));
}

template <typename K>
Response add_contact(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  std::optional<Response> bad;
  auto input = read_input<K>(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  auto row = call.db.write(call.actor, [&](store::Unit& u) -> Result<typename K::Row> {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    return K::add(u, *id, input.value());
  });
  if (!row) return Response::from_status(row.status());
  return contact_response<K>(201, row.value())
      .set("Location", "/api/v1/constituents/" + std::to_string(*id) + "/" + K::kPath + "/" +
                           std::to_string(row.value().id));
}

template <typename K>
Response replace_contact(Call& call) {
  auto id = path_id(call.request);
  auto contact_id = path_id(call.request, K::kParam);
  if (!id || !contact_id) return Response::problem(404, "not-found", "no such contact point");
  std::optional<Response> bad;
  auto input = read_input<K>(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  std::optional<Response> refused;
  auto row = call.db.write(call.actor, [&](store::Unit& u) -> Result<typename K::Row> {
    auto current = owned<K>(u, call, *id, *contact_id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(K::json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    return K::update(u, *contact_id, input.value());
  });
  if (refused) return *refused;
  if (!row) return Response::from_status(row.status());
  return contact_response<K>(200, row.value());
}

template <typename K>
Response remove_contact(Call& call) {
  auto id = path_id(call.request);
  auto contact_id = path_id(call.request, K::kParam);
  if (!id || !contact_id) return Response::problem(404, "not-found", "no such contact point");
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto current = owned<K>(u, call, *id, *contact_id);
    if (!current) return current.status();
    return K::remove(u, *contact_id);
  });
  if (!s) return Response::from_status(s);
  return Response::no_content();
}

template <typename K>
void add_kind(Router& r) {
  using auth::Permission;
  std::string base = std::string("/api/v1/constituents/{id}/") + K::kPath;
  std::string one = base + "/{" + K::kParam + "}";
  std::string noun = K::kNoun;
  r.add({"POST",
         base,
         Access::kPermission,
         Permission::kWriteDonors,
         "Add a contact point (" + noun + ") to a constituent",
         add_contact<K>,
         {}});
  r.add({"PUT",
         one,
         Access::kPermission,
         Permission::kWriteDonors,
         "Replace a constituent's " + noun + " (If-Match required)",
         replace_contact<K>,
         {}});
  r.add({"DELETE",
         one,
         Access::kPermission,
         Permission::kWriteDonors,
         "Remove a constituent's " + noun,
         remove_contact<K>,
         {}});
}

}  // namespace

void add_contact_routes(Api& api) {
  add_kind<EmailKind>(api.router());
  add_kind<PhoneKind>(api.router());
  add_kind<AddressKind>(api.router());
}

}  // namespace steward::http

// Constituents.
//   GET  /api/v1/constituents[?q=&kind=&tag=&after=&limit=]   POST /api/v1/constituents
//   GET  /api/v1/constituents/{id}     PUT (If-Match)    DELETE (soft)    POST .../restore
// Restricted constituents are invisible (404, left out of lists) to callers without the grant.
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/constituent_list.hpp"
#include "http/handlers/handlers.hpp"
#include "store/constituent_erasure.hpp"
#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"

namespace steward::http {
namespace {

// The record as every constituent route answers it: constituent_json plus erased_at (null, or
// when the personal data was erased; the UI knows an erased record by it). The ETag is of
// constituent_json alone, as GET computes it, so an If-Match taken from any answer matches.
Result<nlohmann::json> answer_json(store::Unit& u, const domain::Constituent& c) {
  nlohmann::json j = constituent_json(c);
  auto erased = store::constituents::erased_at(u, c.id);
  if (!erased) return erased.status();
  j["erased_at"] = erased.value() ? nlohmann::json(*erased.value()) : nlohmann::json(nullptr);
  return j;
}

Response constituent_response(int status, const Result<nlohmann::json>& answer) {
  if (!answer) return Response::from_status(answer.status());
  nlohmann::json record = answer.value();
  record.erase("erased_at");
  return with_etag(Response::json(status, answer.value()), etag_of(record));
}

template <typename T, typename F>
nlohmann::json with_etags(const std::vector<T>& rows, F to_json) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& row : rows) {
    nlohmann::json j = to_json(row);
    j["etag"] = etag_of(j);
    out.push_back(j);
  }
  return out;
}

// Everything the detail view shows besides the record itself.
Status add_details(store::Unit& u, const domain::Constituent& c, bool sees, nlohmann::json& j) {
  auto emails = store::contacts::emails(u, c.id);
  if (!emails) return emails.status();
  auto phones = store::contacts::phones(u, c.id);
  if (!phones) return phones.status();
  auto addresses = store::contacts::addresses(u, c.id);
  if (!addresses) return addresses.status();
  j["emails"] = with_etags(emails.value(), email_json);
  j["phones"] = with_etags(phones.value(), phone_json);
  j["addresses"] = with_etags(addresses.value(), address_json);
  auto hidden = [&](long long other) { return !visible_constituent(u, other, sees); };

  j["household"] = nullptr;
  auto household = store::households::household_of(u, c.id);
  if (!household) return household.status();
  if (household.value() && !hidden(household.value()->household_id)) {
    j["household"] = membership_json(*household.value());
  }
  if (c.kind == domain::kHousehold) {
    auto members = store::households::members(u, c.id);
    if (!members) return members.status();
    j["members"] = nlohmann::json::array();
    for (const auto& m : members.value()) {
      if (!hidden(m.member_id)) j["members"].push_back(membership_json(m));
    }
  }
  auto relationships = store::relationships::list_for(u, c.id);
  if (!relationships) return relationships.status();
  j["relationships"] = nlohmann::json::array();
  for (const auto& r : relationships.value()) {
    if (!hidden(r.related_id)) j["relationships"].push_back(relationship_json(r));
  }
  auto tags = store::tags::tags_of(u, c.id);
  if (!tags) return tags.status();
  j["tags"] = nlohmann::json::array();
  for (const auto& t : tags.value()) j["tags"].push_back(tag_json(t));
  auto giving = store::giving::get(u, c.id);
  if (!giving) return giving.status();
  j["giving"] = giving_json(giving.value());
  return Status::ok();
}

Response list_constituents(Call& call) {
  auto filter = constituent_filter(call);
  if (!filter) return Response::from_status(filter.status());
  if (!filter.value()) return Response::json(200, page_json(nlohmann::json::array(), std::nullopt));
  auto page =
      call.db.read([&](store::Unit& u) { return store::constituents::list(u, *filter.value()); });
  if (!page) return Response::from_status(page.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : page.value().items) {
    items.push_back(constituent_json(c));
    // The list query leaves erased records out (store::constituents::list), so none is erased.
    items.back()["erased_at"] = nullptr;
  }
  return Response::json(200, page_json(items, page.value().next_after_id));
}

Response get_constituent(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  nlohmann::json image;
  std::string etag;
  Status s = call.db.read([&](store::Unit& u) -> Status {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    etag = etag_of(constituent_json(c.value()));
    auto answer = answer_json(u, c.value());
    if (!answer) return answer.status();
    image = std::move(answer.value());
    return add_details(u, c.value(), call.sees_restricted(), image);
  });
  if (!s) return Response::from_status(s);
  return with_etag(Response::json(200, image), etag);
}

Response create_constituent(Call& call) {
  std::optional<Response> bad;
  auto input = read_constituent(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  if (input.value().restricted && !call.sees_restricted()) {
    return Response::from_status(Status::invalid_field(
        "restricted", "only users allowed to see restricted records may create one"));
  }
  auto c = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    auto made = store::constituents::create(u, input.value());
    if (!made) return made.status();
    return answer_json(u, made.value());
  });
  if (!c) return Response::from_status(c.status());
  return constituent_response(201, c).set(
      "Location", "/api/v1/constituents/" + std::to_string(c.value()["id"].get<long long>()));
}

Response replace_constituent(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  std::optional<Response> bad;
  auto input = read_constituent(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  std::optional<Response> refused;
  auto c = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    auto current = visible_constituent(u, *id, call.sees_restricted());
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(constituent_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    if (input.value().restricted && !call.sees_restricted()) {
      return Status::invalid_field("restricted",
                                   "only users allowed to see restricted records may set it");
    }
    auto updated = store::constituents::update(u, *id, input.value());
    if (!updated) return updated.status();
    return answer_json(u, updated.value());
  });
  if (refused) return *refused;
  return constituent_response(200, c);
}

Response delete_constituent(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    return store::constituents::soft_delete(u, *id);
  });
  if (!s) return Response::from_status(s);
  return Response::no_content();
}

Response restore_constituent(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  auto c = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    auto current = visible_constituent(u, *id, call.sees_restricted(), true);
    if (!current) return current.status();
    if (!current.value().deleted()) return Status::conflict("the constituent is not deleted");
    auto restored = store::constituents::restore(u, *id);
    if (!restored) return restored.status();
    return answer_json(u, restored.value());
  });
  return constituent_response(200, c);
}

}  // namespace

void add_constituent_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  const std::string one = "/api/v1/constituents/{id}";
  r.add({"GET",
         "/api/v1/constituents",
         Access::kPermission,
         Permission::kReadDonors,
         "List and search constituents (?q=&kind=&tag=; cursor pages)",
         list_constituents,
         {}});
  r.add({"POST",
         "/api/v1/constituents",
         Access::kPermission,
         Permission::kWriteDonors,
         "Create a constituent",
         create_constituent,
         {}});
  r.add({"GET",
         one,
         Access::kPermission,
         Permission::kReadDonors,
         "One constituent with contact points, household, relationships, tags and giving",
         get_constituent,
         {}});
  r.add({"PUT",
         one,
         Access::kPermission,
         Permission::kWriteDonors,
         "Replace a constituent (If-Match required)",
         replace_constituent,
         {}});
  r.add({"DELETE",
         one,
         Access::kPermission,
         Permission::kWriteDonors,
         "Soft-delete a constituent",
         delete_constituent,
         {}});
  r.add({"POST",
         one + "/restore",
         Access::kPermission,
         Permission::kWriteDonors,
         "Restore a soft-deleted constituent",
         restore_constituent,
         {}});
}

}  // namespace steward::http

// Interactions (calls, meetings, emails, letters, visits, notes) with a constituent.
//   GET  /api/v1/constituents/{id}/interactions?after=&limit=&newest_first=  (the timeline:
//        newest first unless newest_first=false; keyset pages on (occurred_at, id))
//   POST /api/v1/constituents/{id}/interactions
//   GET  /api/v1/interactions/{id} (ETag)   PUT (If-Match)   DELETE (soft)
// Restricted interactions, and every interaction of a restricted constituent, are invisible
// without the restricted grant: left out of the timeline and 404 by id, like a missing one.
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "store/interaction_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json interaction_json(const domain::Interaction& i) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", i.id},
          {"constituent_id", i.constituent_id},
          {"kind", i.kind},
          {"occurred_at", i.occurred_at},
          {"staff", opt(i.staff)},
          {"summary", i.summary},
          {"details", opt(i.details)},
          {"restricted", i.restricted},
          {"created_by", opt(i.created_by)},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

Response interaction_response(int status, const domain::Interaction& i) {
  nlohmann::json j = interaction_json(i);
  return with_etag(Response::json(status, j), etag_of(j));
}

Response no_interaction() { return Response::problem(404, "not-found", "no such interaction"); }

// The whole interaction from the body (create and replace take the same shape).
std::optional<Response> read_interaction(Call& call, domain::InteractionInput& out) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return bad;
  JsonReader in(body);
  out.kind = in.text("kind", false).value_or("note");
  out.occurred_at = in.text("occurred_at", true).value_or("");
  out.staff = in.text("staff", false);
  out.summary = in.text("summary", true).value_or("");
  out.details = in.text("details", false);
  out.restricted = in.boolean("restricted", false).value_or(false);
  if (out.restricted && !call.sees_restricted()) {
    in.error("restricted", "only users allowed to see restricted records may set it");
  }
  for (const char* echoed : {"id", "constituent_id", "created_by", "created_at", "updated_at"}) {
    in.ignore(echoed);
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  return std::nullopt;
}

// The interaction when the caller may see it and its constituent; kNotFound otherwise, with
// the store's message for a missing id.
Result<domain::Interaction> visible_interaction(Call& call, store::Unit& u, long long id) {
  auto i = store::interactions::get(u, id);
  if (!i) return i.status();
  Status hidden = Status::not_found("interaction " + std::to_string(id) + " does not exist");
  if (i->restricted && !call.sees_restricted()) return hidden;
  if (!visible_constituent(u, i->constituent_id, call.sees_restricted())) return hidden;
  return i;
}

Response timeline(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::interactions::PageOptions options;
  options.include_restricted = call.sees_restricted();
  options.page = page.value();
  if (auto n = call.request.query_param("newest_first")) {
    if (*n != "true" && *n != "false") {
      return Response::from_status(Status::invalid_field("newest_first", "must be true or false"));
    }
    options.newest_first = *n == "true";
  }
  return filtered_page(
      call,
      [&](store::Unit& u) -> Result<store::Page<domain::Interaction>> {
        if (auto c = visible_constituent(u, *id, call.sees_restricted()); !c) return c.status();
        return store::interactions::page_for(u, *id, options);
      },
      interaction_json);
}

Response create_interaction(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  domain::InteractionInput input;
  if (auto bad = read_interaction(call, input)) return *bad;
  input.constituent_id = *id;
  auto made = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Interaction> {
    if (auto c = visible_constituent(u, *id, call.sees_restricted()); !c) return c.status();
    return store::interactions::create(u, input);
  });
  if (!made) return Response::from_status(made.status());
  return interaction_response(201, made.value())
      .set("Location", "/api/v1/interactions/" + std::to_string(made.value().id));
}

Response get_interaction(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_interaction();
  auto i = call.db.read([&](store::Unit& u) { return visible_interaction(call, u, *id); });
  if (!i) return Response::from_status(i.status());
  return interaction_response(200, i.value());
}

Response replace_interaction(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_interaction();
  domain::InteractionInput input;
  if (auto bad = read_interaction(call, input)) return *bad;
  std::optional<Response> refused;
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Interaction> {
    auto current = visible_interaction(call, u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(interaction_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    input.constituent_id = current->constituent_id;
    return store::interactions::update(u, *id, input);
  });
  if (refused) return *refused;
  if (!done) return Response::from_status(done.status());
  return interaction_response(200, done.value());
}

Response delete_interaction(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_interaction();
  Status done = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    if (auto current = visible_interaction(call, u, *id); !current) return current.status();
    return store::interactions::remove(u, *id);
  });
  if (!done) return Response::from_status(done);
  return Response::no_content();
}

}  // namespace

void add_interaction_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/constituents/{id}/interactions", Permission::kReadDonors,
        "A constituent's interactions, newest first (?after=&limit=&newest_first=false)", timeline);
  route("POST", "/api/v1/constituents/{id}/interactions", Permission::kWriteDonors,
        "Record an interaction with a constituent", create_interaction);
  route("GET", "/api/v1/interactions/{id}", Permission::kReadDonors,
        "One interaction, with its ETag", get_interaction);
  route("PUT", "/api/v1/interactions/{id}", Permission::kWriteDonors,
        "Replace an interaction (If-Match required)", replace_interaction);
  route("DELETE", "/api/v1/interactions/{id}", Permission::kWriteDonors,
        "Delete an interaction (soft)", delete_interaction);
}

}  // namespace steward::http

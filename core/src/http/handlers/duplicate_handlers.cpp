// Duplicate constituents: scored candidate pairs, and merging them.
//   GET  /api/v1/duplicates[?rules=email:60,phone,name_postal&min_score=50&after=&limit=]
//        -> {"items": [{"first": {id, display_name, etag}, "second": {...}, "score",
//            "reasons": ["email", ...]}], "next_after": <position> | null}
//   POST /api/v1/duplicates/merge {"survivor": 12, "losers": [34], "take": {"first_name": 34},
//        "etags": {"12": "\"...\"", "34": "\"...\""}}
// Pairs are recomputed on every call, best first; `after` is the position of the last pair
// seen. A merge needs the ETag of every record involved (from the pair list or the
// constituent's GET): 428 when one is missing, 412 when a record changed since it was shown.
// Restricted constituents never appear in pairs for callers without the grant, and a merge
// naming one answers 404 like a missing id.
#include <map>
#include <sstream>

#include "engine/duplicate_finder.hpp"
#include "engine/merge_service.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"

namespace steward::http {
namespace {

namespace dup = engine::duplicates;

// ?rules=email:60,phone -> rules with weights (default weights when not given).
Result<std::vector<dup::RuleWeight>> rules_param(const Request& request) {
  std::vector<dup::RuleWeight> rules;
  auto text = request.query_param("rules");
  if (!text) return rules;
  std::stringstream in(*text);
  for (std::string item; std::getline(in, item, ',');) {
    if (item.empty()) continue;
    std::string name = item, weight;
    if (auto colon = item.find(':'); colon != std::string::npos) {
      name = item.substr(0, colon);
      weight = item.substr(colon + 1);
    }
    auto rule = dup::parse_rule(name);
    if (!rule) {
      return Status::invalid_field("rules", "'" + name +
                                                "' is not a rule (email, phone, name_postal,"
                                                " name_street)");
    }
    int w = dup::default_weight(*rule);
    if (!weight.empty()) {
      if (weight.size() > 4 || weight.find_first_not_of("0123456789") != std::string::npos) {
        return Status::invalid_field("rules", "the weight of " + name + " must be 1 to 9999");
      }
      w = std::stoi(weight);
    }
    rules.push_back({*rule, w});
  }
  return rules;
}

Result<int> min_score_param(const Request& request) {
  auto text = request.query_param("min_score");
  if (!text) return 50;
  if (text->empty() || text->size() > 6 ||
      text->find_first_not_of("0123456789") != std::string::npos) {
    return Status::invalid_field("min_score", "must be a whole number of at least 1");
  }
  return std::stoi(*text);
}

// {"id", "display_name", "etag"} of a constituent the caller may see.
Result<nlohmann::json> side_json(Call& call, store::Unit& u, long long id) {
  auto c = visible_constituent(u, id, call.sees_restricted());
  if (!c) return c.status();
  return nlohmann::json{
      {"id", id}, {"display_name", c->name()}, {"etag", etag_of(constituent_json(c.value()))}};
}

Response list_pairs(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  dup::FinderOptions options;
  auto rules = rules_param(call.request);
  if (!rules) return Response::from_status(rules.status());
  options.rules = rules.value();
  auto min_score = min_score_param(call.request);
  if (!min_score) return Response::from_status(min_score.status());
  options.min_score = min_score.value();
  std::optional<long long> next;
  auto items = call.db.read([&](store::Unit& u) -> Result<nlohmann::json> {
    auto pairs = dup::find(u, options);
    if (!pairs) return pairs.status();
    VisibilityCache visible(call, u);
    nlohmann::json out = nlohmann::json::array();
    long long position = 0;
    for (const auto& p : pairs.value()) {
      auto first = visible(p.first_id);
      if (!first) return first.status();
      auto second = visible(p.second_id);
      if (!second) return second.status();
      if (!first.value() || !second.value()) continue;
      ++position;
      if (position <= page->after_id) continue;
      if (static_cast<long long>(out.size()) == page->limit) {
        next = position - 1;
        break;
      }
      auto a = side_json(call, u, p.first_id);
      if (!a) return a.status();
      auto b = side_json(call, u, p.second_id);
      if (!b) return b.status();
      nlohmann::json reasons = nlohmann::json::array();
      for (dup::Rule r : p.matched) reasons.push_back(dup::rule_name(r));
      out.push_back({{"position", position},
                     {"first", a.value()},
                     {"second", b.value()},
                     {"score", p.score},
                     {"reasons", reasons}});
    }
    return out;
  });
  if (!items) return Response::from_status(items.status());
  return Response::json(200, page_json(items.value(), next));
}

struct MergeBody {
  engine::merge::MergeRequest request;
  std::map<std::string, std::string> etags;
};

std::optional<Response> read_merge(const Request& request, MergeBody& out) {
  nlohmann::json body;
  if (auto bad = parse_json_body(request, body)) return bad;
  JsonReader in(body);
  out.request.survivor_id = in.integer("survivor", true).value_or(0);
  if (const nlohmann::json* losers = in.array("losers", true)) {
    for (std::size_t i = 0; i < losers->size(); ++i) {
      const auto& v = (*losers)[i];
      if (!v.is_number_integer() || v.get<long long>() <= 0) {
        in.error("losers", "item " + std::to_string(i) + " is not a constituent id");
      } else {
        out.request.loser_ids.push_back(v.get<long long>());
      }
    }
  }
  if (const nlohmann::json* take = in.object("take", false)) {
    for (const auto& [field, v] : take->items()) {
      if (!v.is_number_integer()) {
        in.error("take." + field, "must be the id of the record whose value to keep");
      } else {
        out.request.choices.push_back({field, v.get<long long>()});
      }
    }
  }
  if (const nlohmann::json* etags = in.object("etags", false)) {
    for (const auto& [id, v] : etags->items()) {
      if (!v.is_string()) {
        in.error("etags." + id, "must be the constituent's ETag");
      } else {
        out.etags[id] = v.get<std::string>();
      }
    }
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  return std::nullopt;
}

Response merge(Call& call) {
  MergeBody body;
  if (auto bad = read_merge(call.request, body)) return *bad;
  std::vector<long long> ids = {body.request.survivor_id};
  ids.insert(ids.end(), body.request.loser_ids.begin(), body.request.loser_ids.end());
  std::optional<Response> refused;
  auto outcome = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    std::map<long long, std::string> current_etags;
    for (long long id : ids) {  // every record visible first: 404 before any 412
      if (id <= 0) continue;    // the engine names the field
      auto c = visible_constituent(u, id, call.sees_restricted());
      if (!c) return c.status();
      current_etags[id] = etag_of(constituent_json(c.value()));
    }
    for (const auto& [id, current] : current_etags) {
      auto sent = body.etags.find(std::to_string(id));
      if (sent == body.etags.end()) {
        refused = Response::problem(
            428, "precondition-required", "send the ETag of every record to merge",
            "etags." + std::to_string(id) + " is missing: read the records first");
        return Status::precondition_failed("etag missing");
      }
      if (sent->second != current) {
        refused = Response::problem(
            412, "stale", "a record changed since you read it",
            "constituent " + std::to_string(id) + " changed: reload the pair and decide again");
        return Status::precondition_failed("stale");
      }
    }
    auto done = engine::merge::merge(u, body.request);
    if (!done) return done.status();
    return nlohmann::json{{"merge_id", done->merge_id},
                          {"survivor_id", done->survivor_id},
                          {"merged_ids", done->merged_ids},
                          {"summary", done->summary}};
  });
  if (refused) return *refused;
  if (!outcome) return Response::from_status(outcome.status());
  return Response::json(200, outcome.value());
}

}  // namespace

void add_duplicate_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/duplicates",
         Access::kPermission,
         Permission::kReadDonors,
         "Candidate duplicate pairs, best first (?rules=email:60,phone&min_score=)",
         list_pairs,
         {}});
  r.add({"POST",
         "/api/v1/duplicates/merge",
         Access::kPermission,
         Permission::kWriteDonors,
         "Merge losers into a survivor {survivor, losers, take, etags}",
         merge,
         {}});
}

}  // namespace steward::http

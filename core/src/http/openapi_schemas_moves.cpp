// Request and answer schemas of the moves-management and reporting routes: campaigns and
// appeals, interactions, tasks, stages, segments, duplicates, needs, recurring revenue and the
// dashboard (decision 0111). Field names follow each handler's JsonReader calls and *_json().
#include "http/openapi_schema_builders.hpp"

namespace steward::http::schema {
namespace {

// A field a GET answer carries that a client may echo back in a PUT; the API ignores it.
const json kEchoed = json::object();

json campaign_request() {
  return object({{"code", str(40)},
                 {"name", str()},
                 {"description", opt_str(2000)},
                 {"goal", ref("MoneyIn")},
                 {"currency", opt_str(3)},
                 {"starts_on", opt_date()},
                 {"ends_on", opt_date()},
                 {"active", boolean()},
                 {"id", kEchoed},
                 {"created_at", kEchoed},
                 {"updated_at", kEchoed}},
                {"code", "name"});
}

json appeal_request() {
  return object({{"code", str(40)},
                 {"name", str()},
                 {"channel", opt_str(40)},
                 {"goal", ref("MoneyIn")},
                 {"currency", opt_str(3)},
                 {"starts_on", opt_date()},
                 {"ends_on", opt_date()},
                 {"id", kEchoed},
                 {"campaign_id", kEchoed},
                 {"created_at", kEchoed},
                 {"updated_at", kEchoed}},
                {"code", "name"});
}

json interaction_request() {
  return object({{"kind", one_of({"call", "meeting", "email", "letter", "visit", "note"})},
                 {"occurred_at",
                  {{"type", "string"},
                   {"description", "YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"},
                   {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?$"}}},
                 {"staff", opt_str(100)},
                 {"summary", str(500)},
                 {"details", opt_str(10000)},
                 {"restricted", boolean()},
                 {"id", kEchoed},
                 {"constituent_id", kEchoed},
                 {"created_by", kEchoed},
                 {"created_at", kEchoed},
                 {"updated_at", kEchoed}},
                {"occurred_at", "summary"});
}

json task_request() {
  return object({{"assignee", str(100)},
                 {"title", str(300)},
                 {"details", opt_str(10000)},
                 {"due_on", opt_date()},
                 {"constituent_id", opt_id()},
                 {"id", kEchoed},
                 {"status", kEchoed},
                 {"completed_at", kEchoed},
                 {"created_by", kEchoed},
                 {"created_at", kEchoed},
                 {"updated_at", kEchoed}},
                {"assignee", "title"});
}

json segment_request() {
  return object({{"name", str(200)},
                 {"description", opt_str(2000)},
                 {"filter", {{"type", "object"}, {"description", "docs/segments.md"}}},
                 {"id", kEchoed},
                 {"created_by", kEchoed},
                 {"created_at", kEchoed},
                 {"updated_at", kEchoed}},
                {"name", "filter"});
}

json moves_tally(json extra) {
  json p = {{"raised", ref("Money")},
            {"gift_count", integer()},
            {"donor_count", integer()},
            {"other_currency_gifts", integer()}};
  p.update(extra);
  return answer(p);
}

json pair_side() { return answer({{"id", id()}, {"display_name", str()}, {"etag", str()}}); }

json need_line(json extra) {
  json p = {{"fund_id", id()},           {"fund_code", str(40)},      {"fund_name", str()},
            {"need", ref("Money")},      {"committed", ref("Money")}, {"received", ref("Money")},
            {"committed_bp", integer()}, {"received_bp", integer()},  {"gap", ref("Money")}};
  p.update(extra);
  return answer(p);
}

json mrr_total() {
  json line = answer({{"fund_id", opt_id()},
                      {"fund_code", str(40)},
                      {"fund_name", str()},
                      {"monthly", ref("Money")},
                      {"plan_count", integer()}});
  return answer({{"currency", str(3)},
                 {"monthly", ref("Money")},
                 {"plan_count", integer()},
                 {"by_fund", array_of(line)}});
}

json dashboard_answer() {
  json task = answer({{"id", id()},
                      {"title", str(300)},
                      {"due_on", opt_date()},
                      {"constituent_id", opt_id()},
                      {"constituent_name", opt_str()}});
  json gift = answer({{"id", id()},
                      {"constituent_id", id()},
                      {"constituent_name", str()},
                      {"received_on", date()},
                      {"amount", ref("Money")}});
  return answer({{"as_of", date()},
                 {"currency", str(3)},
                 {"year_to_date", answer({{"this_year", ref("Money")},
                                          {"this_year_gifts", integer()},
                                          {"last_year", ref("Money")},
                                          {"last_year_gifts", integer()},
                                          {"last_year_to", date()}})},
                 {"this_month", answer({{"total", ref("Money")}, {"gift_count", integer()}})},
                 {"donors", answer({{"new_this_year", integer()},
                                    {"lapsed_this_year", integer()},
                                    {"retained_this_year", integer()},
                                    {"last_year_donors", integer()}})},
                 {"recurring", answer({{"monthly", ref("Money")}, {"plan_count", integer()}})},
                 {"needs", array_of(need_line(json::object()))},
                 {"trend", array_of(answer({{"month", str(7)}, {"total", ref("Money")}}))},
                 {"my_tasks", array_of(task)},
                 {"recent_gifts", array_of(gift)},
                 {"unacknowledged_gifts", integer()}});
}

}  // namespace

json moves_components() {
  const json record_times = {{"created_at", str(40)}, {"updated_at", str(40)}};
  json campaign = answer({{"id", id()},
                          {"code", str(40)},
                          {"name", str()},
                          {"description", opt_str(2000)},
                          {"currency", str(3)},
                          {"goal", ref("Money")},
                          {"starts_on", opt_date()},
                          {"ends_on", opt_date()},
                          {"active", boolean()}});
  json appeal = answer({{"id", id()},
                        {"campaign_id", id()},
                        {"code", str(40)},
                        {"name", str()},
                        {"channel", str(40)},
                        {"currency", str(3)},
                        {"goal", ref("Money")},
                        {"starts_on", opt_date()},
                        {"ends_on", opt_date()}});
  json interaction = answer({{"id", id()},
                             {"constituent_id", id()},
                             {"kind", str(20)},
                             {"occurred_at", str(40)},
                             {"staff", opt_str(100)},
                             {"summary", str(500)},
                             {"details", opt_str(10000)},
                             {"restricted", boolean()},
                             {"created_by", opt_str(100)}});
  json task = answer({{"id", id()},
                      {"assignee", str(100)},
                      {"title", str(300)},
                      {"details", opt_str(10000)},
                      {"due_on", opt_date()},
                      {"constituent_id", opt_id()},
                      {"status", one_of({"open", "done", "cancelled"})},
                      {"completed_at", opt_str(40)},
                      {"created_by", opt_str(100)}});
  json segment = answer({{"id", id()},
                         {"name", str(200)},
                         {"description", opt_str(2000)},
                         {"filter", {{"type", "object"}}},
                         {"created_by", opt_str(100)}});
  for (json* j : {&campaign, &appeal, &interaction, &task, &segment}) {
    (*j)["properties"].update(record_times);
  }
  json change = answer({{"id", id()},
                        {"from_stage", opt_str(20)},
                        {"to_stage", opt_str(20)},
                        {"changed_by", opt_str(100)},
                        {"note", opt_str(2000)},
                        {"created_at", str(40)}});
  return {
      {"Campaign", campaign},
      {"Appeal", appeal},
      {"Interaction", interaction},
      {"Task", task},
      {"Segment", segment},
      {"Stage",
       answer({{"constituent_id", id()}, {"stage", opt_str(20)}, {"history", array_of(change)}})}};
}

void add_moves_schemas(const AddSchemas& add) {
  const json nothing = object(json::object());
  const auto list_of = [](const char* item) {
    return answer({{"items", array_of(ref(item))},
                   {"next_after", {{"type", "integer"}, {"nullable", true}}}});
  };
  // Campaigns and appeals.
  add("GET /api/v1/campaigns", std::nullopt, list_of("Campaign"), 200);
  add("POST /api/v1/campaigns", campaign_request(), ref("Campaign"), 201);
  add("GET /api/v1/campaigns/{id}", std::nullopt, ref("Campaign"), 200);
  add("PUT /api/v1/campaigns/{id}", campaign_request(), ref("Campaign"), 200);
  add("GET /api/v1/campaigns/{id}/results", std::nullopt,
      moves_tally({{"campaign_id", id()},
                   {"goal", ref("Money")},
                   {"percent_of_goal", opt_str(20)},
                   {"by_appeal", array_of(moves_tally({{"appeal_id", id()}}))},
                   {"no_appeal", moves_tally(json::object())}}),
      200);
  add("GET /api/v1/campaigns/{id}/appeals", std::nullopt, list_of("Appeal"), 200);
  add("POST /api/v1/campaigns/{id}/appeals", appeal_request(), ref("Appeal"), 201);
  add("GET /api/v1/appeals/{id}", std::nullopt, ref("Appeal"), 200);
  add("PUT /api/v1/appeals/{id}", appeal_request(), ref("Appeal"), 200);
  // Interactions.
  add("GET /api/v1/constituents/{id}/interactions", std::nullopt, list_of("Interaction"), 200);
  add("POST /api/v1/constituents/{id}/interactions", interaction_request(), ref("Interaction"),
      201);
  add("GET /api/v1/interactions/{id}", std::nullopt, ref("Interaction"), 200);
  add("PUT /api/v1/interactions/{id}", interaction_request(), ref("Interaction"), 200);
  add("DELETE /api/v1/interactions/{id}", std::nullopt, std::nullopt, 204);
  // Tasks.
  add("GET /api/v1/tasks", std::nullopt, list_of("Task"), 200);
  add("GET /api/v1/tasks/overdue", std::nullopt, list_of("Task"), 200);
  add("POST /api/v1/tasks", task_request(), ref("Task"), 201);
  add("GET /api/v1/tasks/{id}", std::nullopt, ref("Task"), 200);
  // PUT reads the same fields as POST (read_task); status moves via complete/reopen.
  add("PUT /api/v1/tasks/{id}", task_request(), ref("Task"), 200);
  add("DELETE /api/v1/tasks/{id}", std::nullopt, std::nullopt, 204);
  add("POST /api/v1/tasks/{id}/complete", nothing, ref("Task"), 200);
  add("POST /api/v1/tasks/{id}/reopen", nothing, ref("Task"), 200);
  add("POST /api/v1/tasks/{id}/assign", object({{"assignee", str(100)}}, {"assignee"}), ref("Task"),
      200);
  // Stage.
  add("GET /api/v1/constituents/{id}/stage", std::nullopt, ref("Stage"), 200);
  add("PUT /api/v1/constituents/{id}/stage",
      object({{"stage", one_of({"identify", "qualify", "cultivate", "solicit", "steward"})},
              {"note", opt_str(2000)},
              {"constituent_id", kEchoed},
              {"history", kEchoed}},
             {"stage"}),
      ref("Stage"), 200);
  // Segments.
  add("GET /api/v1/segments", std::nullopt, list_of("Segment"), 200);
  add("POST /api/v1/segments", segment_request(), ref("Segment"), 201);
  add("POST /api/v1/segments/preview",
      object({{"filter", {{"type", "object"}, {"description", "docs/segments.md"}}}}, {"filter"}),
      answer({{"count", integer()}}), 200);
  add("GET /api/v1/segments/{id}", std::nullopt, ref("Segment"), 200);
  add("PUT /api/v1/segments/{id}", segment_request(), ref("Segment"), 200);
  add("DELETE /api/v1/segments/{id}", std::nullopt, std::nullopt, 204);
  add("GET /api/v1/segments/{id}/count", std::nullopt,
      answer({{"segment_id", id()}, {"count", integer()}}), 200);
  add("GET /api/v1/segments/{id}/members", std::nullopt,
      answer({{"items", array_of(answer({{"id", id()}, {"display_name", str()}}))},
              {"next_after", {{"type", "integer"}, {"nullable", true}}}}),
      200);
  // Duplicates.
  add("GET /api/v1/duplicates", std::nullopt,
      answer({{"items", array_of(answer({{"position", integer()},
                                         {"first", pair_side()},
                                         {"second", pair_side()},
                                         {"score", integer()},
                                         {"reasons", array_of(str(20))}}))},
              {"next_after", {{"type", "integer"}, {"nullable", true}}}}),
      200);
  add("POST /api/v1/duplicates/merge",
      object({{"survivor", id()},
              {"losers", {{"type", "array"}, {"items", id()}, {"minItems", 1}}},
              {"take",
               {{"type", "object"},
                {"description", "field name -> the id of the record whose value to keep"},
                {"additionalProperties", id()}}},
              {"etags",
               {{"type", "object"},
                {"description", "constituent id -> its ETag, for every record merged"},
                {"additionalProperties", str()}}}},
             {"survivor", "losers"}),
      answer({{"merge_id", id()},
              {"survivor_id", id()},
              {"merged_ids", array_of(id())},
              {"summary", {{"type", "object"}}}}),
      200);
  // Needs and recurring revenue.
  add("GET /api/v1/needs", std::nullopt,
      answer({{"as_of", date()},
              {"month_start", date()},
              {"year_start", date()},
              {"funds",
               array_of(need_line({{"monthly_need", ref("Money")},
                                   {"people_served", {{"type", "integer"}, {"nullable", true}}},
                                   {"committed_percent", str(20)},
                                   {"received_percent", str(20)},
                                   {"months_ahead", integer()},
                                   {"received_12_months", ref("Money")}}))}}),
      200);
  add("GET /api/v1/recurring/mrr", std::nullopt,
      answer(
          {{"as_of", date()}, {"base", mrr_total()}, {"other_currencies", array_of(mrr_total())}}),
      200);
  add("GET /api/v1/recurring/upcoming", std::nullopt,
      answer({{"items", array_of(answer({{"position", integer()},
                                         {"expected_on", date()},
                                         {"plan_id", id()},
                                         {"constituent_id", id()},
                                         {"display_name", str()},
                                         {"amount", ref("Money")},
                                         {"frequency", str(20)},
                                         {"fund_id", opt_id()},
                                         {"fund_name", opt_str()}}))},
              {"next_after", {{"type", "integer"}, {"nullable", true}}},
              {"from", date()},
              {"to", date()}}),
      200);
  add("GET /api/v1/dashboard", std::nullopt, dashboard_answer(), 200);
}

}  // namespace steward::http::schema

#include "engine/import_json.hpp"

namespace steward::engine::imports {

nlohmann::json totals_json(const ApplyTotals& t) {
  return {{"gifts", t.gifts},
          {"refunds", t.refunds},
          {"duplicates", t.duplicates},
          {"review", t.review},
          {"errors", t.errors},
          {"skipped", t.skipped},
          {"donors_created", t.donors_created}};
}

nlohmann::json preview_json(const Preview& p) {
  nlohmann::json samples = nlohmann::json::object();
  for (const auto& [outcome, rows] : p.samples) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
      nlohmann::json j = {{"seq", r.seq},
                          {"line", r.line},
                          {"summary", r.summary},
                          {"message", r.message},
                          {"create_donor", r.create_donor}};
      j["constituent_id"] = r.constituent_id ? nlohmann::json(*r.constituent_id) : nullptr;
      list.push_back(j);
    }
    samples[outcome] = list;
  }
  return {{"import_id", p.import_id ? nlohmann::json(p.import_id) : nlohmann::json(nullptr)},
          {"status", p.status},
          {"plugin_id", p.plugin_id},
          {"source", p.source},
          {"file_name", p.file_name},
          {"counts", p.counts},
          {"samples", samples},
          {"rows", p.progress.rows},
          {"new_donors", p.progress.new_donors},
          {"matched", p.progress.matched},
          {"seconds", p.progress.seconds}};
}

nlohmann::json summary_json(const CommitSummary& s) {
  return {{"import_id", s.import_id},
          {"status", s.status},
          {"totals", totals_json(s.totals)},
          {"pending_review", s.pending_review},
          {"seconds", s.seconds}};
}

nlohmann::json import_json(const store::imports::ImportRecord& r) {
  nlohmann::json j = {{"id", r.id},
                      {"file_name", r.file_name},
                      {"file_sha256", r.file_sha256},
                      {"file_size", r.file_size},
                      {"plugin_id", r.plugin_id},
                      {"source", r.source},
                      {"status", r.status},
                      {"policy", nlohmann::json::parse(r.policy, nullptr, false)},
                      {"rows_total", r.rows_total},
                      {"rows_committed", r.rows_committed},
                      {"gifts_created", r.gifts_created},
                      {"created_by", r.created_by},
                      {"created_at", r.created_at},
                      {"updated_at", r.updated_at}};
  j["default_fund_id"] = r.default_fund_id ? nlohmann::json(*r.default_fund_id) : nullptr;
  j["error"] = r.error ? nlohmann::json(*r.error) : nullptr;
  j["committed_at"] = r.committed_at ? nlohmann::json(*r.committed_at) : nullptr;
  return j;
}

nlohmann::json row_json(const store::imports::ImportRow& r) {
  nlohmann::json j = {{"seq", r.seq},
                      {"line", r.line},
                      {"outcome", r.outcome},
                      {"create_donor", r.create_donor},
                      {"committed", r.committed}};
  j["record"] = r.record ? nlohmann::json::parse(*r.record, nullptr, false) : nullptr;
  j["constituent_id"] = r.constituent_id ? nlohmann::json(*r.constituent_id) : nullptr;
  j["gift_id"] = r.gift_id ? nlohmann::json(*r.gift_id) : nullptr;
  j["matched_by"] = r.matched_by ? nlohmann::json(*r.matched_by) : nullptr;
  j["message"] = r.message ? nlohmann::json(*r.message) : nullptr;
  return j;
}

}  // namespace steward::engine::imports

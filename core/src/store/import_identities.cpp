#include "store/import_identities.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::import_ids {
namespace {

// The surviving constituent of a merge chain (a merged record points at the one it went into).
std::optional<long long> survivor(Unit& unit, long long id) {
  for (int hop = 0; hop < 16; ++hop) {
    soci::row row;
    unit.sql() << "SELECT merged_into_id, deleted_at FROM constituents WHERE id = :id",
        soci::use(id), soci::into(row);
    if (!unit.sql().got_data()) return std::nullopt;
    RowReader r(row);
    auto merged = r.opt_integer();
    auto deleted = r.opt_text();
    if (merged) {
      id = *merged;
      continue;
    }
    if (deleted) return std::nullopt;
    return id;
  }
  return std::nullopt;
}

}  // namespace

Result<std::optional<AppliedPayment>> find_payment(Unit& unit, const std::string& source,
                                                   const std::string& external_id) {
  soci::row row;
  unit.sql() << "SELECT kind, gift_id FROM payment_identities WHERE source = :s AND "
                "external_id = :e",
      soci::use(source), soci::use(external_id), soci::into(row);
  if (!unit.sql().got_data()) return std::optional<AppliedPayment>();
  RowReader r(row);
  AppliedPayment p;
  p.kind = r.text();
  p.gift_id = r.opt_integer();
  return std::optional<AppliedPayment>(p);
}

Result<std::optional<long long>> find_gift(Unit& unit, const std::string& source,
                                           const std::string& external_id) {
  soci::row row;
  unit.sql() << "SELECT id FROM gifts WHERE source = :s AND external_id = :e AND "
                "deleted_at IS NULL",
      soci::use(source), soci::use(external_id), soci::into(row);
  if (!unit.sql().got_data()) return std::optional<long long>();
  return std::optional<long long>(RowReader(row).integer(0));
}

Status record_payment(Unit& unit, const std::string& source, const std::string& external_id,
                      const std::string& kind, std::optional<long long> gift_id,
                      std::optional<long long> import_id) {
  auto existing = find_payment(unit, source, external_id);
  if (!existing) return existing.status();
  if (*existing) {
    return Status::conflict("payment " + source + " " + external_id + " was already imported");
  }
  std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO payment_identities (source, external_id, kind, gift_id, import_id, "
                "created_at) VALUES (:s, :e, :k, :g, :i, :c)",
      soci::use(source), soci::use(external_id), soci::use(kind), soci::use(gift_id),
      soci::use(import_id), soci::use(now);
  return Status::ok();
}

Result<std::optional<long long>> find_constituent(Unit& unit, const std::string& source,
                                                  const std::string& external_id) {
  soci::row row;
  unit.sql() << "SELECT constituent_id FROM constituent_external_ids WHERE source = :s AND "
                "external_id = :e",
      soci::use(source), soci::use(external_id), soci::into(row);
  if (!unit.sql().got_data()) return std::optional<long long>();
  return survivor(unit, RowReader(row).integer(0));
}

Status link_constituent(Unit& unit, const std::string& source, const std::string& external_id,
                        long long constituent_id) {
  soci::row row;
  unit.sql() << "SELECT id FROM constituent_external_ids WHERE source = :s AND "
                "external_id = :e",
      soci::use(source), soci::use(external_id), soci::into(row);
  if (unit.sql().got_data()) return Status::ok();
  std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO constituent_external_ids (source, external_id, constituent_id, "
                "created_at) VALUES (:s, :e, :c, :n)",
      soci::use(source), soci::use(external_id), soci::use(constituent_id), soci::use(now);
  record_audit(unit, "link", "constituent", constituent_id, nullptr,
               {{"external_id", {{"source", source}, {"external_id", external_id}}}});
  return Status::ok();
}

Result<DesignationRule> add_rule(Unit& unit, const DesignationRule& rule) {
  if (rule.field != "any" && rule.field != "description" && rule.field != "fund_hint") {
    return Status::invalid_field("field", "must be any, description or fund_hint");
  }
  if (rule.pattern.empty()) return Status::invalid_field("pattern", "required");
  if (rule.pattern.size() > 500) return Status::invalid_field("pattern", "longer than 500 bytes");
  soci::row row;
  unit.sql() << "SELECT id FROM funds WHERE id = :id", soci::use(rule.fund_id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::invalid_field("fund_id",
                                 "fund " + std::to_string(rule.fund_id) + " does not exist");
  }
  std::string now = domain::utc_now_iso();
  DesignationRule out = rule;
  unit.sql() << "INSERT INTO designation_rules (field, pattern, fund_id, priority, created_at) "
                "VALUES (:f, :p, :fund, :pr, :c) RETURNING id",
      soci::use(rule.field), soci::use(rule.pattern), soci::use(rule.fund_id),
      soci::use(rule.priority), soci::use(now), soci::into(out.id);
  record_audit(unit, "create", "designation_rule", out.id, nullptr,
               {{"field", out.field},
                {"pattern", out.pattern},
                {"fund_id", out.fund_id},
                {"priority", out.priority}});
  return out;
}

Result<std::vector<DesignationRule>> list_rules(Unit& unit) {
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << "SELECT id, field, pattern, fund_id, priority FROM "
                             "designation_rules ORDER BY priority DESC, id");
  std::vector<DesignationRule> out;
  for (const soci::row& row : rs) {
    RowReader r(row);
    DesignationRule d;
    d.id = r.integer();
    d.field = r.text();
    d.pattern = r.text();
    d.fund_id = r.integer();
    d.priority = static_cast<int>(r.integer());
    out.push_back(d);
  }
  return out;
}

Status remove_rule(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT pattern, fund_id FROM designation_rules WHERE id = :id", soci::use(id),
      soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("designation rule " + std::to_string(id) + " does not exist");
  }
  RowReader r(row);
  nlohmann::json before = {{"pattern", r.text(0)}, {"fund_id", r.integer(1)}};
  unit.sql() << "DELETE FROM designation_rules WHERE id = :id", soci::use(id);
  record_audit(unit, "delete", "designation_rule", id, before, nullptr);
  return Status::ok();
}

}  // namespace steward::store::import_ids

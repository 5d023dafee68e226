// export_personal_data(): everything held about one person, as one JSON document.
#include "domain/date.hpp"
#include "engine/privacy.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::privacy {
namespace {

using detail::rows_json;

// Sections read per person id: name -> query with one bound id. Table and column names are
// constants; the id is bound.
struct Section {
  const char* name;
  const char* sql;
};

const Section kSections[] = {
    {"emails", "SELECT * FROM emails WHERE constituent_id = :id ORDER BY id"},
    {"phones", "SELECT * FROM phones WHERE constituent_id = :id ORDER BY id"},
    {"addresses", "SELECT * FROM addresses WHERE constituent_id = :id ORDER BY id"},
    {"relationships",
     "SELECT r.*, a.display_name AS constituent_name, b.display_name AS related_name "
     "FROM relationships r JOIN constituents a ON a.id = r.constituent_id "
     "JOIN constituents b ON b.id = r.related_id "
     "WHERE r.constituent_id = :id OR r.related_id = :id2 ORDER BY r.id"},
    {"households",
     "SELECT m.*, h.display_name AS household_name FROM household_members m "
     "JOIN constituents h ON h.id = m.household_id WHERE m.member_id = :id ORDER BY m.id"},
    {"household_members",
     "SELECT m.*, c.display_name AS member_name FROM household_members m "
     "JOIN constituents c ON c.id = m.member_id WHERE m.household_id = :id ORDER BY m.id"},
    {"interactions", "SELECT * FROM interactions WHERE constituent_id = :id ORDER BY id"},
    {"tasks", "SELECT * FROM tasks WHERE constituent_id = :id ORDER BY id"},
    {"stage_history", "SELECT * FROM stage_history WHERE constituent_id = :id ORDER BY id"},
    {"tags",
     "SELECT t.name, ct.created_at FROM constituent_tags ct JOIN tags t ON t.id = ct.tag_id "
     "WHERE ct.constituent_id = :id ORDER BY t.name"},
    {"gifts", "SELECT * FROM gifts WHERE constituent_id = :id ORDER BY id"},
    {"gift_allocations",
     "SELECT a.*, f.code AS fund_code, f.name AS fund_name FROM gift_allocations a "
     "JOIN funds f ON f.id = a.fund_id JOIN gifts g ON g.id = a.gift_id "
     "WHERE g.constituent_id = :id ORDER BY a.id"},
    {"soft_credits", "SELECT * FROM soft_credits WHERE constituent_id = :id ORDER BY id"},
    {"tributes_notified",
     "SELECT id AS gift_id, received_on, tribute_type, tribute_name FROM gifts "
     "WHERE tribute_notify_id = :id ORDER BY id"},
    {"recurring_plans", "SELECT * FROM recurring_plans WHERE constituent_id = :id ORDER BY id"},
    {"pledges", "SELECT * FROM pledges WHERE constituent_id = :id ORDER BY id"},
    {"payment_identities",
     "SELECT p.* FROM payment_identities p JOIN gifts g ON g.id = p.gift_id "
     "WHERE g.constituent_id = :id ORDER BY p.id"},
    {"external_ids",
     "SELECT * FROM constituent_external_ids WHERE constituent_id = :id ORDER BY id"},
    {"import_rows",
     "SELECT id, import_id, line, record, outcome, matched_by, gift_id, created_at "
     "FROM import_rows WHERE constituent_id = :id ORDER BY id"},
    {"mail_messages", "SELECT * FROM mail_messages WHERE constituent_id = :id ORDER BY id"},
    {"receipts", "SELECT * FROM receipts WHERE constituent_id = :id ORDER BY id"},
    {"giving_summary", "SELECT * FROM giving_summaries WHERE constituent_id = :id"},
    {"giving_by_year",
     "SELECT * FROM giving_by_year WHERE constituent_id = :id ORDER BY fiscal_year"},
};

nlohmann::json section_rows(store::Unit& unit, const Section& s, long long id) {
  std::string sql = s.sql;
  if (sql.find(":id2") == std::string::npos) return rows_json(unit, sql, id);
  nlohmann::json out = nlohmann::json::array();
  soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(id), soci::use(id));
  for (const soci::row& row : rows) out.push_back(detail::row_json(row));
  return out;
}

nlohmann::json audit_entries(store::Unit& unit, const std::set<long long>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (long long id : ids) {
    nlohmann::json rows = rows_json(unit,
                                    "SELECT id, actor, action, entity_type, entity_id, "
                                    "before_json, after_json, created_at, redacted_at "
                                    "FROM audit_events WHERE id = :id",
                                    id);
    for (auto& row : rows) {
      for (const char* key : {"before_json", "after_json"}) {
        if (row[key].is_string())
          row[key] = nlohmann::json::parse(row[key].get<std::string>(), nullptr, false);
      }
      out.push_back(std::move(row));
    }
  }
  return out;
}

// A flag column as read on either backend (0/1, a boolean, or PostgreSQL's 't'/'f' text).
bool truthy(const nlohmann::json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<long long>() != 0;
  if (v.is_string()) return v == "t" || v == "true" || v == "1";
  return false;
}

}  // namespace

Result<nlohmann::json> export_personal_data(store::Unit& unit, long long constituent_id,
                                            const ExportOptions& options) {
  auto person = detail::person_ids(unit, constituent_id);
  if (!person) return person.status();
  nlohmann::json doc = {{"format", "steward-personal-data/1"},
                        {"constituent_id", constituent_id},
                        {"exported_at", domain::utc_now_iso()}};
  nlohmann::json records = nlohmann::json::array();
  for (long long p : *person) {
    auto rows = rows_json(unit, "SELECT * FROM constituents WHERE id = :id", p);
    for (auto& row : rows) {
      if (row["custom_fields"].is_string())
        row["custom_fields"] =
            nlohmann::json::parse(row["custom_fields"].get<std::string>(), nullptr, false);
      if (p == constituent_id) {
        doc["profile"] = row;
      } else {
        records.push_back(row);
      }
    }
  }
  doc["merged_records"] = records;
  const nlohmann::json& profile = doc["profile"];
  doc["preferences"] = {{"do_not_email", profile.value("do_not_email", nlohmann::json())},
                        {"do_not_mail", profile.value("do_not_mail", nlohmann::json())},
                        {"do_not_call", profile.value("do_not_call", nlohmann::json())},
                        {"do_not_solicit", profile.value("do_not_solicit", nlohmann::json())},
                        {"anonymous_giver", profile.value("anonymous_giver", nlohmann::json())}};
  long long hidden = 0;
  nlohmann::json counts = nlohmann::json::object();
  for (const Section& s : kSections) {
    nlohmann::json all = nlohmann::json::array();
    for (long long p : *person) {
      for (auto& row : section_rows(unit, s, p)) {
        if (!options.include_restricted && std::string(s.name) == "interactions" &&
            truthy(row["restricted"])) {
          ++hidden;
          continue;
        }
        if (row.contains("record") && row["record"].is_string())
          row["record"] = nlohmann::json::parse(row["record"].get<std::string>(), nullptr, false);
        if (row.contains("totals") && row["totals"].is_string())
          row["totals"] = nlohmann::json::parse(row["totals"].get<std::string>(), nullptr, false);
        all.push_back(std::move(row));
      }
    }
    counts[s.name] = all.size();
    doc[s.name] = std::move(all);
  }
  doc["unsubscribed_emails"] = nlohmann::json::array();
  for (const auto& e : doc["emails"])
    if (!e["unsubscribed_at"].is_null()) doc["unsubscribed_emails"].push_back(e["email"]);
  auto audit_ids = detail::audit_ids_about(unit, *person);
  doc["audit"] = audit_entries(unit, audit_ids);
  counts["audit"] = audit_ids.size();
  doc["restricted_items_hidden"] = hidden;
  store::record_audit(unit, "export", "constituent", constituent_id, nullptr,
                      {{"personal_data_export", counts}});
  return doc;
}

}  // namespace steward::engine::privacy

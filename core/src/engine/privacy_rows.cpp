// Reading the person's rows for export and erase: rows as JSON, the person's ids, the audit rows
// about them, and the redaction of one audit image.
#include <array>
#include <string_view>

#include "engine/privacy.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::privacy::detail {
namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The audit entity types whose rows belong to one constituent, the table and its owner column.
struct OwnedType {
  const char* entity_type;
  const char* table;
  const char* owner_sql;  // condition on the table's rows, with :p and :q bound to the person
};
constexpr std::array<OwnedType, 12> kOwned = {{
    {"email", "emails", "constituent_id = :p OR constituent_id = :q"},
    {"phone", "phones", "constituent_id = :p OR constituent_id = :q"},
    {"address", "addresses", "constituent_id = :p OR constituent_id = :q"},
    {"interaction", "interactions", "constituent_id = :p OR constituent_id = :q"},
    {"task", "tasks", "constituent_id = :p OR constituent_id = :q"},
    {"gift", "gifts", "constituent_id = :p OR constituent_id = :q"},
    {"pledge", "pledges", "constituent_id = :p OR constituent_id = :q"},
    {"recurring_plan", "recurring_plans", "constituent_id = :p OR constituent_id = :q"},
    {"mail_message", "mail_messages", "constituent_id = :p OR constituent_id = :q"},
    {"receipt", "receipts", "constituent_id = :p OR constituent_id = :q"},
    {"relationship", "relationships", "constituent_id = :p OR related_id = :q"},
    {"household_member", "household_members", "member_id = :p OR member_id = :q"},
}};

// Keys of an audit image that point at a constituent: a row whose image names the person under
// one of these is about them even when the row itself is gone (a deleted email).
constexpr std::array<const char*, 5> kPersonKeys = {"constituent_id", "member_id", "related_id",
                                                    "household_id", "tribute_notify_id"};

bool names_person(const nlohmann::json& image, long long p) {
  if (!image.is_object()) return false;
  for (const char* key : kPersonKeys) {
    auto it = image.find(key);
    if (it != image.end() && it->is_number_integer() && it->get<long long>() == p) return true;
  }
  return false;
}

// String values kept in a redacted image: what a gift, plan or record was, never who.
constexpr std::array<std::string_view, 52> kKeptKeys = {
    "kind",
    "status",
    "currency",
    "base_currency",
    "received_on",
    "payment_method",
    "frequency",
    "starts_on",
    "ends_on",
    "pledged_on",
    "due_on",
    "written_off_on",
    "created_at",
    "updated_at",
    "deleted_at",
    "erased_at",
    "role",
    "type",
    "reciprocal_type",
    "stage",
    "from_stage",
    "to_stage",
    "channel",
    "purpose",
    "state",
    "exchange_rate",
    "receipt_number",
    "period_start",
    "period_end",
    "occurred_at",
    "acknowledged_at",
    "acknowledgment_method",
    "tribute_type",
    "source",
    "organization_type",
    "next_expected_on",
    "last_paid_on",
    "status_changed_at",
    "completed_at",
    "started_on",
    "ended_on",
    "email_state",
    "amount",
    "fund_code",
    "campaign_code",
    "appeal_code",
    "anchor_day",
    "processor",
    "sent_at",
    "unsubscribed_at",
    "redacted_at",
    "fiscal_year",
};

bool kept_key(std::string_view key) {
  for (std::string_view k : kKeptKeys)
    if (k == key) return true;
  return ends_with(std::string(key), "_minor") || ends_with(std::string(key), "_id") ||
         ends_with(std::string(key), "_ids");
}

nlohmann::json redact_value(const nlohmann::json& value, bool keep_strings) {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, v] : value.items()) out[key] = redact_value(v, kept_key(key));
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : value) out.push_back(redact_value(v, keep_strings));
    return out;
  }
  if (value.is_string() && !keep_strings && !value.get<std::string>().empty()) return "[erased]";
  return value;
}

}  // namespace

nlohmann::json redact_image(const nlohmann::json& image) {
  if (image.is_null()) return image;
  return redact_value(image, false);
}

nlohmann::json row_json(const soci::row& row) {
  store::RowReader r(row);
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < row.size(); ++i) {
    const auto& props = row.get_properties(i);
    const std::string name = props.get_name();
    if (r.is_null(i)) {
      out[name] = nullptr;
      continue;
    }
    switch (props.get_data_type()) {
      case soci::dt_integer:
      case soci::dt_long_long:
      case soci::dt_unsigned_long_long:
        out[name] = r.integer(i);
        break;
      case soci::dt_double:
        out[name] = row.get<double>(i);
        break;
      case soci::dt_date:
        out[name] = ends_with(name, "_at") ? r.timestamp(i) : r.date(i);
        break;
      case soci::dt_string:
      case soci::dt_xml:
        out[name] = r.text(i);
        break;
      default:
        out[name] = nullptr;  // blobs: none in the person's tables
        break;
    }
  }
  return out;
}

nlohmann::json rows_json(store::Unit& unit, const std::string& sql, long long id) {
  nlohmann::json out = nlohmann::json::array();
  soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(id));
  for (const soci::row& row : rows) out.push_back(row_json(row));
  return out;
}

Result<std::vector<long long>> person_ids(store::Unit& unit, long long constituent_id) {
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id FROM constituents WHERE id = :a OR merged_into_id = :b "
                             "ORDER BY id",
       soci::use(constituent_id), soci::use(constituent_id));
  bool found = false;
  for (const soci::row& row : rows) {
    long long id = store::RowReader(row).integer(0);
    if (id == constituent_id) found = true;
    ids.push_back(id);
  }
  if (!found) {
    return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
  }
  return ids;
}

std::set<long long> audit_ids_about(store::Unit& unit, const std::vector<long long>& person) {
  std::set<long long> ids;
  auto collect = [&](soci::rowset<soci::row>& rows) {
    for (const soci::row& row : rows) ids.insert(store::RowReader(row).integer(0));
  };
  for (long long p : person) {
    soci::rowset<soci::row> own =
        (unit.sql().prepare << "SELECT id FROM audit_events WHERE entity_type = 'constituent' "
                               "AND entity_id = :p",
         soci::use(p));
    collect(own);
    for (const OwnedType& t : kOwned) {
      std::string type = t.entity_type;
      soci::rowset<soci::row> rows =
          (unit.sql().prepare << std::string("SELECT id FROM audit_events WHERE entity_type = "
                                             ":t AND entity_id IN (SELECT id FROM ") +
                                     t.table + " WHERE " + t.owner_sql + ")",
           soci::use(type), soci::use(p), soci::use(p));
      collect(rows);
    }
    // Rows already gone (a deleted email) are found by the person's id in their images.
    std::string pattern = "%:" + std::to_string(p) + "%";
    soci::rowset<soci::row> named =
        (unit.sql().prepare << "SELECT id, before_json, after_json FROM audit_events "
                               "WHERE entity_type <> 'constituent' AND "
                               "(before_json LIKE :b OR after_json LIKE :a)",
         soci::use(pattern), soci::use(pattern));
    for (const soci::row& row : named) {
      store::RowReader r(row);
      auto before = nlohmann::json::parse(r.opt_text(1).value_or("null"), nullptr, false);
      auto after = nlohmann::json::parse(r.opt_text(2).value_or("null"), nullptr, false);
      if (names_person(before, p) || names_person(after, p)) ids.insert(r.integer(0));
    }
  }
  return ids;
}

}  // namespace steward::engine::privacy::detail

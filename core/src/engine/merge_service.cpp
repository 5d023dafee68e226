#include "engine/merge_service.hpp"

#include <set>

#include "store/giving_summary_repository.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/constituent_search_refresh.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::engine::merge {
namespace {

const std::vector<std::string> kTextFields = {
    "first_name",   "middle_name", "last_name",  "preferred_name", "organization_name",
    "display_name", "sort_name",   "salutation", "addressee",      "organization_type",
    "donor_source", "stage",       "notes"};
const std::vector<std::string> kFlagFields = {"restricted",  "do_not_email",   "do_not_mail",
                                              "do_not_call", "do_not_solicit", "anonymous_giver"};

struct Record {
  long long id = 0;
  std::string kind;
  bool live = true;
  std::map<std::string, std::optional<std::string>> text;
  std::map<std::string, int> flags;
  std::string custom_fields;
};

std::string column_list() {
  std::string cols = "id, kind, deleted_at, merged_into_id, custom_fields";
  for (const auto& f : kTextFields) cols += ", " + f;
  for (const auto& f : kFlagFields) cols += ", " + f;
  return cols;
}

Result<Record> merge_load(store::Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + column_list() + " FROM constituents WHERE id = :id", soci::use(id),
      soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("constituent " + std::to_string(id) + " does not exist");
  store::RowReader r(row);
  Record rec;
  rec.id = r.integer();
  rec.kind = r.text();
  bool deleted = r.opt_text().has_value();
  bool merged = r.opt_integer().has_value();
  rec.live = !deleted && !merged;
  rec.custom_fields = r.opt_text().value_or("{}");
  for (const auto& f : kTextFields) rec.text[f] = r.opt_text();
  for (const auto& f : kFlagFields) rec.flags[f] = static_cast<int>(r.integer());
  return rec;
}

nlohmann::json merge_image(const Record& rec) {
  nlohmann::json j = {{"id", rec.id}, {"kind", rec.kind}};
  for (const auto& [f, v] : rec.text)
    if (v) j[f] = *v;
  for (const auto& [f, v] : rec.flags) j[f] = v != 0;
  j["custom_fields"] = nlohmann::json::parse(rec.custom_fields, nullptr, false);
  return j;
}

bool merge_blank(const std::optional<std::string>& v) {
  return !v || v->find_first_not_of(" \t\r\n") == std::string::npos;
}

Status merge_validate(const MergeRequest& req) {
  if (req.survivor_id <= 0) return Status::invalid_field("survivor", "must be a constituent id");
  if (req.loser_ids.empty())
    return Status::invalid_field("losers", "name at least one record to merge");
  std::set<long long> seen;
  for (long long id : req.loser_ids) {
    if (id == req.survivor_id)
      return Status::invalid_field("losers", "the survivor cannot be merged into itself");
    if (!seen.insert(id).second)
      return Status::invalid_field("losers", std::to_string(id) + " is listed twice");
  }
  std::set<std::string> chosen;
  for (const FieldChoice& c : req.choices) {
    const auto& all = choosable_fields();
    if (std::find(all.begin(), all.end(), c.field) == all.end())
      return Status::invalid_field("take." + c.field, "not a field that can be chosen");
    if (c.take_from_id != req.survivor_id && !seen.count(c.take_from_id))
      return Status::invalid_field("take." + c.field,
                                   std::to_string(c.take_from_id) + " is not one of the records");
    if (!chosen.insert(c.field).second)
      return Status::invalid_field("take." + c.field, "chosen twice");
  }
  return Status::ok();
}

// The survivor's new field values: explicit choices, else survivor, else first non-blank loser;
// flags are set if any record had them.
Record merge_resolve(const Record& survivor, const std::vector<Record>& losers,
                     const std::vector<FieldChoice>& choices) {
  std::map<long long, const Record*> by_id{{survivor.id, &survivor}};
  for (const Record& l : losers) by_id[l.id] = &l;
  std::map<std::string, long long> pick;
  for (const FieldChoice& c : choices) pick[c.field] = c.take_from_id;
  // Taking a name from another record takes its display and sort names too, unless chosen.
  for (const char* name : {"first_name", "last_name", "organization_name"}) {
    auto it = pick.find(name);
    if (it == pick.end()) continue;
    pick.emplace("display_name", it->second);
    pick.emplace("sort_name", it->second);
  }
  Record out = survivor;
  for (const auto& f : kTextFields) {
    if (auto it = pick.find(f); it != pick.end()) {
      out.text[f] = by_id.at(it->second)->text.at(f);
    } else if (merge_blank(out.text[f])) {
      for (const Record& l : losers) {
        if (!merge_blank(l.text.at(f))) {
          out.text[f] = l.text.at(f);
          break;
        }
      }
    }
  }
  for (const auto& f : kFlagFields) {
    if (auto it = pick.find(f); it != pick.end()) {
      out.flags[f] = by_id.at(it->second)->flags.at(f);
    } else {
      for (const Record& l : losers) out.flags[f] = out.flags[f] || l.flags.at(f) ? 1 : 0;
    }
  }
  // Custom fields: the survivor's keys win; a loser's key fills a gap.
  nlohmann::json custom = nlohmann::json::parse(survivor.custom_fields, nullptr, false);
  if (!custom.is_object()) custom = nlohmann::json::object();
  for (const Record& l : losers) {
    nlohmann::json theirs = nlohmann::json::parse(l.custom_fields, nullptr, false);
    if (!theirs.is_object()) continue;
    for (auto& [k, v] : theirs.items())
      if (!custom.contains(k)) custom[k] = v;
  }
  out.custom_fields = custom.dump();
  return out;
}

void write_fields(store::Unit& unit, const Record& before, const Record& after,
                  const std::string& now) {
  for (const auto& f : kTextFields) {
    if (before.text.at(f) == after.text.at(f)) continue;
    std::optional<std::string> v = after.text.at(f);
    unit.sql() << "UPDATE constituents SET " + f + " = :v WHERE id = :id", soci::use(v),
        soci::use(after.id);
  }
  for (const auto& f : kFlagFields) {
    if (before.flags.at(f) == after.flags.at(f)) continue;
    int v = after.flags.at(f);
    unit.sql() << "UPDATE constituents SET " + f + " = :v WHERE id = :id", soci::use(v),
        soci::use(after.id);
  }
  std::string custom = after.custom_fields;
  unit.sql() << "UPDATE constituents SET custom_fields = :c, updated_at = :u, "
                "version = version + 1 WHERE id = :id",
      soci::use(custom), soci::use(now), soci::use(after.id);
  (void)store::name_keys::refresh(unit, after.id);  // the survivor's name may have changed
}

}  // namespace

const std::vector<std::string>& choosable_fields() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> v = kTextFields;
    v.insert(v.end(), kFlagFields.begin(), kFlagFields.end());
    return v;
  }();
  return all;
}

Result<MergeOutcome> merge(store::Unit& unit, const MergeRequest& request) {
  if (Status s = merge_validate(request); !s) return s;
  auto survivor = merge_load(unit, request.survivor_id);
  if (!survivor) return survivor.status();
  if (!survivor->live)
    return Status::precondition_failed("constituent " + std::to_string(survivor->id) +
                                       " is deleted or already merged");
  std::vector<Record> losers;
  for (long long id : request.loser_ids) {
    auto rec = merge_load(unit, id);
    if (!rec) return rec.status();
    if (!rec->live)
      return Status::precondition_failed("constituent " + std::to_string(id) +
                                         " is deleted or already merged");
    if (rec->kind != survivor->kind)
      return Status::invalid_field("losers", "constituent " + std::to_string(id) + " is " +
                                                 rec->kind + ", the survivor is " + survivor->kind);
    losers.push_back(std::move(*rec));
  }

  std::string now = domain::utc_now_iso();
  const std::vector<long long>& ids = request.loser_ids;
  // Every moved email, phone and address would rebuild two search rows (its old and new owner);
  // the survivor's and the losers' are rebuilt once, after the moves (decision 0217).
  store::constituents::DeferSearchRefresh search(unit);
  nlohmann::json summary = detail::move_contact_points(unit, survivor->id, ids);
  summary.update(detail::move_gifts_and_credits(unit, survivor->id, ids));
  summary.update(detail::move_relationships(unit, survivor->id, ids));
  summary.update(detail::move_simple_rows(unit, survivor->id, ids));

  Record after = merge_resolve(*survivor, losers, request.choices);
  write_fields(unit, *survivor, after, now);
  std::vector<long long> touched{survivor->id};
  touched.insert(touched.end(), ids.begin(), ids.end());
  if (Status s = search.finish(touched); !s) return s;
  for (const Record& loser : losers) {
    unit.sql() << "UPDATE constituents SET merged_into_id = :s, updated_at = :u "
                  "WHERE merged_into_id = :l",
        soci::use(survivor->id), soci::use(now), soci::use(loser.id);
    unit.sql() << "UPDATE constituents SET deleted_at = :d, merged_into_id = :s, "
                  "updated_at = :u, version = version + 1 WHERE id = :id",
        soci::use(now), soci::use(survivor->id), soci::use(now), soci::use(loser.id);
  }

  nlohmann::json choices = nlohmann::json::object();
  for (const FieldChoice& c : request.choices) choices[c.field] = c.take_from_id;
  std::string merged_text = nlohmann::json(ids).dump();
  std::string choices_text = choices.dump();
  std::string summary_text = summary.dump();
  std::string actor = unit.actor().name;
  long long merge_id = 0;
  unit.sql() << "INSERT INTO merges (survivor_id, merged_ids, field_choices, summary, actor, "
                "created_at, updated_at) VALUES (:s, :m, :f, :sum, :a, :c, :u) RETURNING id",
      soci::use(survivor->id), soci::use(merged_text), soci::use(choices_text),
      soci::use(summary_text), soci::use(actor), soci::use(now), soci::use(now),
      soci::into(merge_id);

  nlohmann::json survivor_after = merge_image(after);
  survivor_after["merge_id"] = merge_id;
  survivor_after["merged_ids"] = ids;
  survivor_after["summary"] = summary;
  store::record_audit(unit, "merge", "constituent", survivor->id, merge_image(*survivor),
                      survivor_after);
  for (const Record& loser : losers) {
    nlohmann::json gone = {
        {"merged_into_id", survivor->id}, {"merge_id", merge_id}, {"deleted_at", now}};
    store::record_audit(unit, "merged", "constituent", loser.id, merge_image(loser), gone);
  }

  if (Status s = recompute_rollups_after_merge(unit, survivor->id, ids); !s) return s;
  return MergeOutcome{merge_id, survivor->id, ids, summary};
}

Status recompute_rollups_after_merge(store::Unit& unit, long long survivor_id,
                                     const std::vector<long long>& losers) {
  // Losers drop to zero, the survivor gains their gifts and soft credits, and every household
  // any of them belonged to recounts its members' gifts.
  std::set<long long> ids(losers.begin(), losers.end());
  ids.insert(survivor_id);
  std::set<long long> households;
  for (long long id : ids) {
    soci::rowset<long long> rows =
        (unit.sql().prepare << "SELECT DISTINCT household_id FROM household_members "
                               "WHERE member_id = :m",
         soci::use(id));
    for (long long h : rows) households.insert(h);
  }
  ids.insert(households.begin(), households.end());
  for (long long id : ids) {
    if (Status s = store::giving::recompute(unit, id); !s) return s;
  }
  return Status::ok();
}

}  // namespace steward::engine::merge

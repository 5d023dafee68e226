#include "store/interaction_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/references.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::interactions {
namespace {

using domain::Interaction;

const char* kInteractionColumns =
    "id, constituent_id, kind, occurred_at, staff, summary, details, restricted, created_by, "
    "created_at, updated_at";

Interaction interaction_from_row(const soci::row& row) {
  RowReader r(row);
  Interaction i;
  i.id = r.integer();
  i.constituent_id = r.integer();
  i.kind = r.text();
  i.occurred_at = r.timestamp();
  i.staff = r.opt_text();
  i.summary = r.text();
  i.details = r.opt_text();
  i.restricted = r.flag();
  i.created_by = r.opt_text();
  i.created_at = r.timestamp();
  i.updated_at = r.timestamp();
  return i;
}

nlohmann::json interaction_to_json(const Interaction& i) {
  nlohmann::json j = {{"id", i.id},           {"constituent_id", i.constituent_id},
                      {"kind", i.kind},       {"occurred_at", i.occurred_at},
                      {"summary", i.summary}, {"restricted", i.restricted}};
  if (i.staff) j["staff"] = *i.staff;
  if (i.details) j["details"] = *i.details;
  return j;
}

Status interaction_check(Unit& unit, domain::InteractionInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  return require_row(unit, "constituents", "constituent_id", "constituent", in.constituent_id);
}

}  // namespace

Result<Interaction> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kInteractionColumns) +
                    " FROM interactions WHERE id = :id AND deleted_at IS NULL",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("interaction " + std::to_string(id) + " does not exist");
  return interaction_from_row(row);
}

Result<Interaction> create(Unit& unit, domain::InteractionInput in) {
  if (Status s = interaction_check(unit, in); !s) return s;
  std::string now = domain::utc_now_iso();
  std::string by = unit.actor().name;
  int restricted = in.restricted ? 1 : 0;
  long long id = 0;
  unit.sql() << "INSERT INTO interactions (constituent_id, kind, occurred_at, staff, summary, "
                "details, restricted, created_by, created_at, updated_at) VALUES (:c, :k, :at, "
                ":staff, :summary, :details, :r, :by, :cr, :up) RETURNING id",
      soci::use(in.constituent_id), soci::use(in.kind), soci::use(in.occurred_at),
      soci::use(in.staff), soci::use(in.summary), soci::use(in.details), soci::use(restricted),
      soci::use(by), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (created)
    record_audit(unit, "create", "interaction", id, nullptr, interaction_to_json(*created));
  return created;
}

Result<Interaction> update(Unit& unit, long long id, domain::InteractionInput in) {
  if (Status s = interaction_check(unit, in); !s) return s;
  auto before = get(unit, id);
  if (!before) return before;
  std::string now = domain::utc_now_iso();
  int restricted = in.restricted ? 1 : 0;
  unit.sql() << "UPDATE interactions SET constituent_id = :c, kind = :k, occurred_at = :at, "
                "staff = :staff, summary = :summary, details = :details, restricted = :r, "
                "updated_at = :up WHERE id = :id",
      soci::use(in.constituent_id), soci::use(in.kind), soci::use(in.occurred_at),
      soci::use(in.staff), soci::use(in.summary), soci::use(in.details), soci::use(restricted),
      soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "interaction", id, interaction_to_json(*before),
                 interaction_to_json(*after));
  return after;
}

Status remove(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE interactions SET deleted_at = :d, updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  record_audit(unit, "delete", "interaction", id, interaction_to_json(*before), nullptr);
  return Status::ok();
}

Result<std::vector<Interaction>> list_for(Unit& unit, long long constituent_id,
                                          const ListOptions& options) {
  int all = options.include_restricted ? 1 : 0;
  std::string order =
      options.newest_first ? " ORDER BY occurred_at DESC, id DESC" : " ORDER BY occurred_at, id";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kInteractionColumns) +
                                 " FROM interactions WHERE constituent_id = :c AND deleted_at IS "
                                 "NULL AND (:all = 1 OR restricted = (1 = 0))" +
                                 order,
       soci::use(constituent_id), soci::use(all));
  std::vector<Interaction> out;
  for (const soci::row& r : rows) out.push_back(interaction_from_row(r));
  return out;
}

Result<Page<Interaction>> page_for(Unit& unit, long long constituent_id,
                                   const PageOptions& options) {
  const int all = options.include_restricted ? 1 : 0;
  const int limit = clamp_limit(options.page.limit);
  const int fetch = limit + 1;
  const long long after_id = options.page.after_id;
  const int has_cursor = after_id > 0 ? 1 : 0;
  // A valid instant on both backends (PostgreSQL parses it as TIMESTAMPTZ) when there is no
  // cursor; the has_cursor flag makes the comparison moot then.
  std::string after_at = "2000-01-01T00:00:00Z";
  if (has_cursor) {
    soci::row row;
    unit.sql() << "SELECT occurred_at FROM interactions WHERE id = :id AND constituent_id = :c "
                  "AND (:all = 1 OR restricted = (1 = 0))",
        soci::use(after_id), soci::use(constituent_id), soci::use(all), soci::into(row);
    if (!unit.sql().got_data()) {
      return Status::invalid_field("after",
                                   "the cursor does not point at an interaction of "
                                   "this constituent; start again without it");
    }
    after_at = RowReader(row).timestamp(0);
  }
  // Only the comparison operators and the direction differ; no value is spliced.
  const bool desc = options.newest_first;
  const std::string beyond = desc ? " < " : " > ";
  const std::string dir = desc ? " DESC" : "";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kInteractionColumns) +
                                 " FROM interactions WHERE constituent_id = :c AND deleted_at IS "
                                 "NULL AND (:all = 1 OR restricted = (1 = 0)) AND (:hcur = 0 OR "
                                 "occurred_at" +
                                 beyond + ":at OR (occurred_at = :at2 AND id" + beyond +
                                 ":aid)) ORDER BY occurred_at" + dir + ", id" + dir +
                                 " LIMIT :fetch",
       soci::use(constituent_id), soci::use(all), soci::use(has_cursor), soci::use(after_at),
       soci::use(after_at), soci::use(after_id), soci::use(fetch));
  Page<Interaction> page;
  for (const soci::row& r : rows) page.items.push_back(interaction_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::interactions

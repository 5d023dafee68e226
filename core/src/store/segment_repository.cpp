#include "store/segment_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/segment_filter.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::segments {
namespace {

const char* kSegmentColumns = "id, name, description, filter, created_by, created_at, updated_at";

domain::Segment segment_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Segment s;
  s.id = r.integer();
  s.name = r.text();
  s.description = r.opt_text();
  s.filter = r.text();
  s.created_by = r.opt_text();
  s.created_at = r.timestamp();
  s.updated_at = r.timestamp();
  return s;
}

nlohmann::json segment_to_json(const domain::Segment& s) {
  nlohmann::json j = {{"id", s.id}, {"name", s.name}, {"filter", s.filter}};
  if (s.description) j["description"] = *s.description;
  return j;
}

// Validates the input and returns the filter in canonical form (compact JSON) for storage.
Result<std::string> segment_check(Unit& unit, const domain::SegmentInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  auto settings = settings::get(unit);
  if (!settings) return settings.status();
  domain::segment::ParseOptions options;
  options.base_currency = settings->base_currency;
  auto parsed = domain::segment::parse(input.filter, options);
  if (!parsed) return parsed.status();
  return nlohmann::json::parse(input.filter).dump();
}

Status name_free(Unit& unit, const std::string& name, long long except_id) {
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM segments WHERE name = :name AND deleted_at IS NULL "
                "AND id <> :id",
      soci::use(name), soci::use(except_id), soci::into(taken);
  if (taken > 0) return Status::conflict("a segment named '" + name + "' already exists");
  return Status::ok();
}

}  // namespace

Result<domain::Segment> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kSegmentColumns) +
                    " FROM segments WHERE id = :id AND deleted_at IS NULL",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("segment " + std::to_string(id) + " does not exist");
  return segment_from_row(row);
}

Result<domain::Segment> get_by_name(Unit& unit, const std::string& name) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kSegmentColumns) +
                    " FROM segments WHERE name = :name AND deleted_at IS NULL",
      soci::use(name), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("segment '" + name + "' does not exist");
  return segment_from_row(row);
}

Result<domain::Segment> create(Unit& unit, const domain::SegmentInput& input) {
  auto filter = segment_check(unit, input);
  if (!filter) return filter.status();
  if (Status s = name_free(unit, input.name, 0); !s) return s;
  std::string now = domain::utc_now_iso();
  std::string created_by = unit.actor().name;
  long long id = 0;
  unit.sql() << "INSERT INTO segments (name, description, filter, created_by, created_at, "
                "updated_at) VALUES (:name, :description, :filter, :created_by, :created, "
                ":updated) RETURNING id",
      soci::use(input.name), soci::use(input.description), soci::use(*filter),
      soci::use(created_by), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "segment", id, nullptr, segment_to_json(*created));
  return created;
}

Result<domain::Segment> update(Unit& unit, long long id, const domain::SegmentInput& input) {
  auto filter = segment_check(unit, input);
  if (!filter) return filter.status();
  auto before = get(unit, id);
  if (!before) return before.status();
  if (Status s = name_free(unit, input.name, id); !s) return s;
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE segments SET name = :name, description = :description, filter = :filter, "
                "updated_at = :updated WHERE id = :id",
      soci::use(input.name), soci::use(input.description), soci::use(*filter), soci::use(now),
      soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "segment", id, segment_to_json(*before), segment_to_json(*after));
  return after;
}

Status remove(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE segments SET deleted_at = :deleted, updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  record_audit(unit, "delete", "segment", id, segment_to_json(*before), nullptr);
  return Status::ok();
}

Result<Page<domain::Segment>> list(Unit& unit, const PageRequest& request) {
  int limit = clamp_limit(request.limit);
  int fetch = limit + 1;
  std::string after_name;
  long long after_id = request.after_id;
  if (after_id > 0) {
    auto last = get(unit, after_id);
    if (!last) return Status::invalid_field("after", "the cursor no longer points at a segment");
    after_name = last->name;
  }
  int has_cursor = after_id > 0 ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kSegmentColumns) +
                                 " FROM segments WHERE deleted_at IS NULL "
                                 "AND (:has_cursor = 0 OR name > :after_name OR "
                                 "(name = :after_name2 AND id > :after_id)) "
                                 "ORDER BY name, id LIMIT :fetch",
       soci::use(has_cursor), soci::use(after_name), soci::use(after_name), soci::use(after_id),
       soci::use(fetch));
  Page<domain::Segment> page;
  for (const soci::row& r : rows) page.items.push_back(segment_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::segments

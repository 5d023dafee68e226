// Constituents in the database. Every function runs inside the caller's unit of work; writes
// validate first, write nothing on error, and append to the audit trail.
//
// Soft delete: delete sets deleted_at; deleted constituents are hidden from get() and list()
// unless asked for, and restore() brings them back with everything attached.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/constituent.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::constituents {

struct ListFilter {
  std::optional<std::string> kind;    // individual | household | organization
  std::optional<long long> tag_id;    // only constituents carrying this tag
  bool include_restricted = true;     // false hides restricted records
  bool include_deleted = false;       // true also lists soft-deleted records
  std::optional<std::string> search;  // names (any script), email, phone digits, postal code
  PageRequest page;
};

// Errors: kInvalid (names the field).
Result<domain::Constituent> create(Unit& unit, const domain::ConstituentInput& input);
// Errors: kNotFound (also for a soft-deleted constituent unless include_deleted).
Result<domain::Constituent> get(Unit& unit, long long id, bool include_deleted = false);
// Replaces every field (the display name is recomputed when left empty). Errors: kInvalid,
// kNotFound.
Result<domain::Constituent> update(Unit& unit, long long id, const domain::ConstituentInput& input);
// Errors: kNotFound (missing or already deleted).
Status soft_delete(Unit& unit, long long id);
// Errors: kNotFound (missing), kPreconditionFailed (not deleted).
Result<domain::Constituent> restore(Unit& unit, long long id);
// Ordered by sort name, then id; keyset pagination.
Result<Page<domain::Constituent>> list(Unit& unit, const ListFilter& filter);

// The JSON image used in the audit trail and by `--json` output.
nlohmann::json to_json(const domain::Constituent& c);

}  // namespace steward::store::constituents

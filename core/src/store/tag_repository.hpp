// Tags: free labels on constituents ("Board", "Volunteer", "교회 리더"). Tag names are unique
// ignoring ASCII case. Tagging and untagging are idempotent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::tags {

struct Tag {
  long long id = 0;
  std::string name;
};

// Errors: kInvalid ("name"), kConflict (the name is taken).
Result<Tag> create(Unit& unit, const std::string& name);
// Errors: kNotFound.
Result<Tag> get_by_name(Unit& unit, const std::string& name);
// The tag with this name, created when missing.
Result<Tag> find_or_create(Unit& unit, const std::string& name);
// Every tag by name.
Result<std::vector<Tag>> list(Unit& unit);
// Idempotent: tagging twice keeps one link (and one audit row). Errors: kNotFound.
Status tag(Unit& unit, long long constituent_id, long long tag_id);
// Idempotent: untagging an untagged constituent is ok.
Status untag(Unit& unit, long long constituent_id, long long tag_id);
// The constituent's tags by name.
Result<std::vector<Tag>> tags_of(Unit& unit, long long constituent_id);

}  // namespace steward::store::tags

// When a constituent's personal data was erased (constituents.erased_at, migration 0020), for
// the constituent answer's "erased_at" (GET /api/v1/constituents/{id}). Read only.
// See docs/privacy.md and docs/decisions/0213-ui-recipient-pages-erased-records-axe-and-speed.md.
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::store::constituents {

// The erase's UTC time (YYYY-MM-DDTHH:MM:SSZ), or nullopt when never erased. Errors: kNotFound.
Result<std::optional<std::string>> erased_at(Unit& unit, long long id);

}  // namespace steward::store::constituents

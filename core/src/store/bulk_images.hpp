// What bulk writers need to audit rows they wrote around the repositories exactly as the
// repositories do (decision 0200, the import's bulk commit): the repositories' own audit images
// and a range read. Defined in the repositories' files; declared here so the repositories'
// public headers (included everywhere) stay as they are.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "domain/constituent.hpp"
#include "domain/contact.hpp"
#include "store/database.hpp"

namespace steward::store {

namespace contacts {
// The audit image add_email() records.
nlohmann::json email_json(const domain::Email& e);
}  // namespace contacts

namespace constituents {
// Constituents with ids first..last (deleted ones too), in id order.
Result<std::vector<domain::Constituent>> get_range(Unit& unit, long long first, long long last);
}  // namespace constituents

}  // namespace steward::store

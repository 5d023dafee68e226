// The list filter shared by GET /api/v1/constituents and the CSV export:
// ?q= (names in any script, email, phone digits, postal code), ?kind=, ?tag= (a tag id or
// name), ?after=&limit=. Restricted records are left out for callers without the grant.
#pragma once

#include <optional>

#include "http/router.hpp"
#include "store/constituent_repository.hpp"

namespace steward::http {

// nullopt inside: the filter matches nothing (an unknown tag name). Errors name the parameter.
Result<std::optional<store::constituents::ListFilter>> constituent_filter(Call& call);

}  // namespace steward::http

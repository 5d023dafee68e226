// Constituents for tests of any area: a person, an organization, a household with members.
// Each helper writes in its own unit of work and fails the test (ADD_FAILURE) on error,
// returning a constituent with id 0.
#pragma once

#include <string>
#include <vector>

#include "domain/constituent.hpp"
#include "store/database.hpp"

namespace steward::testing {

domain::Constituent make_individual(store::Database& db, const store::Actor& actor,
                                    const std::string& first, const std::string& last);
domain::Constituent make_organization(store::Database& db, const store::Actor& actor,
                                      const std::string& name,
                                      const std::string& organization_type = "church");
// A household holding `member_ids` (named after the first member unless `name` is given).
domain::Constituent make_household(store::Database& db, const store::Actor& actor,
                                   const std::vector<long long>& member_ids,
                                   const std::string& name = "");

}  // namespace steward::testing

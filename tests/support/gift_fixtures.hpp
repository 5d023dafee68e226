// Fixtures for gift, batch and giving-summary tests: constituents, households and funds made
// with plain SQL (or store::funds::create), and a one-fund gift input.
#pragma once

#include <optional>
#include <string>

#include "domain/gift.hpp"
#include "store/database.hpp"

namespace steward::testing {

long long make_person(store::Database& db, const std::string& name);
long long make_household(store::Database& db, const std::string& name);
// Adds a current member (ended_on NULL) to a household.
void add_member(store::Database& db, long long household, long long member,
                const std::optional<std::string>& started_on = std::nullopt);
// Ends the member's current membership on `ended_on`.
void end_membership(store::Database& db, long long member, const std::string& ended_on);
long long make_fund(store::Database& db, const std::string& code);
void set_setting(store::Database& db, const std::string& key, const std::string& value);
// A completed USD cash gift allocated entirely to `fund`.
domain::GiftInput gift_input(long long donor, long long amount_minor, const std::string& day,
                             long long fund);

}  // namespace steward::testing

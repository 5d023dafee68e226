// Fixtures for mail tests: a donor with a primary email, do-not-email, gifts recorded through
// the engine, and the mail settings a send needs.
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::testing {

// A person (display name `name`) with a primary email when `email` is not empty.
long long make_donor(store::Database& db, const std::string& name, const std::string& email);
void set_do_not_email(store::Database& db, long long constituent_id, bool value);
// A completed cash gift in `currency`, recorded through engine::record_gift; returns its id.
long long record_gift_for(store::Database& db, long long donor, long long amount_minor,
                          const std::string& day, long long fund,
                          const std::string& currency = "USD");
void set_mail_setting(store::Database& db, const std::string& key, const std::string& value);

}  // namespace steward::testing

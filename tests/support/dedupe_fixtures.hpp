// Test data for duplicate finding and merging, inserted with plain SQL (the constituent and gift
// repositories are written elsewhere). Each helper fails the test on error.
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::testing::dedupe {

long long add_person(store::Database& db, const std::string& first, const std::string& last);
void add_email(store::Database& db, long long person, const std::string& email, bool primary);
void add_phone(store::Database& db, long long person, const std::string& phone, bool primary);
void add_address(store::Database& db, long long person, const std::string& line1,
                 const std::string& postal, bool primary);
long long add_gift(store::Database& db, long long person, long long amount_minor);
void add_soft_credit(store::Database& db, long long gift, long long person, long long amount_minor,
                     const std::string& role = "other");
void add_tag(store::Database& db, long long person, const std::string& tag);
void add_relationship(store::Database& db, long long a, long long b, const std::string& type);
// Runs a statement with no parameters (for setting a field in a test).
void exec(store::Database& db, const std::string& sql);

}  // namespace steward::testing::dedupe

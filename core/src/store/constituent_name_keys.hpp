// Stored name keys of constituents (migration 0018, decision 0155): the keys the import matcher's
// name rule compares (domain/name_normalizer.hpp), kept in constituents.name_key
// (person_name_key(first, last)) and display_name_key (name_key(display_name)) so a payer's name
// is looked up through an index instead of fetching every constituent with the same family name.
//   - refresh(): recomputes one constituent's keys (the constituent repository calls it on create
//     and update, the merge for the survivor);
//   - fill_missing(): computes the keys of rows not yet keyed (name_keys_ready = 0: rows from
//     before migration 0018 and from bulk loads); cheap when there are none (partial index);
//   - find(): alive, unmerged constituents having a key (either column).
// Keys are derived data: no audit row of their own (the name change that caused them has one).
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::name_keys {

struct Keys {
  std::string person;   // "" without a last name (stored as NULL)
  std::string display;  // "" for an empty display name (stored as NULL)
};
Keys compute(const std::string& display_name, const std::string& first_name,
             const std::string& last_name);

Status refresh(Unit& unit, long long constituent_id);
// Returns how many rows were keyed.
Result<long long> fill_missing(Unit& unit);
// Ids of alive, unmerged constituents whose name_key or display_name_key is `key`.
Result<std::vector<long long>> find(Unit& unit, const std::string& key);

}  // namespace steward::store::name_keys

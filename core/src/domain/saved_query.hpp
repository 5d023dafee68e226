// A saved analytics query: a name its owner gave to an analytics explorer query (the JSON body
// of POST /api/v1/analytics/query, checked by engine::analytics::parse_query before it is
// stored), kept for its owner or shared with everyone who may run analytics.
#pragma once

#include <cstddef>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::domain {

// What a person sends to save or change a query.
struct SavedQueryInput {
  std::string name;   // unique per owner, one line, at most 200 bytes
  std::string query;  // JSON text of an analytics query
  bool shared = false;
};

struct SavedQuery : SavedQueryInput {
  long long id = 0;
  long long owner_user_id = 0;
  std::string owner;  // the owner's username
  std::string created_at;
  std::string updated_at;
};

// The longest query text kept (a query has at most a few dozen filters; anything larger is a
// mistake or an attack on the table).
inline constexpr std::size_t kSavedQueryMaxBytes = 20000;

// Checks the name and the size of the query text (its meaning is checked by the analytics
// parser). Errors name the field.
Status validate(const SavedQueryInput& input);

}  // namespace steward::domain

#include "domain/saved_query.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate(const SavedQueryInput& input) {
  if (Status s = require_text("name", input.name, 200); !s) return s;
  if (input.query.empty()) return Status::invalid_field("query", "is required");
  if (input.query.size() > kSavedQueryMaxBytes) {
    return Status::invalid_field(
        "query", "is longer than " + std::to_string(kSavedQueryMaxBytes) + " bytes");
  }
  return Status::ok();
}

}  // namespace steward::domain

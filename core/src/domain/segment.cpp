#include "domain/segment.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate(const SegmentInput& segment) {
  Status s = first_error({require_text("name", segment.name, 200),
                          check_text("description", segment.description, 4000, true)});
  if (!s) return s;
  if (segment.filter.empty()) return Status::invalid_field("filter", "is required");
  return Status::ok();
}

}  // namespace steward::domain

// A saved segment: a named, described filter over constituents ("Board members who gave last
// year", "LYBUNT churches"). The filter is JSON text in the language of domain/segment_filter.hpp
// and docs/segments.md; members are computed when asked, never stored.
#pragma once

#include <optional>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::domain {

// What a person types to save or change a segment.
struct SegmentInput {
  std::string name;  // unique among live segments
  std::optional<std::string> description;
  std::string filter;  // JSON text
};

struct Segment : SegmentInput {
  long long id = 0;
  std::optional<std::string> created_by;
  std::string created_at;
  std::string updated_at;
};

// Checks the name and description (the filter is checked by segment::parse, which needs the
// base currency). Errors name the field.
Status validate(const SegmentInput& segment);

}  // namespace steward::domain

// Shared by the segment handler files: the JSON image of a saved segment, the filter a caller
// may run, and filter errors named by their path inside the request ("filter.and[1].gave.min").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/segment.hpp"
#include "http/router.hpp"

namespace steward::http {

nlohmann::json segment_json(const domain::Segment& s);

// Filter errors from the store or engine with each field prefixed by "filter.".
Status filter_error(const Status& s);

// The filter text to run for the caller. Without the restricted grant, restricted constituents
// are always left out (even when the filter asks for them), so counts, members and exports
// never reveal them. Errors (named "filter....") when the filter itself is bad.
Result<std::string> filter_for(Call& call, store::Unit& u, const std::string& filter_text);

// The saved segment's filter for the caller (404 for a missing segment).
Result<std::string> saved_filter_for(Call& call, store::Unit& u, long long segment_id);

}  // namespace steward::http

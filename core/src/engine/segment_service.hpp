// Segment membership: how many constituents a filter selects, and who they are, page by page.
// Filters are JSON text (docs/segments.md) parsed with the organisation's base currency and
// compiled with its fiscal year start (store/settings_repository); nothing is cached, so the
// answer always reflects the gifts, tags and addresses as they are now.
//
// Every function runs in the caller's unit of work (read or write). Errors: kInvalid naming the
// bad part of the filter ("and[1].gave.min: not a decimal amount"); an invalid filter never
// reaches SQL.
#pragma once

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/segment_filter.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::engine::segments {

struct Member {
  long long id = 0;
  std::string display_name;
};

struct Options {
  // "Today" for lybunt/sybunt without a year (default: the current UTC date).
  std::optional<domain::Date> today;
};

// Parses filter text with the organisation's base currency.
Result<domain::segment::Filter> parse_filter(store::Unit& unit, const std::string& filter_json);

Result<long long> count(store::Unit& unit, const std::string& filter_json,
                        const Options& options = {});
Result<long long> count(store::Unit& unit, const domain::segment::Filter& filter,
                        const Options& options = {});

// Members ordered by constituent id; page.after_id is the last id of the previous page.
Result<store::Page<Member>> members(store::Unit& unit, const std::string& filter_json,
                                    const store::PageRequest& page, const Options& options = {});
Result<store::Page<Member>> members(store::Unit& unit, const domain::segment::Filter& filter,
                                    const store::PageRequest& page, const Options& options = {});

}  // namespace steward::engine::segments

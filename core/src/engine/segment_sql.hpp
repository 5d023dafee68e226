// Compiles a parsed segment filter (domain/segment_filter.hpp) into a SQL condition over
// `constituents c` with a list of bound parameters. Values are never spliced into the text: every
// date, amount, id, code, name and status becomes a ":pN" placeholder whose value sits at index N
// of `params`, in the order the placeholders appear. The SQL is the same on SQLite and
// PostgreSQL (booleans compared with TRUE/FALSE, dates as 'YYYY-MM-DD' text parameters).
//
// Which gifts count everywhere: status completed or partially_refunded, not deleted, by the
// constituent (hard credit), at their net base-currency amount (base_amount_minor -
// base_refunded_minor). See docs/segments.md.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <soci/soci.h>

#include "domain/date.hpp"
#include "domain/segment_filter.hpp"

namespace steward::engine::segment_sql {

using Param = std::variant<long long, std::string>;

struct Context {
  unsigned fiscal_year_start_month = 1;        // settings fiscal_year_start_month
  domain::Date today = domain::Date::today();  // the default year of lybunt/sybunt
};

struct Compiled {
  std::string sql;  // compile(): a condition on `c`; select_ids(): a whole SELECT
  std::vector<Param> params;
};

// The WHERE condition for `filter`: deleted and merged constituents are always excluded;
// restricted ones unless the filter mentions "restricted".
Compiled compile(const domain::segment::Filter& filter, const Context& context);

// "SELECT c.id FROM constituents c WHERE <where>" with the same parameters.
Compiled select_ids(const domain::segment::Filter& filter, const Context& context);

// Binds every parameter to `st` (in order). `params` must outlive the statement's execution.
void bind(soci::statement& st, const std::vector<Param>& params);

}  // namespace steward::engine::segment_sql

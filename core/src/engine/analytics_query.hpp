// The analytics query API (issue 8, decision 0171): measures of giving grouped by dimensions,
// filtered and sorted, compiled from fixed whitelists to bound SQL over the analytics views
// (migration 0011) that runs unchanged on SQLite and PostgreSQL. docs/reporting.md documents
// every name.
//
// Facts are the counted gifts of analytics_gifts (completed or partially refunded, not deleted,
// something left after refunds) at their net base-currency amount, by the hard-credit donor.
// With a fund dimension or a fund filter the facts are allocations instead (as in
// report-giving-trends): a gift split over two funds counts once in each, at the allocation's
// net base amount (analytics_allocations).
//
// Measures: amount (sum), gift_count, donor_count (distinct donors), average (amount ÷ gifts,
// rounded half away from zero), median (exact: the middle gift, or the mean of the two middle
// gifts rounded half away from zero), new_donors (donors whose first counted gift ever is in the
// group), retained_donors (donors in the group who also gave in the previous period: the
// previous month/quarter/year/fiscal year with a period dimension, otherwise the window of the
// same length just before `from`).
//
// Dimensions: period (at `grain` month|quarter|year|fiscal_year, labelled 2025-03, 2025-Q1,
// 2025, FY2026), fund, campaign, appeal, method, kind, organisation_type, region, tag (a donor
// with two tags counts under each) and segment (a donor in two segments counts under each; the
// segments in a `segment` filter, or else every saved segment, at most 50). Missing values are
// grouped as "(none)".
//
// Filters: fund, campaign, appeal, tag, segment (ids; ops = != in not_in), method, kind,
// organisation_type, region (text; same ops), amount (minor units; = != < <= > >=).
//
// Errors (kInvalid) name the field: "measures[1]" for an unknown measure, "filters[0].field"
// ... The message lists the known names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"
#include "store/database.hpp"

namespace steward::engine::analytics {

struct Filter {
  std::string field;
  std::string op;                  // = != in not_in < <= > >=
  std::vector<sdk::Value> values;  // one for = != < <= > >=; one or more for in/not_in
};

struct SortKey {
  std::string field;  // a measure or dimension in the query
  bool descending = false;
};

struct Query {
  std::vector<std::string> measures;
  std::vector<std::string> dimensions;
  std::string grain = "month";  // for the period dimension
  std::string from;             // YYYY-MM-DD; default: start of to's fiscal year
  std::string to;               // YYYY-MM-DD; default: today
  std::vector<Filter> filters;
  std::vector<SortKey> sort;                   // default: the dimensions, ascending
  std::int64_t limit = 1000;                   // 1..kMaxLimit
  std::optional<int> fiscal_year_start_month;  // default: the organisation setting
};

constexpr std::int64_t kMaxLimit = 10000;
// Groups the database may return before the query is refused as too broad.
constexpr std::int64_t kMaxGroups = 200000;

const std::vector<std::string>& measure_names();
const std::vector<std::string>& dimension_names();
const std::vector<std::string>& filter_names();
const std::vector<std::string>& grain_names();

// The checks that need no database: known names, ops, value types, dates, limit. Fills in
// nothing; errors name the field.
Status validate(const Query& query);

// What the database is asked: one WITH ... SELECT with `?` placeholders and its values in
// order. Rows: one per group, the dimension keys (d0, d1, ...), then amount, gift_count,
// donor_count, new_donors, retained_donors, median_sum, median_count.
struct Compiled {
  std::string sql;
  std::vector<sdk::Value> params;
};
struct Segment {
  std::int64_t id = 0;
  std::string name;
  std::string condition;  // on `constituents c`, with `?` placeholders
  std::vector<sdk::Value> params;
};
struct Context {
  std::string from;  // resolved
  std::string to;
  int fiscal_year_start_month = 1;
  bool sees_restricted = false;
  bool postgresql = false;        // the median then uses percentile_disc (decision 0221)
  std::vector<Segment> segments;  // for the segment dimension and filter, resolved by the caller
};
Compiled compile(const Query& query, const Context& context);

struct Answer {
  sdk::Table table;         // dimension columns, then measure columns in the order asked
  std::int64_t groups = 0;  // before the limit
  bool truncated = false;
  std::string message;  // set when truncated: says so and how to narrow the query
  std::string from;
  std::string to;
};

// Validates, resolves defaults and segments, compiles and runs the query on a read unit.
// Restricted donors are left out unless caller_sees_restricted.
steward::Result<Answer> run(store::Database& db, const Query& query, bool caller_sees_restricted);

}  // namespace steward::engine::analytics

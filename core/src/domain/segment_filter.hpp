// Segment filters: the JSON language an analyst writes to pick constituents, parsed and checked
// into a typed tree (the AST) before anything touches SQL. The grammar, with examples, is in
// docs/segments.md; engine/segment_sql compiles the tree to bound SQL.
//
// Parsing is pure (no I/O): the caller passes the organisation's base currency so that amounts
// ("100.00") become exact minor units. Errors are kInvalid naming the bad part with a path from
// the root of the filter, e.g. "and[1].gave.min: not a decimal amount". Abuse limits: the text
// is at most kMaxFilterBytes, nesting at most kMaxDepth combinators deep, at most kMaxNodes
// conditions and combinators in all.
//
// This lives in domain (not engine) because the segment repository validates a filter before it
// saves one, and store may not include engine (docs/decisions/0060-*.md).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "steward/sdk/result.hpp"

namespace steward::domain::segment {

inline constexpr std::size_t kMaxFilterBytes = 32 * 1024;
inline constexpr int kMaxDepth = 12;
inline constexpr int kMaxNodes = 200;

struct Filter;

// A record named by id (a JSON integer) or by code/name (a JSON string).
struct Ref {
  std::optional<long long> id;
  std::optional<std::string> code;
};

struct AllOf {
  std::vector<Filter> items;  // {"and":[...]}
};
struct AnyOf {
  std::vector<Filter> items;  // {"or":[...]}
};
struct Not {
  std::vector<Filter> item;  // {"not":{...}}: exactly one element
};
// Everyone (the empty filter {}).
struct Everyone {};

// {"gave":{...}}: at least one qualifying gift matching every given part.
struct Gave {
  std::optional<std::string> from;  // received on or after (YYYY-MM-DD)
  std::optional<std::string> to;    // received on or before
  std::optional<std::int64_t> min;  // net base-currency amount of the one gift, minor units
  std::optional<std::int64_t> max;
  std::optional<std::int64_t> total_min;  // sum of the matching gifts
  std::optional<std::int64_t> total_max;
  std::optional<Ref> fund;  // id or fund code; amounts are then the allocation to that fund
  std::optional<Ref> campaign;
  std::optional<Ref> appeal;
};
// {"last_gift":{"before":D}} / {"after":D} (either or both): the latest qualifying gift.
struct LastGift {
  std::optional<std::string> before;  // strictly before
  std::optional<std::string> after;   // strictly after
};
// {"first_gift":{"from":D,"to":D}}: the earliest qualifying gift falls in the range.
struct FirstGift {
  std::optional<std::string> from;
  std::optional<std::string> to;
};
// {"lifetime":{"min":A,"max":A}}: net lifetime hard-credit giving (0 for non-donors).
struct Lifetime {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
};
// {"recurring":{"status":[...]}}: has a recurring plan in one of the statuses (default active).
struct Recurring {
  std::vector<std::string> statuses;
};
// {"lybunt":{"year":FY}}: gave in fiscal year FY-1, not in FY. Year defaults to the current FY.
struct Lybunt {
  std::optional<int> year;
};
// {"sybunt":{"year":FY}}: gave before fiscal year FY-1, not in FY-1 nor FY.
struct Sybunt {
  std::optional<int> year;
};
struct Tag {
  Ref ref;  // tag id or exact tag name
};
struct Kind {
  std::string value;  // individual | household | organization
};
struct OrganizationType {
  std::string value;  // church | foundation | business | other
};
struct Region {
  std::string value;  // primary address region, compared case-insensitively
};
struct Country {
  std::string value;  // primary address ISO 3166 alpha-2, upper case
};
struct CanBeEmailed {
  bool value = true;
};
struct CanBeMailed {
  bool value = true;
};
struct Restricted {
  bool value = false;
};

using Node = std::variant<Everyone, AllOf, AnyOf, Not, Gave, LastGift, FirstGift, Lifetime,
                          Recurring, Lybunt, Sybunt, Tag, Kind, OrganizationType, Region, Country,
                          CanBeEmailed, CanBeMailed, Restricted>;

struct Filter {
  Node node;
};

struct ParseOptions {
  std::string base_currency = "USD";  // amounts are decimal text in this currency
};

// Parses filter text. Errors name the path of the bad part ("or[0].tag: ...").
Result<Filter> parse(std::string_view text, const ParseOptions& options);
// Parses an already-decoded JSON value.
Result<Filter> parse_json(const nlohmann::json& json, const ParseOptions& options);

// True when the filter names the restricted flag anywhere (then restricted constituents are not
// excluded by default).
bool mentions_restricted(const Filter& filter);

}  // namespace steward::domain::segment

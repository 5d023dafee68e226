// The analytics query compiler: names from fixed tables become SQL fragments written here; every
// value the caller gave becomes a `?` placeholder with its value in Compiled::params.
#include <algorithm>
#include <map>

#include "domain/date.hpp"
#include "engine/analytics_query.hpp"

namespace steward::engine::analytics {
namespace {

using sdk::Value;

const char* const kYear = "g.received_year";
const char* const kMonth = "g.received_month";

// A dimension's grouping expression (on the fact row g and the joins below).
struct DimensionSql {
  const char* name;
  const char* expression;
  const char* join;  // needed join (deduplicated by text), or ""
};

constexpr const char* kJoinFund = " LEFT JOIN analytics_funds fu ON fu.fund_id = g.fund_id";
constexpr const char* kJoinCampaign =
    " LEFT JOIN analytics_campaigns ca ON ca.campaign_id = g.campaign_id";
constexpr const char* kJoinAppeal = " LEFT JOIN analytics_appeals ap ON ap.appeal_id = g.appeal_id";
constexpr const char* kJoinConstituent =
    " LEFT JOIN analytics_constituents c ON c.constituent_id = g.constituent_id";
constexpr const char* kJoinTag =
    " LEFT JOIN (SELECT ct.constituent_id AS member_id, t.name AS tag_name"
    " FROM constituent_tags ct JOIN tags t ON t.id = ct.tag_id) tg"
    " ON tg.member_id = g.constituent_id";

constexpr DimensionSql kDimensions[] = {
    {"fund", "COALESCE(fu.name, '(none)')", kJoinFund},
    {"campaign", "COALESCE(ca.name, '(none)')", kJoinCampaign},
    {"appeal", "COALESCE(ap.name, '(none)')", kJoinAppeal},
    {"method", "COALESCE(g.payment_method, '(none)')", ""},
    {"kind", "COALESCE(g.constituent_kind, '(none)')", ""},
    {"organisation_type", "COALESCE(c.organization_type, '(none)')", kJoinConstituent},
    {"region", "COALESCE(c.region, '(none)')", kJoinConstituent},
    {"tag", "COALESCE(tg.tag_name, '(none)')", kJoinTag},
};

// What a filter compares on the fact row.
struct FilterSql {
  const char* name;
  const char* column;
  bool text;
};
constexpr FilterSql kFilters[] = {
    {"fund", "g.fund_id", false},
    {"campaign", "g.campaign_id", false},
    {"appeal", "g.appeal_id", false},
    {"method", "g.payment_method", true},
    {"kind", "g.constituent_kind", true},
    {"organisation_type",
     "(SELECT x.organization_type FROM analytics_constituents x"
     " WHERE x.constituent_id = g.constituent_id)",
     true},
    {"region",
     "(SELECT x.region FROM analytics_constituents x"
     " WHERE x.constituent_id = g.constituent_id)",
     true},
    {"amount", "g.base_net_minor", false},
};

// The period bucket: an integer, consecutive buckets differ by one. Dates are compared and
// bucketed on the views' native received_date, received_year and received_month (migration
// 0026, decision 0221), never on the text received_on. Fiscal years are named by the year they
// end in (start month 7: 2025-07-01 is in FY2026).
std::string bucket_sql(const std::string& grain, const std::string& alias,
                       std::vector<Value>& params, int start_month) {
  std::string y = kYear;
  std::string m = kMonth;
  if (alias != "g") {
    y.replace(y.find("g."), 2, alias + ".");
    m.replace(m.find("g."), 2, alias + ".");
  }
  if (grain == "month") return "(" + y + " * 12 + " + m + ")";
  if (grain == "quarter") return "(" + y + " * 4 + (" + m + " + 2) / 3)";
  if (grain == "year") return y;
  params.emplace_back(std::int64_t{start_month});
  params.emplace_back(std::int64_t{start_month});
  return "(" + y + " + CASE WHEN ? > 1 AND " + m + " >= ? THEN 1 ELSE 0 END)";
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

std::string segment_condition(const std::vector<Segment>& segments,
                              const std::vector<std::int64_t>& ids, std::vector<Value>& params) {
  std::string out;
  for (const Segment& s : segments) {
    if (std::find(ids.begin(), ids.end(), s.id) == ids.end()) continue;
    out += out.empty() ? "(" : " OR ";
    out += "g.constituent_id IN (SELECT c.id FROM constituents c WHERE " + s.condition + ")";
    params.insert(params.end(), s.params.begin(), s.params.end());
  }
  return out.empty() ? "(1 = 0)" : out + ")";
}

std::string filter_sql(const Filter& f, const Context& context, std::vector<Value>& params) {
  const bool negate = f.op == "!=" || f.op == "not_in";
  if (f.field == "tag") {
    params.insert(params.end(), f.values.begin(), f.values.end());
    return std::string(negate ? "NOT " : "") +
           "EXISTS (SELECT 1 FROM constituent_tags ft WHERE ft.constituent_id = g.constituent_id"
           " AND ft.tag_id IN (" +
           placeholders(f.values.size()) + "))";
  }
  if (f.field == "segment") {
    std::vector<std::int64_t> ids;
    for (const Value& v : f.values) ids.push_back(std::get<std::int64_t>(v));
    return std::string(negate ? "NOT " : "") + segment_condition(context.segments, ids, params);
  }
  const FilterSql* spec = nullptr;
  for (const auto& s : kFilters)
    if (f.field == s.name) spec = &s;
  const std::string column = spec->column;
  params.insert(params.end(), f.values.begin(), f.values.end());
  if (f.op == "in" || f.op == "not_in") {
    // NOT IN leaves out rows without a value too (SQL NULL semantics); say so in the docs.
    return "(" + column + (negate ? " NOT IN (" : " IN (") + placeholders(f.values.size()) + "))";
  }
  return "(" + column + " " + f.op + " ?)";
}

// With a fund dimension or filter, facts are allocations (as in report-giving-trends): a gift
// split over two funds counts in each, with each allocation's net base amount.
const char* const kAllocationFacts =
    "(SELECT a.gift_id, a.constituent_id, a.restricted, a.received_date, a.received_year,"
    " a.received_month, a.fund_id,"
    " a.base_net_minor, a.payment_method, a.campaign_id, a.appeal_id, x.constituent_kind"
    " FROM analytics_allocations a JOIN analytics_gifts x ON x.gift_id = a.gift_id) g";

bool by_allocation(const Query& q) {
  if (std::find(q.dimensions.begin(), q.dimensions.end(), "fund") != q.dimensions.end())
    return true;
  return std::any_of(q.filters.begin(), q.filters.end(),
                     [](const Filter& f) { return f.field == "fund"; });
}

}  // namespace

Compiled compile(const Query& query, const Context& context) {
  Compiled out;
  auto& p = out.params;
  const bool by_period = std::find(query.dimensions.begin(), query.dimensions.end(), "period") !=
                         query.dimensions.end();

  // Facts: every counted gift in the window with its dimension keys, bucket and first gift day.
  std::vector<std::string> keys;
  std::vector<std::string> joins;
  std::string select_keys;
  std::vector<Value> key_params;
  for (std::size_t i = 0; i < query.dimensions.size(); ++i) {
    const std::string& d = query.dimensions[i];
    std::string expr;
    if (d == "period") {
      expr = bucket_sql(query.grain, "g", key_params, context.fiscal_year_start_month);
    } else if (d == "segment") {
      expr = "sg.segment_id";
      std::string members;
      for (const Segment& s : context.segments) {
        members += members.empty() ? "" : " UNION ALL ";
        members +=
            "SELECT CAST(? AS INTEGER) AS segment_id, c.id AS member_id"
            " FROM constituents c WHERE " +
            s.condition;
      }
      if (members.empty()) members = "SELECT 0 AS segment_id, 0 AS member_id WHERE 1 = 0";
      joins.push_back(" JOIN (" + members + ") sg ON sg.member_id = g.constituent_id");
    } else {
      for (const auto& s : kDimensions) {
        if (d != s.name) continue;
        expr = s.expression;
        if (*s.join && std::find(joins.begin(), joins.end(), s.join) == joins.end())
          joins.emplace_back(s.join);
      }
    }
    select_keys += expr + " AS d" + std::to_string(i) + ", ";
    keys.push_back("d" + std::to_string(i));
  }
  std::vector<Value> join_params;
  if (std::find(query.dimensions.begin(), query.dimensions.end(), "segment") !=
      query.dimensions.end()) {
    for (const Segment& s : context.segments) {
      join_params.emplace_back(s.id);
      join_params.insert(join_params.end(), s.params.begin(), s.params.end());
    }
  }

  std::vector<Value> bucket_params;
  const std::string bucket =
      by_period ? bucket_sql(query.grain, "g", bucket_params, context.fiscal_year_start_month)
                : std::string("0");

  // Previous-period donors for retained_donors: (donor, bucket + 1) pairs.
  std::string prev_from = context.from;
  std::string prev_to = context.to;
  auto from_day = domain::Date::parse(context.from, "from");
  auto to_day = domain::Date::parse(context.to, "to");
  if (from_day && to_day) {
    if (by_period) {
      prev_from = from_day->add_days(-800).to_string();  // over two years: any grain's previous
    } else {
      const int span = from_day->days_until(*to_day) + 1;
      prev_from = from_day->add_days(-span).to_string();
      prev_to = from_day->add_days(-1).to_string();
    }
  }
  std::vector<Value> prev_params;
  const std::string prev_bucket =
      by_period
          ? bucket_sql(query.grain, "g", prev_params, context.fiscal_year_start_month) + " + 1"
          : std::string("0");

  std::string& sql = out.sql;
  sql =
      "WITH firsts AS (SELECT constituent_id AS donor, MIN(received_date) AS first_on"
      " FROM analytics_gifts GROUP BY constituent_id),"
      " prev AS (SELECT DISTINCT g.constituent_id AS donor, " +
      prev_bucket +
      " AS bucket FROM analytics_gifts g WHERE g.received_date >= ? AND g.received_date <= ?),"
      " f AS (SELECT " +
      select_keys + bucket +
      " AS bucket, g.gift_id, g.constituent_id AS donor, g.base_net_minor AS amount,"
      " g.received_date FROM " +
      std::string(by_allocation(query) ? kAllocationFacts : "analytics_gifts g");
  p.insert(p.end(), prev_params.begin(), prev_params.end());
  p.emplace_back(prev_from);
  p.emplace_back(prev_to);
  p.insert(p.end(), key_params.begin(), key_params.end());
  p.insert(p.end(), bucket_params.begin(), bucket_params.end());
  for (const std::string& j : joins) sql += j;
  p.insert(p.end(), join_params.begin(), join_params.end());
  sql += " WHERE g.received_date >= ? AND g.received_date <= ? AND (? = 1 OR g.restricted = 0)";
  p.emplace_back(context.from);
  p.emplace_back(context.to);
  p.emplace_back(std::int64_t{context.sees_restricted ? 1 : 0});
  for (const Filter& f : query.filters) sql += " AND " + filter_sql(f, context, p);
  sql += "),";

  std::string key_list;
  for (const auto& k : keys) key_list += k + ", ";
  std::string group_by = keys.empty() ? "" : " GROUP BY ";
  for (std::size_t i = 0; i < keys.size(); ++i) group_by += (i ? ", " : "") + keys[i];
  std::string partition = keys.empty() ? "" : "PARTITION BY ";
  for (std::size_t i = 0; i < keys.size(); ++i) partition += (i ? ", " : "") + keys[i];

  // The exact median: the one or two middle amounts of each group, added up with their count
  // (C++ divides). PostgreSQL's percentile_disc in both directions gives them without a window
  // over every fact (as report-giving-trends does, decision 0221); SQLite has no ordered-set
  // aggregates, so ROW_NUMBER and COUNT windows pick them.
  if (context.postgresql) {
    sql += " mid AS (SELECT " + key_list +
           "percentile_disc(0.5) WITHIN GROUP (ORDER BY amount)"
           " + percentile_disc(0.5) WITHIN GROUP (ORDER BY amount DESC) AS median_sum,"
           " CASE WHEN COUNT(*) > 0 THEN 2 ELSE 0 END AS median_count FROM f" +
           group_by + "),";
  } else {
    sql += " ranked AS (SELECT " + key_list + "amount, ROW_NUMBER() OVER (" + partition +
           " ORDER BY amount, gift_id) AS rn, COUNT(*) OVER (" + (keys.empty() ? "" : partition) +
           ") AS n FROM f),"
           " mid AS (SELECT " +
           key_list +
           "SUM(amount) AS median_sum, COUNT(*) AS median_count FROM ranked"
           " WHERE rn = (n + 1) / 2 OR rn = (n + 2) / 2" +
           group_by + "),";
  }
  sql += " agg AS (SELECT " + key_list +
         "SUM(f.amount) AS amount, COUNT(*) AS gift_count, COUNT(DISTINCT f.donor) AS donor_count,"
         " COUNT(DISTINCT CASE WHEN f.received_date = fi.first_on THEN f.donor END) AS new_donors,"
         " COUNT(DISTINCT CASE WHEN pv.donor IS NOT NULL THEN f.donor END) AS retained_donors"
         " FROM f JOIN firsts fi ON fi.donor = f.donor"
         " LEFT JOIN prev pv ON pv.donor = f.donor AND pv.bucket = f.bucket" +
         group_by + ")";
  sql += " SELECT ";
  for (const auto& k : keys) sql += "agg." + k + ", ";
  sql +=
      "agg.amount, agg.gift_count, agg.donor_count, agg.new_donors, agg.retained_donors,"
      " mid.median_sum, mid.median_count FROM agg";
  if (keys.empty()) {
    sql += " CROSS JOIN mid";
  } else {
    sql += " JOIN mid ON ";
    for (std::size_t i = 0; i < keys.size(); ++i)
      sql += (i ? " AND " : "") + ("mid." + keys[i] + " = agg." + keys[i]);
  }
  sql += " LIMIT ?";
  p.emplace_back(std::int64_t{kMaxGroups + 1});
  return out;
}

}  // namespace steward::engine::analytics

// Running an analytics query: defaults from the settings, the saved segments it needs, the
// compiled SQL on a read unit, then labels, averages, medians, sorting and the row limit.
#include <algorithm>
#include <cstdio>
#include <regex>

#include "domain/date.hpp"
#include "engine/analytics_query.hpp"
#include "engine/report_native_query.hpp"
#include "engine/segment_service.hpp"
#include "engine/segment_sql.hpp"
#include "store/segment_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::analytics {
namespace {

using sdk::Value;
using sdk::ValueType;

constexpr std::size_t kMaxSegments = 50;

std::int64_t as_int(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

std::int64_t analytics_divide_rounded(std::int64_t a, std::int64_t b) {
  if (b <= 0) return 0;
  return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

std::string period_label(const std::string& grain, std::int64_t bucket) {
  char buf[32];
  if (grain == "month") {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>((bucket - 1) / 12),
                  static_cast<long long>((bucket - 1) % 12 + 1));
  } else if (grain == "quarter") {
    std::snprintf(buf, sizeof buf, "%04lld-Q%lld", static_cast<long long>((bucket - 1) / 4),
                  static_cast<long long>((bucket - 1) % 4 + 1));
  } else if (grain == "year") {
    std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(bucket));
  } else {
    std::snprintf(buf, sizeof buf, "FY%04lld", static_cast<long long>(bucket));
  }
  return buf;
}

// The saved segments the query needs, compiled to conditions with `?` placeholders.
Result<std::vector<Segment>> load_segments(store::Unit& unit, const Query& q,
                                           const segment_sql::Context& context) {
  std::vector<std::int64_t> wanted;
  bool needed =
      std::find(q.dimensions.begin(), q.dimensions.end(), "segment") != q.dimensions.end();
  for (const Filter& f : q.filters) {
    if (f.field != "segment") continue;
    needed = true;
    for (const Value& v : f.values) wanted.push_back(std::get<std::int64_t>(v));
  }
  std::vector<Segment> out;
  if (!needed) return out;
  std::vector<domain::Segment> all;
  store::PageRequest page{0, store::kMaxPageSize};
  for (;;) {
    auto got = store::segments::list(unit, page);
    if (!got) return got.status();
    all.insert(all.end(), got->items.begin(), got->items.end());
    if (!got->next_after_id) break;
    page.after_id = *got->next_after_id;
  }
  for (std::size_t i = 0; i < q.filters.size(); ++i) {
    const Filter& f = q.filters[i];
    if (f.field != "segment") continue;
    for (std::size_t j = 0; j < f.values.size(); ++j) {
      const std::int64_t id = std::get<std::int64_t>(f.values[j]);
      if (std::none_of(all.begin(), all.end(), [&](const auto& s) { return s.id == id; }))
        return Status::invalid_field("filters[" + std::to_string(i) + "]." +
                                         (f.values.size() > 1 || f.op == "in" || f.op == "not_in"
                                              ? "values[" + std::to_string(j) + "]"
                                              : std::string("value")),
                                     "no segment " + std::to_string(id));
    }
  }
  static const std::regex kPlaceholder(":p[0-9]+");
  for (const domain::Segment& s : all) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), s.id) == wanted.end()) continue;
    if (out.size() == kMaxSegments)
      return Status::invalid_field("dimensions", "more than " + std::to_string(kMaxSegments) +
                                                     " segments; filter on the ones wanted");
    auto filter = segments::parse_filter(unit, s.filter);
    if (!filter) return filter.status();
    const segment_sql::Compiled c = segment_sql::compile(*filter, context);
    Segment seg;
    seg.id = s.id;
    seg.name = s.name;
    seg.condition = std::regex_replace(c.sql, kPlaceholder, "?");
    for (const auto& p : c.params) {
      if (auto* i = std::get_if<long long>(&p))
        seg.params.emplace_back(static_cast<std::int64_t>(*i));
      else
        seg.params.emplace_back(std::get<std::string>(p));
    }
    out.push_back(std::move(seg));
  }
  return out;
}

struct Row {
  std::vector<Value> keys;  // raw: period buckets and segment ids as integers
  std::map<std::string, std::int64_t> measures;
};

int compare(const Value& a, const Value& b) {
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;
  if (auto* x = std::get_if<std::int64_t>(&a)) {
    const auto y = std::get<std::int64_t>(b);
    return *x < y ? -1 : (*x > y ? 1 : 0);
  }
  if (auto* x = std::get_if<std::string>(&a)) return x->compare(std::get<std::string>(b));
  return 0;
}

}  // namespace

steward::Result<Answer> run(store::Database& db, const Query& query, bool sees_restricted) {
  if (Status s = validate(query); !s) return s;
  return db.read([&](store::Unit& unit) -> steward::Result<Answer> {
    auto settings = store::settings::get(unit);
    if (!settings) return settings.status();
    Context context;
    context.sees_restricted = sees_restricted;
    context.postgresql = unit.is_postgresql();
    context.fiscal_year_start_month =
        query.fiscal_year_start_month.value_or(static_cast<int>(settings->fiscal_year_start_month));
    const domain::Date to =
        query.to.empty() ? domain::Date::today() : *domain::Date::parse(query.to, "to");
    context.to = to.to_string();
    if (query.from.empty()) {  // the start of to's fiscal year
      const int start = context.fiscal_year_start_month;
      const int year = static_cast<int>(to.month()) >= start ? to.year() : to.year() - 1;
      context.from = domain::Date(year, static_cast<unsigned>(start), 1).to_string();
    } else {
      context.from = query.from;
    }
    if (context.to < context.from) return Status::invalid_field("from", "must not be after to");
    segment_sql::Context seg_context;
    seg_context.fiscal_year_start_month = static_cast<unsigned>(context.fiscal_year_start_month);
    auto segs = load_segments(unit, query, seg_context);
    if (!segs) return segs.status();
    context.segments = std::move(*segs);

    const Compiled compiled = compile(query, context);
    auto capability = unit.is_postgresql() ? detail::make_postgresql_query(unit.sql())
                                           : detail::make_sqlite_query(unit.sql());
    auto rows = capability->query(compiled.sql, compiled.params);
    if (!rows) return rows.status();
    if (static_cast<std::int64_t>(rows->rows.size()) > kMaxGroups)
      return Status::invalid_field("dimensions", "the query has more than " +
                                                     std::to_string(kMaxGroups) +
                                                     " groups; add filters or drop a dimension");

    const std::size_t nd = query.dimensions.size();
    std::vector<Row> out;
    for (const auto& r : rows->rows) {
      Row row;
      for (std::size_t i = 0; i < nd; ++i) {
        const std::string& d = query.dimensions[i];
        if (d == "period" || d == "segment")
          row.keys.emplace_back(as_int(r.at(i)));
        else
          row.keys.push_back(std::holds_alternative<std::string>(r.at(i)) ? r.at(i)
                                                                          : Value{std::string()});
      }
      const std::int64_t amount = as_int(r.at(nd));
      const std::int64_t gifts = as_int(r.at(nd + 1));
      row.measures = {
          {"amount", amount},
          {"gift_count", gifts},
          {"donor_count", as_int(r.at(nd + 2))},
          {"new_donors", as_int(r.at(nd + 3))},
          {"retained_donors", as_int(r.at(nd + 4))},
          {"average", analytics_divide_rounded(amount, gifts)},
          {"median", analytics_divide_rounded(as_int(r.at(nd + 5)), as_int(r.at(nd + 6)))}};
      out.push_back(std::move(row));
    }
    auto key_of = [&](const Row& row, const std::string& field) -> Value {
      for (std::size_t i = 0; i < nd; ++i)
        if (query.dimensions[i] == field) return row.keys[i];
      return row.measures.at(field);
    };
    std::stable_sort(out.begin(), out.end(), [&](const Row& a, const Row& b) {
      for (const SortKey& k : query.sort) {
        const int c = compare(key_of(a, k.field), key_of(b, k.field));
        if (c != 0) return k.descending ? c > 0 : c < 0;
      }
      for (std::size_t i = 0; i < nd; ++i) {
        const int c = compare(a.keys[i], b.keys[i]);
        if (c != 0) return c < 0;
      }
      return false;
    });

    Answer answer;
    answer.from = context.from;
    answer.to = context.to;
    answer.groups = static_cast<std::int64_t>(out.size());
    if (answer.groups > query.limit) {
      answer.truncated = true;
      answer.message = "row limit reached: showing " + std::to_string(query.limit) + " of " +
                       std::to_string(answer.groups) +
                       " rows; add filters, drop a dimension or raise limit (at most " +
                       std::to_string(kMaxLimit) + ")";
      out.resize(static_cast<std::size_t>(query.limit));
    }
    sdk::Table& t = answer.table;
    for (const std::string& d : query.dimensions)
      t.columns.push_back(
          {d, d == "period" ? "period (" + query.grain + ")" : d, ValueType::kText});
    for (const std::string& m : query.measures) {
      const bool money = m == "amount" || m == "average" || m == "median";
      t.columns.push_back({m, m, money ? ValueType::kMoney : ValueType::kInteger});
    }
    for (const Row& row : out) {
      std::vector<Value> cells;
      for (std::size_t i = 0; i < nd; ++i) {
        const std::string& d = query.dimensions[i];
        if (d == "period") {
          cells.emplace_back(period_label(query.grain, std::get<std::int64_t>(row.keys[i])));
        } else if (d == "segment") {
          std::string name;
          for (const Segment& s : context.segments)
            if (s.id == std::get<std::int64_t>(row.keys[i])) name = s.name;
          cells.emplace_back(name);
        } else {
          cells.push_back(row.keys[i]);
        }
      }
      for (const std::string& m : query.measures) {
        const std::int64_t v = row.measures.at(m);
        if (m == "amount" || m == "average" || m == "median")
          cells.emplace_back(sdk::Money{v, settings->base_currency});
        else
          cells.emplace_back(v);
      }
      t.rows.push_back(std::move(cells));
    }
    if (!query.dimensions.empty() && !query.measures.empty())
      t.chart = sdk::ChartHint{
          query.dimensions[0] == "period" ? sdk::ChartKind::kLine : sdk::ChartKind::kBar,
          query.dimensions[0],
          {query.measures[0]}};
    return answer;
  });
}

}  // namespace steward::engine::analytics

#include "engine/segment_service.hpp"

#include "engine/segment_sql.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::segments {
namespace {

Result<segment_sql::Context> context_for(store::Unit& unit, const Options& options) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  segment_sql::Context context;
  context.fiscal_year_start_month = settings->fiscal_year_start_month;
  if (options.today) context.today = *options.today;
  return context;
}

}  // namespace

Result<domain::segment::Filter> parse_filter(store::Unit& unit, const std::string& filter_json) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  domain::segment::ParseOptions options;
  options.base_currency = settings->base_currency;
  return domain::segment::parse(filter_json, options);
}

Result<long long> count(store::Unit& unit, const std::string& filter_json, const Options& options) {
  auto filter = parse_filter(unit, filter_json);
  if (!filter) return filter.status();
  return count(unit, *filter, options);
}

Result<long long> count(store::Unit& unit, const domain::segment::Filter& filter,
                        const Options& options) {
  auto context = context_for(unit, options);
  if (!context) return context.status();
  segment_sql::Compiled q = segment_sql::compile(filter, *context);
  const std::string sql = "SELECT COUNT(*) FROM constituents c WHERE " + q.sql;
  long long n = 0;
  soci::statement st(unit.sql());
  st.exchange(soci::into(n));
  segment_sql::bind(st, q.params);  // q.params outlives st
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return n;
}

Result<store::Page<Member>> members(store::Unit& unit, const std::string& filter_json,
                                    const store::PageRequest& page, const Options& options) {
  auto filter = parse_filter(unit, filter_json);
  if (!filter) return filter.status();
  return members(unit, *filter, page, options);
}

Result<store::Page<Member>> members(store::Unit& unit, const domain::segment::Filter& filter,
                                    const store::PageRequest& page, const Options& options) {
  auto context = context_for(unit, options);
  if (!context) return context.status();
  const int limit = store::clamp_limit(page.limit);
  segment_sql::Compiled q = segment_sql::compile(filter, *context);
  std::string sql = "SELECT c.id, c.display_name FROM constituents c WHERE " + q.sql +
                    " AND c.id > :after ORDER BY c.id LIMIT :fetch";
  q.params.emplace_back(page.after_id);
  q.params.emplace_back(static_cast<long long>(limit) + 1);
  long long id = 0;
  std::string name;
  soci::statement st(unit.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(name));
  segment_sql::bind(st, q.params);  // q.params is not touched again while st lives
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  store::Page<Member> out;
  while (st.fetch()) out.items.push_back(Member{id, name});
  if (static_cast<int>(out.items.size()) > limit) {
    out.items.pop_back();
    out.next_after_id = out.items.back().id;
  }
  return out;
}

}  // namespace steward::engine::segments

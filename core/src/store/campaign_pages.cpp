#include "store/campaign_pages.hpp"

#include <vector>

#include "store/campaign_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::store::campaigns {
namespace {

// Reads limit + 1 ids from `rows`; the extra one only says that more follow.
std::vector<long long> page_ids(soci::rowset<soci::row>& rows, int limit,
                                std::optional<long long>& next) {
  std::vector<long long> ids;
  for (const soci::row& row : rows) {
    RowReader r(row);
    ids.push_back(r.integer());
  }
  if (static_cast<int>(ids.size()) > limit) {
    ids.resize(static_cast<std::size_t>(limit));
    next = ids.back();
  }
  return ids;
}

}  // namespace

Result<Page<domain::Campaign>> list_page(Unit& unit, std::optional<bool> active,
                                         const PageRequest& page) {
  const int has_a = active ? 1 : 0;
  const int a = active.value_or(true) ? 1 : 0;
  const int limit = clamp_limit(page.limit);
  const int fetch = limit + 1;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id FROM campaigns WHERE id > :after AND "
                             "(:has_a = 0 OR active = (:a = 1)) ORDER BY id LIMIT :n",
       soci::use(page.after_id), soci::use(has_a), soci::use(a), soci::use(fetch));
  Page<domain::Campaign> out;
  for (long long id : page_ids(rows, limit, out.next_after_id)) {
    auto c = get(unit, id);
    if (!c) return c.status();
    out.items.push_back(c.value());
  }
  return out;
}

Result<Page<domain::Appeal>> appeals_page(Unit& unit, long long campaign_id,
                                          const PageRequest& page) {
  if (auto c = get(unit, campaign_id); !c) return c.status();
  const int limit = clamp_limit(page.limit);
  const int fetch = limit + 1;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id FROM appeals WHERE campaign_id = :c AND id > :after "
                             "ORDER BY id LIMIT :n",
       soci::use(campaign_id), soci::use(page.after_id), soci::use(fetch));
  Page<domain::Appeal> out;
  for (long long id : page_ids(rows, limit, out.next_after_id)) {
    auto a = get_appeal(unit, id);
    if (!a) return a.status();
    out.items.push_back(a.value());
  }
  return out;
}

}  // namespace steward::store::campaigns

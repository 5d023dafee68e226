#include "store/batch_list.hpp"

#include "store/batch_rows.hpp"

namespace steward::store::batches {

Result<Page<domain::GiftBatch>> list(Unit& unit, const ListFilter& filter) {
  const std::string status = filter.status.value_or("");
  if (filter.status && status != "open" && status != "closed")
    return Status::invalid_field("status", "must be open or closed");
  const long long after_id = filter.page.after_id;
  if (after_id > 0) {
    long long found = 0;
    unit.sql() << "SELECT COUNT(*) FROM gift_batches WHERE id = :id", soci::use(after_id),
        soci::into(found);
    if (found == 0) return Status::invalid_field("after", "the cursor no longer points at a batch");
  }
  const int limit = clamp_limit(filter.page.limit);
  const int fetch = limit + 1;
  const int has_status = filter.status ? 1 : 0;
  const int has_cursor = after_id > 0 ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << std::string(kBatchSelect) +
                  " "
                  "WHERE (:has_status = 0 OR b.status = :status) AND (:has_cursor = 0 OR b.id < "
                  ":after) "
                  "ORDER BY b.id DESC LIMIT :fetch",
       soci::use(has_status), soci::use(status), soci::use(has_cursor), soci::use(after_id),
       soci::use(fetch));
  Page<domain::GiftBatch> page;
  for (const soci::row& row : rows) {
    page.items.push_back(batch_from_row(row));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::batches

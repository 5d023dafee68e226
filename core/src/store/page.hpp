// Cursor pagination for every list: ordered by a stable key ending in the row id, a page asks
// for rows after the last id it saw. Cursors survive inserts and deletes between pages (no
// skipped or repeated rows), unlike OFFSET.
#pragma once

#include <optional>
#include <vector>

namespace steward::store {

struct PageRequest {
  long long after_id = 0;  // 0 = from the start
  int limit = 50;          // clamped to 1..kMaxPageSize by repositories
};

inline constexpr int kMaxPageSize = 500;

inline int clamp_limit(int limit) {
  return limit < 1 ? 1 : (limit > kMaxPageSize ? kMaxPageSize : limit);
}

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<long long> next_after_id;  // set when more rows follow
};

}  // namespace steward::store

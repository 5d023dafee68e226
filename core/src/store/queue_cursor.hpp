// Where a page of a mail queue ends: queues are read oldest first, ordered by (received_on, id),
// so the next page is every row after (day, id). A run walks a queue of any length in pages of a
// fixed size this way, even when rows it has seen stay in the queue (a rejected email, a letter
// left for the letters step).
#pragma once

#include <string>

namespace steward::store {

struct QueueCursor {
  std::string day = "1900-01-01";  // received_on of the last row seen (YYYY-MM-DD)
  long long id = 0;                // its gift id
};

// The SQL condition "after the cursor" for gifts aliased g, with three placeholders bound in
// this order: day, day, id.
inline constexpr const char* kAfterCursor =
    "(g.received_on > :after_day OR (g.received_on = :after_day2 AND g.id > :after_id))";

}  // namespace steward::store

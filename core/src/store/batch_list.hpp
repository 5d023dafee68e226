// Listing gift batches: newest first, in cursor pages, optionally only open or closed ones,
// each with its actual gift count and total (the Batches page: control vs actual).
#pragma once

#include <optional>
#include <string>

#include "domain/gift_batch.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::batches {

struct ListFilter {
  std::optional<std::string> status;  // "open" or "closed"; none = both
  PageRequest page;
};

// Errors: kInvalid naming "status" (not open/closed) or "after" (no such batch).
Result<Page<domain::GiftBatch>> list(Unit& unit, const ListFilter& filter);

}  // namespace steward::store::batches

// The columns of a gift batch with its actual count and total, and reading them back: shared by
// batch_repository (one batch) and batch_list (pages of batches).
#pragma once

#include <soci/soci.h>

#include "domain/gift_batch.hpp"

namespace steward::store::batches {

// "SELECT <columns> FROM gift_batches b" (the alias b; append WHERE / ORDER BY).
extern const char* const kBatchSelect;

domain::GiftBatch batch_from_row(const soci::row& row);

}  // namespace steward::store::batches

// Gift batches: a deposit entered as a group, reconciled against its expected count and total
// before closing. A closed batch is read-only: creating, editing, deleting or refunding its
// gifts is refused with kPreconditionFailed.
#pragma once

#include "domain/gift_batch.hpp"
#include "store/database.hpp"

namespace steward::store::batches {

// Errors: kInvalid (names the field).
Result<domain::GiftBatch> create(Unit& unit, const domain::GiftBatchInput& input);
// With the actual count and total of its (not deleted) gifts. Errors: kNotFound.
Result<domain::GiftBatch> get(Unit& unit, long long id);
// Closes the batch when its actual count and total equal the expected ones; otherwise
// kPreconditionFailed saying expected vs actual. Closing a closed batch is kPreconditionFailed.
Result<domain::GiftBatch> close(Unit& unit, long long id);
// Ok when the batch exists and is open; kNotFound / kPreconditionFailed otherwise.
Status require_open(Unit& unit, long long id);

}  // namespace steward::store::batches

// Applying one staged import row at commit time (docs/imports.md, "Commit"): the row is planned
// again against the database as it is now (so a line applied by another import meanwhile is a
// duplicate), a person's review decision is honoured, and then, inside a savepoint:
//   new_gift  -> donor (created when planned so, with email, address and payer id), recurring
//                plan by (source, reference) (created on first sight, with the file's interval or
//                monthly), the gift through engine::record_gift, and the payment identity;
//   refund    -> store::gifts::refund on the original gift, and the refund's identity.
// A problem with the row (the gift is refused, the refund exceeds what is left) rolls back the
// savepoint and marks the row "error" with the reason; the chunk goes on. Only a database failure
// is returned as an error (the caller rolls back the chunk).
#pragma once

#include "engine/import_matcher.hpp"
#include "store/database.hpp"
#include "store/import_repository.hpp"

namespace steward::engine::imports {

struct ApplyTotals {
  long long gifts = 0;
  long long refunds = 0;
  long long duplicates = 0;
  long long review = 0;
  long long errors = 0;
  long long skipped = 0;
  long long donors_created = 0;
  long long committed = 0;  // rows whose effect is now in the database
};

// Updates `row` (outcome, donor, gift, message, committed) and writes it back.
Status apply_row(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                 ApplyTotals& totals);

// apply_row's two halves, for the bulk commit (engine/import_bulk.hpp): the row's identity, the
// plan with a person's review decision applied, and the writes for a row already planned (the
// caller has parsed the record, planned it and forgotten its prefetched keys).
Identity row_identity(const store::imports::ImportRow& row);
RowPlan decided_plan(const store::imports::ImportRow& row, RowPlan plan);
Status apply_plan(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                  const sdk::PaymentRecord& record, const Identity& identity, const RowPlan& plan,
                  ApplyTotals& totals);

}  // namespace steward::engine::imports

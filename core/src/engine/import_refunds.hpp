// Refunds and disputes of imported gifts counted once (decision 0154, docs/formats/stripe.md).
//
// A processor may state the same returned money more than once: Stripe's payments export gives
// each charge's cumulative "Amount Refunded" (the importer emits it as a refund line whose id is
// "<charge>:refund"), and its refunds export gives each refund ("re_...") for the same money;
// the payments export's lost "Disputed Amount" ("<charge>:dispute") and the disputes export
// ("dp_...") likewise. Every such figure is kept (store/import_refund_lines) and a gift's
// imported refunds are
//   max(largest refund total, sum of single refunds) + max(largest dispute total, sum of disputes)
// capped by the gift's amount. Applying a refund line raises the gift's refunded amount to that
// figure, never lowers it, and never refunds more: importing payments then refunds, refunds then
// payments, or either twice leaves the gift refunded exactly by what the processor says.
#pragma once

#include <string>
#include <vector>

#include "engine/import_record.hpp"
#include "steward/sdk/importer.hpp"
#include "store/database.hpp"
#include "store/import_refund_lines.hpp"

namespace steward::engine::imports {

// refund_total, refund, dispute_total or dispute.
std::string refund_part(const sdk::PaymentRecord& record);

// What the lines add up to for one gift (before the cap by the gift's amount).
long long reconciled_refunds(const std::vector<store::import_refunds::RefundLine>& lines);

// Planning: a refund line already recorded with at least this amount is a duplicate; one
// recorded with less (a later export with more refunded) is not.
Result<bool> refund_line_grows(store::Unit& unit, const Identity& identity,
                               const sdk::PaymentRecord& record);

struct RefundApplied {
  long long gift_id = 0;
  long long constituent_id = 0;
  long long applied_minor = 0;  // 0: the gift already showed this money as refunded
  long long refunded_minor = 0;
  std::string status;  // the gift's status afterwards
};

// Records the line and refunds the original gift by whatever the reconciled figure adds.
// Errors: kNotFound when the original payment is not recorded; the gift's refund errors.
Result<RefundApplied> apply_refund_line(store::Unit& unit, const std::string& processor,
                                        const Identity& identity, const sdk::PaymentRecord& record,
                                        long long import_id);

}  // namespace steward::engine::imports

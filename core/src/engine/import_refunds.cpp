#include "engine/import_refunds.hpp"

#include <algorithm>

#include "store/gift_repository.hpp"
#include "store/import_identities.hpp"
#include "store/plan_gift_queries.hpp"

namespace steward::engine::imports {

std::string refund_part(const sdk::PaymentRecord& record) {
  bool dispute = record.kind == sdk::PaymentKind::kReversal;
  const std::string& original = record.original_external_id;
  std::string suffix = dispute ? ":dispute" : ":refund";
  bool total = !original.empty() && record.external_id == original + suffix;
  if (dispute) return total ? "dispute_total" : "dispute";
  return total ? "refund_total" : "refund";
}

long long reconciled_refunds(const std::vector<store::import_refunds::RefundLine>& lines) {
  long long refund_total = 0;
  long long refund_sum = 0;
  long long dispute_total = 0;
  long long dispute_sum = 0;
  for (const auto& l : lines) {
    if (l.part == "refund_total") refund_total = std::max(refund_total, l.amount_minor);
    if (l.part == "refund") refund_sum += l.amount_minor;
    if (l.part == "dispute_total") dispute_total = std::max(dispute_total, l.amount_minor);
    if (l.part == "dispute") dispute_sum += l.amount_minor;
  }
  return std::max(refund_total, refund_sum) + std::max(dispute_total, dispute_sum);
}

Result<bool> refund_line_grows(store::Unit& unit, const Identity& identity,
                               const sdk::PaymentRecord& record) {
  auto line = store::import_refunds::find(unit, identity.source, identity.external_id);
  if (!line) return line.status();
  return *line && (*line)->amount_minor < record.amount.minor;
}

Result<RefundApplied> apply_refund_line(store::Unit& unit, const std::string& processor,
                                        const Identity& identity, const sdk::PaymentRecord& record,
                                        long long import_id) {
  Identity original = original_identity(processor, record);
  auto found = store::import_ids::find_gift(unit, original.source, original.external_id);
  if (!found) return found.status();
  if (!*found) {
    return Status::not_found("original_external_id: payment " + record.original_external_id +
                             " is not recorded");
  }
  long long gift_id = **found;
  // The gift's own columns are all a refund line needs: one query (gifts::get also reads the
  // allocations and soft credits, three round trips each on PostgreSQL: decision 0222).
  auto gift = store::plan_gifts::get(unit, gift_id);
  if (!gift) return gift.status();
  if (gift->deleted) return Status::not_found("gift " + std::to_string(gift_id) + " was deleted");
  if (record.amount.currency != gift->amount.currency) {
    return Status::invalid_field("amount.currency", "the refund is in " + record.amount.currency +
                                                        ", the gift in " + gift->amount.currency);
  }
  std::optional<long long> import;
  if (import_id > 0) import = import_id;
  store::import_refunds::RefundLine line{identity.source, identity.external_id, gift_id,
                                         refund_part(record), record.amount.minor};
  if (Status s = store::import_refunds::upsert(unit, line, import); !s) return s;
  auto lines = store::import_refunds::for_gift(unit, gift_id);
  if (!lines) return lines.status();
  long long target = std::min<long long>(reconciled_refunds(*lines), gift->amount.minor);
  RefundApplied out;
  out.gift_id = gift_id;
  out.constituent_id = gift->constituent_id;
  out.refunded_minor = gift->refunded_minor;
  out.status = gift->status;
  long long delta = target - gift->refunded_minor;
  if (delta > 0) {
    store::gifts::RefundInput in;
    in.amount = sdk::Money{delta, gift->amount.currency};
    in.refunded_on = std::max(record.date.iso(), gift->received_on.to_string());
    in.reason = std::string(sdk::payment_kind_name(record.kind)) +
                (record.description.empty() ? "" : ": " + record.description);
    auto refunded = store::gifts::refund(unit, gift_id, in);
    if (!refunded) return refunded.status();
    out.applied_minor = delta;
    out.refunded_minor = refunded->refunded_minor;
    out.status = refunded->status;
  }
  auto applied = store::import_ids::find_payment(unit, identity.source, identity.external_id);
  if (!applied) return applied.status();
  if (!*applied) {
    if (Status s =
            store::import_ids::record_payment(unit, identity.source, identity.external_id,
                                              sdk::payment_kind_name(record.kind), gift_id, import);
        !s) {
      return s;
    }
  }
  return out;
}

}  // namespace steward::engine::imports

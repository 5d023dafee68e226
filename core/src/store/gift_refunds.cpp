// Refunds (full and partial, spread over allocations) and soft deletion of gifts.
#include <cstdint>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/batch_repository.hpp"
#include "store/gift_repository.hpp"
#include "store/gift_rows.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::gifts {
namespace {

Status check_refund(const domain::Gift& g, const RefundInput& in, long long& amount) {
  if (g.status != "completed" && g.status != "partially_refunded") {
    return Status::precondition_failed("gift " + std::to_string(g.id) + " is " + g.status +
                                       " and cannot be refunded");
  }
  if (Status s = domain::require_date("refunded_on", in.refunded_on); !s) return s;
  if (in.refunded_on < g.received_on) {
    return Status::invalid_field("refunded_on",
                                 "is before the gift was received (" + g.received_on + ")");
  }
  long long remaining = g.amount.minor - g.refunded_minor;
  amount = remaining;
  if (in.amount) {
    if (in.amount->currency != g.amount.currency) {
      return Status::invalid_field("amount.currency", "must be " + g.amount.currency);
    }
    if (in.amount->minor <= 0) return Status::invalid_field("amount", "must be positive");
    if (in.amount->minor > remaining) {
      return Status::invalid_field(
          "amount",
          "exceeds the refundable " + domain::format_decimal({remaining, g.amount.currency}));
    }
    amount = in.amount->minor;
  }
  if (in.reason && in.reason->size() > 2000) {
    return Status::invalid_field("reason", "longer than 2000 bytes");
  }
  return Status::ok();
}

}  // namespace

Result<domain::Gift> refund(Unit& unit, long long id, const RefundInput& input) {
  auto before = detail::load(unit, id, false);
  if (!before) return before.status();
  if (before->batch_id) {
    if (Status s = batches::require_open(unit, *before->batch_id); !s) return s;
  }
  long long amount = 0;
  if (Status s = check_refund(*before, input, amount); !s) return s;
  // Spread over what each allocation still holds: a later refund of the rest zeroes them all.
  std::vector<std::int64_t> weights;
  for (const auto& a : before->allocations) weights.push_back(a.amount.minor - a.refunded_minor);
  std::vector<std::int64_t> parts = domain::split_proportionally(amount, weights);
  long long refunded = before->refunded_minor + amount;
  bool full = refunded == before->amount.minor;
  // Base refunded so far: the same share of the base amount, exact at the end.
  long long base_refunded =
      full ? before->base_amount_minor
           : domain::split_proportionally(before->base_amount_minor,
                                          {refunded, before->amount.minor - refunded})[0];
  std::string status = full ? "refunded" : "partially_refunded";
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE gifts SET refunded_minor = :r, base_refunded_minor = :br, status = :s, "
                "version = version + 1, updated_at = :u WHERE id = :id",
      soci::use(refunded), soci::use(base_refunded), soci::use(status), soci::use(now),
      soci::use(id);
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id FROM gift_allocations WHERE gift_id = :id ORDER BY id",
       soci::use(id));
  std::vector<long long> alloc_ids;
  for (const soci::row& row : rows) alloc_ids.push_back(RowReader(row).integer(0));
  for (std::size_t i = 0; i < alloc_ids.size() && i < parts.size(); ++i) {
    long long part = parts[i];
    unit.sql() << "UPDATE gift_allocations SET refunded_minor = refunded_minor + :p, "
                  "updated_at = :u WHERE id = :id",
        soci::use(part), soci::use(now), soci::use(alloc_ids[i]);
  }
  auto after = detail::load(unit, id, false);
  if (!after) return after;
  nlohmann::json image = detail::to_json(*after);
  image["refund"] = {{"amount_minor", amount},
                     {"refunded_on", input.refunded_on},
                     {"reason", input.reason ? nlohmann::json(*input.reason) : nullptr}};
  record_audit(unit, "refund", "gift", id, detail::to_json(*before), image);
  if (Status s = detail::recompute_all(unit, detail::credited(unit, id)); !s) return s;
  if (Status s = detail::refresh_pledges(unit, {before->pledge_id}); !s) return s;
  return after;
}

Status soft_delete(Unit& unit, long long id) {
  auto before = detail::load(unit, id, false);
  if (!before) return before.status();
  if (before->batch_id) {
    if (Status s = batches::require_open(unit, *before->batch_id); !s) return s;
  }
  std::set<long long> affected = detail::credited(unit, id);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE gifts SET deleted_at = :d, version = version + 1, updated_at = :u "
                "WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  record_audit(unit, "delete", "gift", id, detail::to_json(*before), nullptr);
  if (Status s = detail::recompute_all(unit, affected); !s) return s;
  return detail::refresh_pledges(unit, {before->pledge_id});
}

}  // namespace steward::store::gifts

// Gifts: create (with idempotency), get, update. Refunds and deletion: gift_refunds.cpp; lists
// and acknowledgments: gift_queries.cpp.
#include "store/gift_repository.hpp"

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/batch_repository.hpp"
#include "store/gift_rows.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::gifts {
namespace {

// Nullable and converted columns of a gift, bound in a fixed order for INSERT and UPDATE.
struct GiftBinds {
  std::optional<std::string> tribute_type, tribute_name, tribute_notify_name;
  std::optional<long long> tribute_notify_id;
  int anonymous;
  explicit GiftBinds(const domain::GiftInput& in) : anonymous(in.anonymous ? 1 : 0) {
    if (in.tribute) {
      tribute_type = in.tribute->type;
      tribute_name = in.tribute->name;
      tribute_notify_id = in.tribute->notify_id;
      tribute_notify_name = in.tribute->notify_name;
    }
  }
};

// Same key: the earlier gift (replayed) or a conflict; no key match: nullopt.
std::optional<Result<domain::Gift>> gift_replay(Unit& unit, const domain::GiftInput& input,
                                                const std::string& hash) {
  soci::row row;
  unit.sql() << "SELECT id, request_hash FROM gifts WHERE idempotency_key = :k",
      soci::use(*input.idempotency_key), soci::into(row);
  if (!unit.sql().got_data()) return std::nullopt;
  RowReader r(row);
  long long id = r.integer();
  auto stored = r.opt_text();
  if (stored.value_or("") != hash) {
    return Result<domain::Gift>(Status::conflict("idempotency_key '" + *input.idempotency_key +
                                                 "' was already used for gift " +
                                                 std::to_string(id) + " with different content"));
  }
  auto earlier = detail::load(unit, id, false);
  if (!earlier) {
    return Result<domain::Gift>(Status::conflict("idempotency_key '" + *input.idempotency_key +
                                                 "' was used for gift " + std::to_string(id) +
                                                 ", since deleted"));
  }
  earlier->replayed = true;
  return earlier;
}

}  // namespace

Result<domain::Gift> get(Unit& unit, long long id) { return detail::load(unit, id, false); }

Result<domain::Gift> create(Unit& unit, const domain::GiftInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  std::optional<std::string> hash;
  if (input.idempotency_key) {
    hash = detail::request_hash(input);
    if (auto earlier = gift_replay(unit, input, *hash)) return *earlier;
  }
  auto prepared = detail::prepare(unit, input, 0);
  if (!prepared) return prepared.status();
  GiftBinds b(input);
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
                "base_amount_minor, base_currency, exchange_rate, fee_minor, payment_method, "
                "check_number, status, source, external_id, idempotency_key, request_hash, "
                "campaign_id, appeal_id, recurring_plan_id, pledge_id, tribute_type, tribute_name, "
                "tribute_notify_id, tribute_notify_name, anonymous, in_kind_description, batch_id, "
                "notes, created_by, created_at, updated_at) VALUES (:c, :r, :a, :cur, :ba, :bc, "
                ":rate, :fee, :pm, :chk, :st, :src, :ext, :key, :hash, :camp, :app, :plan, "
                ":pledge, :tt, :tn, :tni, :tnn, :anon, :ikd, :batch, :notes, :by, :ca, :ua) "
                "RETURNING id",
      soci::use(input.constituent_id), soci::use(input.received_on), soci::use(input.amount.minor),
      soci::use(input.amount.currency), soci::use(prepared->base_minor),
      soci::use(prepared->base_currency), soci::use(prepared->exchange_rate),
      soci::use(input.fee_minor), soci::use(input.payment_method), soci::use(input.check_number),
      soci::use(input.status), soci::use(input.source), soci::use(input.external_id),
      soci::use(input.idempotency_key), soci::use(hash), soci::use(input.campaign_id),
      soci::use(input.appeal_id), soci::use(input.recurring_plan_id), soci::use(input.pledge_id),
      soci::use(b.tribute_type), soci::use(b.tribute_name), soci::use(b.tribute_notify_id),
      soci::use(b.tribute_notify_name), soci::use(b.anonymous),
      soci::use(input.in_kind_description), soci::use(input.batch_id), soci::use(input.notes),
      soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  detail::insert_children(unit, id, input, prepared->soft_credits);
  auto created = detail::load(unit, id, false);
  if (!created) return created;
  record_audit(unit, "create", "gift", id, nullptr, detail::to_json(*created));
  if (Status s = detail::recompute_all(unit, detail::credited(unit, id)); !s) return s;
  if (Status s = detail::refresh_pledges(unit, {input.pledge_id}); !s) return s;
  return created;
}

Result<domain::Gift> update(Unit& unit, long long id, const domain::GiftInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  auto before = detail::load(unit, id, false);
  if (!before) return before.status();
  if (before->refunded_minor > 0) {
    return Status::precondition_failed("gift " + std::to_string(id) +
                                       " has refunds and can no longer be edited");
  }
  if (before->batch_id) {
    if (Status s = batches::require_open(unit, *before->batch_id); !s) return s;
  }
  auto prepared = detail::prepare(unit, input, id);
  if (!prepared) return prepared.status();
  std::set<long long> affected = detail::credited(unit, id);
  GiftBinds b(input);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE gifts SET constituent_id = :c, received_on = :r, amount_minor = :a, "
                "currency = :cur, base_amount_minor = :ba, base_currency = :bc, "
                "exchange_rate = :rate, fee_minor = :fee, payment_method = :pm, "
                "check_number = :chk, status = :st, source = :src, external_id = :ext, "
                "campaign_id = :camp, appeal_id = :app, recurring_plan_id = :plan, "
                "pledge_id = :pledge, tribute_type = :tt, tribute_name = :tn, "
                "tribute_notify_id = :tni, tribute_notify_name = :tnn, anonymous = :anon, "
                "in_kind_description = :ikd, batch_id = :batch, notes = :notes, "
                "version = version + 1, updated_at = :ua WHERE id = :id",
      soci::use(input.constituent_id), soci::use(input.received_on), soci::use(input.amount.minor),
      soci::use(input.amount.currency), soci::use(prepared->base_minor),
      soci::use(prepared->base_currency), soci::use(prepared->exchange_rate),
      soci::use(input.fee_minor), soci::use(input.payment_method), soci::use(input.check_number),
      soci::use(input.status), soci::use(input.source), soci::use(input.external_id),
      soci::use(input.campaign_id), soci::use(input.appeal_id), soci::use(input.recurring_plan_id),
      soci::use(input.pledge_id), soci::use(b.tribute_type), soci::use(b.tribute_name),
      soci::use(b.tribute_notify_id), soci::use(b.tribute_notify_name), soci::use(b.anonymous),
      soci::use(input.in_kind_description), soci::use(input.batch_id), soci::use(input.notes),
      soci::use(now), soci::use(id);
  unit.sql() << "DELETE FROM gift_allocations WHERE gift_id = :id", soci::use(id);
  unit.sql() << "DELETE FROM soft_credits WHERE gift_id = :id", soci::use(id);
  detail::insert_children(unit, id, input, prepared->soft_credits);
  auto after = detail::load(unit, id, false);
  if (!after) return after;
  record_audit(unit, "update", "gift", id, detail::to_json(*before), detail::to_json(*after));
  std::set<long long> now_credited = detail::credited(unit, id);
  affected.insert(now_credited.begin(), now_credited.end());
  if (Status s = detail::recompute_all(unit, affected); !s) return s;
  if (Status s = detail::refresh_pledges(unit, {before->pledge_id, input.pledge_id}); !s) return s;
  return after;
}

}  // namespace steward::store::gifts

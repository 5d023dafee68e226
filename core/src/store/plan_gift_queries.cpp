#include "store/plan_gift_queries.hpp"

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::plan_gifts {
namespace {

const char* kPlanGiftColumns =
    "id, constituent_id, received_on, amount_minor, currency, refunded_minor, status, source, "
    "external_id, recurring_plan_id, deleted_at";

GiftRef plan_gift_from_row(const soci::row& row) {
  RowReader r(row);
  GiftRef g;
  g.id = r.integer();
  g.constituent_id = r.integer();
  g.received_on = domain::Date::parse(r.date()).value();
  g.amount.minor = r.integer();
  g.amount.currency = r.text();
  g.refunded_minor = r.integer();
  g.status = r.text();
  g.source = r.opt_text();
  g.external_id = r.opt_text();
  g.recurring_plan_id = r.opt_integer();
  g.deleted = r.opt_timestamp().has_value();
  return g;
}

}  // namespace

Result<GiftRef> get(Unit& unit, long long gift_id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kPlanGiftColumns) + " FROM gifts WHERE id = :id",
      soci::use(gift_id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("gift " + std::to_string(gift_id) + " does not exist");
  return plan_gift_from_row(row);
}

Result<std::vector<GiftRef>> of_plan(Unit& unit, long long plan_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kPlanGiftColumns) +
                                 " FROM gifts WHERE recurring_plan_id = :p AND deleted_at IS NULL "
                                 "ORDER BY received_on, id",
       soci::use(plan_id));
  std::vector<GiftRef> out;
  for (const soci::row& r : rows) out.push_back(plan_gift_from_row(r));
  return out;
}

Status link(Unit& unit, long long gift_id, std::optional<long long> plan_id) {
  auto before = get(unit, gift_id);
  if (!before) return before.status();
  if (before->recurring_plan_id == plan_id) return Status::ok();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE gifts SET recurring_plan_id = :plan, version = version + 1, "
                "updated_at = :updated WHERE id = :id",
      soci::use(plan_id), soci::use(now), soci::use(gift_id);
  nlohmann::json b = {{"recurring_plan_id", nullptr}};
  nlohmann::json a = {{"recurring_plan_id", nullptr}};
  if (before->recurring_plan_id) b["recurring_plan_id"] = *before->recurring_plan_id;
  if (plan_id) a["recurring_plan_id"] = *plan_id;
  record_audit(unit, "update", "gift", gift_id, b, a);
  return Status::ok();
}

}  // namespace steward::store::plan_gifts

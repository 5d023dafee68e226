#include "store/gift_rows.hpp"

#include "store/pledge_repository.hpp"

#include "store/giving_summary_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::store::gifts::detail {

const char* const kGiftColumns =
    "g.id, g.constituent_id, g.received_on, g.amount_minor, g.currency, g.base_amount_minor, "
    "g.base_currency, g.exchange_rate, g.fee_minor, g.refunded_minor, g.base_refunded_minor, "
    "g.payment_method, g.check_number, g.status, g.source, g.external_id, g.idempotency_key, "
    "g.campaign_id, g.appeal_id, g.recurring_plan_id, g.pledge_id, g.tribute_type, "
    "g.tribute_name, g.tribute_notify_id, g.tribute_notify_name, g.anonymous, "
    "g.in_kind_description, g.acknowledged_at, g.acknowledgment_method, g.batch_id, g.notes, "
    "g.created_by, g.version, g.created_at, g.updated_at";

domain::Gift from_row(const soci::row& row) {
  RowReader r(row);
  domain::Gift g;
  g.id = r.integer();
  g.constituent_id = r.integer();
  g.received_on = r.date();
  g.amount.minor = r.integer();
  g.amount.currency = r.text();
  g.base_amount_minor = r.integer();
  g.base_currency = r.text();
  g.base_amount = sdk::Money{g.base_amount_minor, g.base_currency};
  g.exchange_rate = r.text();
  g.fee_minor = r.integer();
  g.refunded_minor = r.integer();
  g.base_refunded_minor = r.integer();
  g.payment_method = r.text();
  g.check_number = r.opt_text();
  g.status = r.text();
  g.source = r.opt_text();
  g.external_id = r.opt_text();
  g.idempotency_key = r.opt_text();
  g.campaign_id = r.opt_integer();
  g.appeal_id = r.opt_integer();
  g.recurring_plan_id = r.opt_integer();
  g.pledge_id = r.opt_integer();
  auto tribute_type = r.opt_text();
  auto tribute_name = r.opt_text();
  auto notify_id = r.opt_integer();
  auto notify_name = r.opt_text();
  if (tribute_type) {
    g.tribute = domain::Tribute{*tribute_type, tribute_name.value_or(""), notify_id, notify_name};
  }
  g.anonymous = r.flag();
  g.in_kind_description = r.opt_text();
  g.acknowledged_at = r.opt_timestamp();
  g.acknowledgment_method = r.opt_text();
  g.batch_id = r.opt_integer();
  g.notes = r.opt_text();
  g.created_by = r.opt_text();
  g.version = r.integer();
  g.created_at = r.timestamp();
  g.updated_at = r.timestamp();
  return g;
}

void load_children(Unit& unit, domain::Gift& gift) {
  soci::rowset<soci::row> allocs =
      (unit.sql().prepare << "SELECT fund_id, amount_minor, refunded_minor FROM gift_allocations "
                             "WHERE gift_id = :id ORDER BY id",
       soci::use(gift.id));
  for (const soci::row& row : allocs) {
    RowReader r(row);
    domain::Allocation a;
    a.fund_id = r.integer();
    a.amount = {r.integer(), gift.amount.currency};
    a.refunded_minor = r.integer();
    gift.allocations.push_back(a);
  }
  soci::rowset<soci::row> credits =
      (unit.sql().prepare << "SELECT constituent_id, amount_minor, role FROM soft_credits "
                             "WHERE gift_id = :id ORDER BY id",
       soci::use(gift.id));
  for (const soci::row& row : credits) {
    RowReader r(row);
    domain::SoftCredit c;
    c.constituent_id = r.integer();
    c.amount = {r.integer(), gift.amount.currency};
    c.role = r.text();
    gift.soft_credits.push_back(c);
  }
}

Result<domain::Gift> load(Unit& unit, long long id, bool include_deleted) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kGiftColumns) +
                    ", CASE WHEN g.deleted_at IS NULL THEN 0 ELSE 1 END FROM gifts g "
                    "WHERE g.id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("gift " + std::to_string(id) + " does not exist");
  RowReader r(row);
  if (!include_deleted && r.flag(row.size() - 1)) {
    return Status::not_found("gift " + std::to_string(id) + " was deleted");
  }
  domain::Gift g = from_row(row);
  load_children(unit, g);
  return g;
}

nlohmann::json input_json(const domain::GiftInput& g) {
  auto money = [](const sdk::Money& m) {
    return nlohmann::json{{"minor", m.minor}, {"currency", m.currency}};
  };
  auto opt = [](const auto& v) -> nlohmann::json {
    if (v) return *v;
    return nullptr;
  };
  nlohmann::json allocations = nlohmann::json::array();
  for (const auto& a : g.allocations) {
    allocations.push_back({{"fund_id", a.fund_id}, {"amount", money(a.amount)}});
  }
  nlohmann::json credits = nlohmann::json::array();
  for (const auto& c : g.soft_credits) {
    credits.push_back(
        {{"constituent_id", c.constituent_id}, {"amount", money(c.amount)}, {"role", c.role}});
  }
  nlohmann::json tribute = nullptr;
  if (g.tribute) {
    tribute = {{"type", g.tribute->type},
               {"name", g.tribute->name},
               {"notify_id", opt(g.tribute->notify_id)},
               {"notify_name", opt(g.tribute->notify_name)}};
  }
  return {{"constituent_id", g.constituent_id},
          {"received_on", g.received_on},
          {"amount", money(g.amount)},
          {"base_amount", g.base_amount ? money(*g.base_amount) : nlohmann::json(nullptr)},
          {"exchange_rate", opt(g.exchange_rate)},
          {"fee_minor", g.fee_minor},
          {"payment_method", g.payment_method},
          {"check_number", opt(g.check_number)},
          {"status", g.status},
          {"source", opt(g.source)},
          {"external_id", opt(g.external_id)},
          {"campaign_id", opt(g.campaign_id)},
          {"appeal_id", opt(g.appeal_id)},
          {"recurring_plan_id", opt(g.recurring_plan_id)},
          {"pledge_id", opt(g.pledge_id)},
          {"tribute", tribute},
          {"anonymous", g.anonymous},
          {"in_kind_description", opt(g.in_kind_description)},
          {"batch_id", opt(g.batch_id)},
          {"notes", opt(g.notes)},
          {"allocations", allocations},
          {"soft_credits", credits}};
}

nlohmann::json to_json(const domain::Gift& g) {
  nlohmann::json j = input_json(g);
  j["id"] = g.id;
  j["base_amount"] = {{"minor", g.base_amount_minor}, {"currency", g.base_currency}};
  j["refunded_minor"] = g.refunded_minor;
  j["base_refunded_minor"] = g.base_refunded_minor;
  j["idempotency_key"] = g.idempotency_key ? nlohmann::json(*g.idempotency_key) : nullptr;
  for (std::size_t i = 0; i < g.allocations.size(); ++i) {
    j["allocations"][i]["refunded_minor"] = g.allocations[i].refunded_minor;
  }
  if (g.acknowledged_at) j["acknowledged_at"] = *g.acknowledged_at;
  if (g.acknowledgment_method) j["acknowledgment_method"] = *g.acknowledgment_method;
  return j;
}

std::set<long long> credited(Unit& unit, long long gift_id) {
  std::set<long long> ids;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT g.constituent_id FROM gifts g WHERE g.id = :a "
              "UNION SELECT hm.household_id FROM gifts g JOIN household_members hm "
              "ON hm.member_id = g.constituent_id AND (hm.started_on IS NULL OR hm.started_on <= "
              "g.received_on) AND (hm.ended_on IS NULL OR hm.ended_on > g.received_on) "
              "WHERE g.id = :b "
              "UNION SELECT constituent_id FROM soft_credits WHERE gift_id = :c",
       soci::use(gift_id), soci::use(gift_id), soci::use(gift_id));
  for (const soci::row& row : rows) ids.insert(RowReader(row).integer(0));
  return ids;
}

Status refresh_pledges(Unit& unit, std::initializer_list<std::optional<long long>> pledge_ids) {
  std::set<long long> done;
  for (const auto& id : pledge_ids) {
    if (!id || !done.insert(*id).second) continue;
    auto pledge = pledges::refresh_status(unit, *id);
    if (!pledge) return pledge.status();
  }
  return Status::ok();
}

Status recompute_all(Unit& unit, const std::set<long long>& ids) {
  if (std::set<long long>* deferred = giving::deferred_ids(unit)) {  // giving::DeferRollups
    deferred->insert(ids.begin(), ids.end());
    return Status::ok();
  }
  for (long long id : ids) {
    if (Status s = giving::recompute(unit, id); !s) return s;
  }
  return Status::ok();
}

}  // namespace steward::store::gifts::detail

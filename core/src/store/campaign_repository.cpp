#include "store/campaign_repository.hpp"

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/references.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::campaigns {
namespace {

using domain::Appeal;
using domain::Campaign;
using domain::Date;

const char* kCampaignColumns =
    "id, code, name, description, goal_minor, currency, starts_on, ends_on, active, created_at, "
    "updated_at";
const char* kAppealColumns =
    "id, campaign_id, code, name, channel, goal_minor, currency, starts_on, ends_on, created_at, "
    "updated_at";

std::optional<Date> campaign_read_date(RowReader& r) {
  auto text = r.opt_date();
  if (!text) return std::nullopt;
  return Date::parse(*text).value();
}

std::optional<long long> goal_minor(const std::optional<sdk::Money>& goal) {
  if (!goal) return std::nullopt;
  return goal->minor;
}

Campaign campaign_from(const soci::row& row) {
  RowReader r(row);
  Campaign c;
  c.id = r.integer();
  c.code = r.text();
  c.name = r.text();
  c.description = r.opt_text();
  auto goal = r.opt_integer();
  c.currency = r.text();
  if (goal) c.goal = sdk::Money{*goal, c.currency};
  c.starts_on = campaign_read_date(r);
  c.ends_on = campaign_read_date(r);
  c.active = r.flag();
  c.created_at = r.timestamp();
  c.updated_at = r.timestamp();
  return c;
}

Appeal appeal_from(const soci::row& row) {
  RowReader r(row);
  Appeal a;
  a.id = r.integer();
  a.campaign_id = r.integer();
  a.code = r.text();
  a.name = r.text();
  a.channel = r.text();
  auto goal = r.opt_integer();
  a.currency = r.text();
  if (goal) a.goal = sdk::Money{*goal, a.currency};
  a.starts_on = campaign_read_date(r);
  a.ends_on = campaign_read_date(r);
  a.created_at = r.timestamp();
  a.updated_at = r.timestamp();
  return a;
}

template <typename T>
nlohmann::json campaign_to_json(const T& x) {
  nlohmann::json j = {{"id", x.id}, {"code", x.code}, {"name", x.name}, {"currency", x.currency}};
  if (x.goal) j["goal_minor"] = x.goal->minor;
  if (x.starts_on) j["starts_on"] = x.starts_on->to_string();
  if (x.ends_on) j["ends_on"] = x.ends_on->to_string();
  return j;
}

Status code_free(Unit& unit, const char* table, const std::string& code, long long self) {
  long long taken = 0;
  unit.sql() << std::string("SELECT COUNT(*) FROM ") + table + " WHERE code = :c AND id <> :id",
      soci::use(code), soci::use(self), soci::into(taken);
  if (taken > 0) return Status::conflict("the code '" + code + "' is already used");
  return Status::ok();
}

}  // namespace

Result<Campaign> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kCampaignColumns) + " FROM campaigns WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("campaign " + std::to_string(id) + " does not exist");
  return campaign_from(row);
}

Result<Campaign> create(Unit& unit, const domain::CampaignInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = code_free(unit, "campaigns", in.code, 0); !s) return s;
  std::string now = domain::utc_now_iso();
  auto goal = goal_minor(in.goal);
  auto starts = domain::date_text(in.starts_on);
  auto ends = domain::date_text(in.ends_on);
  int active = in.active ? 1 : 0;
  long long id = 0;
  unit.sql() << "INSERT INTO campaigns (code, name, description, goal_minor, currency, starts_on, "
                "ends_on, active, created_at, updated_at) VALUES (:code, :name, :d, :goal, :cur, "
                ":s, :e, :a, :c, :u) RETURNING id",
      soci::use(in.code), soci::use(in.name), soci::use(in.description), soci::use(goal),
      soci::use(in.currency), soci::use(starts), soci::use(ends), soci::use(active), soci::use(now),
      soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "campaign", id, nullptr, campaign_to_json(*created));
  return created;
}

Result<Campaign> update(Unit& unit, long long id, const domain::CampaignInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  auto before = get(unit, id);
  if (!before) return before;
  if (Status s = code_free(unit, "campaigns", in.code, id); !s) return s;
  std::string now = domain::utc_now_iso();
  auto goal = goal_minor(in.goal);
  auto starts = domain::date_text(in.starts_on);
  auto ends = domain::date_text(in.ends_on);
  int active = in.active ? 1 : 0;
  unit.sql() << "UPDATE campaigns SET code = :code, name = :name, description = :d, goal_minor = "
                ":goal, currency = :cur, starts_on = :s, ends_on = :e, active = :a, updated_at = "
                ":u WHERE id = :id",
      soci::use(in.code), soci::use(in.name), soci::use(in.description), soci::use(goal),
      soci::use(in.currency), soci::use(starts), soci::use(ends), soci::use(active), soci::use(now),
      soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "campaign", id, campaign_to_json(*before),
                 campaign_to_json(*after));
  return after;
}

Result<std::vector<Campaign>> list(Unit& unit, std::optional<bool> active) {
  int has_a = active ? 1 : 0;
  int a = active.value_or(true) ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kCampaignColumns) +
                                 " FROM campaigns WHERE (:has_a = 0 OR active = (:a = 1)) ORDER "
                                 "BY CASE WHEN starts_on IS NULL THEN 1 ELSE 0 END, starts_on, "
                                 "name, id",
       soci::use(has_a), soci::use(a));
  std::vector<Campaign> out;
  for (const soci::row& r : rows) out.push_back(campaign_from(r));
  return out;
}

Result<Appeal> get_appeal(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kAppealColumns) + " FROM appeals WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("appeal " + std::to_string(id) + " does not exist");
  return appeal_from(row);
}

Result<Appeal> create_appeal(Unit& unit, const domain::AppealInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = require_row(unit, "campaigns", "campaign_id", "campaign", in.campaign_id); !s)
    return s;
  if (Status s = code_free(unit, "appeals", in.code, 0); !s) return s;
  std::string now = domain::utc_now_iso();
  auto goal = goal_minor(in.goal);
  auto starts = domain::date_text(in.starts_on);
  auto ends = domain::date_text(in.ends_on);
  long long id = 0;
  unit.sql() << "INSERT INTO appeals (campaign_id, code, name, channel, goal_minor, currency, "
                "starts_on, ends_on, created_at, updated_at) VALUES (:camp, :code, :name, :ch, "
                ":goal, :cur, :s, :e, :c, :u) RETURNING id",
      soci::use(in.campaign_id), soci::use(in.code), soci::use(in.name), soci::use(in.channel),
      soci::use(goal), soci::use(in.currency), soci::use(starts), soci::use(ends), soci::use(now),
      soci::use(now), soci::into(id);
  auto created = get_appeal(unit, id);
  if (created) record_audit(unit, "create", "appeal", id, nullptr, campaign_to_json(*created));
  return created;
}

Result<std::vector<Appeal>> appeals_of(Unit& unit, long long campaign_id) {
  auto campaign = get(unit, campaign_id);
  if (!campaign) return campaign.status();
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kAppealColumns) +
                                 " FROM appeals WHERE campaign_id = :c ORDER BY CASE WHEN "
                                 "starts_on IS NULL THEN 1 ELSE 0 END, starts_on, name, id",
       soci::use(campaign_id));
  std::vector<Appeal> out;
  for (const soci::row& r : rows) out.push_back(appeal_from(r));
  return out;
}

}  // namespace steward::store::campaigns

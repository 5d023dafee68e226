#include "store/appeal_changes.hpp"

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/campaign_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::campaigns {
namespace {

nlohmann::json appeal_image(const domain::Appeal& a) {
  nlohmann::json j = {{"id", a.id},     {"campaign_id", a.campaign_id}, {"code", a.code},
                      {"name", a.name}, {"channel", a.channel},         {"currency", a.currency}};
  if (a.goal) j["goal_minor"] = a.goal->minor;
  if (a.starts_on) j["starts_on"] = a.starts_on->to_string();
  if (a.ends_on) j["ends_on"] = a.ends_on->to_string();
  return j;
}

}  // namespace

Result<domain::Appeal> update_appeal(Unit& unit, long long id, const domain::AppealInput& input) {
  auto before = get_appeal(unit, id);
  if (!before) return before;
  domain::AppealInput in = input;
  in.campaign_id = before->campaign_id;
  if (Status s = domain::validate(in); !s) return s;
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM appeals WHERE code = :c AND id <> :id", soci::use(in.code),
      soci::use(id), soci::into(taken);
  if (taken > 0) return Status::conflict("the code '" + in.code + "' is already used");
  std::optional<long long> goal;
  if (in.goal) goal = in.goal->minor;
  auto starts = domain::date_text(in.starts_on);
  auto ends = domain::date_text(in.ends_on);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE appeals SET code = :code, name = :name, channel = :ch, goal_minor = :g, "
                "currency = :cur, starts_on = :s, ends_on = :e, updated_at = :u WHERE id = :id",
      soci::use(in.code), soci::use(in.name), soci::use(in.channel), soci::use(goal),
      soci::use(in.currency), soci::use(starts), soci::use(ends), soci::use(now), soci::use(id);
  auto after = get_appeal(unit, id);
  if (after)
    record_audit(unit, "update", "appeal", id, appeal_image(*before), appeal_image(*after));
  return after;
}

}  // namespace steward::store::campaigns

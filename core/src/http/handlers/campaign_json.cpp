#include "http/handlers/campaign_json.hpp"

#include "http/json_body.hpp"

namespace steward::http {
namespace {

nlohmann::json opt_money(const std::optional<sdk::Money>& m) {
  return m ? money_json(*m) : nlohmann::json(nullptr);
}

std::optional<domain::Date> campaign_json_read_date(JsonReader& in, const std::string& key) {
  auto text = in.text(key, false);
  if (!text) return std::nullopt;
  auto d = domain::Date::parse(*text, key);
  if (!d) {
    in.error(key, "must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  return d.value();
}

// The goal's currency is the record's; a separate "currency" must agree with it.
std::string read_currency(JsonReader& in, const std::optional<sdk::Money>& goal) {
  auto currency = in.text("currency", false);
  if (goal && currency && *currency != goal->currency) {
    in.error("currency", "must be the goal's currency (" + goal->currency + ")");
  }
  if (goal) return goal->currency;
  return currency.value_or("USD");
}

nlohmann::json tally_json(const store::campaigns::Tally& t, const std::string& currency) {
  return {{"raised", money_json(sdk::Money{t.raised_minor, currency})},
          {"gift_count", t.gift_count},
          {"donor_count", t.donor_count},
          {"other_currency_gifts", t.other_currency_gifts}};
}

}  // namespace

nlohmann::json campaign_json(const domain::Campaign& c) {
  return {{"id", c.id},
          {"code", c.code},
          {"name", c.name},
          {"description", c.description ? nlohmann::json(*c.description) : nlohmann::json()},
          {"currency", c.currency},
          {"goal", opt_money(c.goal)},
          {"starts_on", date_json(c.starts_on)},
          {"ends_on", date_json(c.ends_on)},
          {"active", c.active},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

nlohmann::json appeal_json(const domain::Appeal& a) {
  return {{"id", a.id},
          {"campaign_id", a.campaign_id},
          {"code", a.code},
          {"name", a.name},
          {"channel", a.channel},
          {"currency", a.currency},
          {"goal", opt_money(a.goal)},
          {"starts_on", date_json(a.starts_on)},
          {"ends_on", date_json(a.ends_on)},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

nlohmann::json results_json(const store::campaigns::Results& r,
                            const std::optional<sdk::Money>& goal) {
  nlohmann::json j = tally_json(r.total, r.currency);
  j["campaign_id"] = r.campaign_id;
  j["goal"] = opt_money(goal);
  j["percent_of_goal"] = nullptr;
  if (goal && goal->minor > 0) {
    // Basis points rounded down, shown like "66.67".
    long long bp = r.total.raised_minor <= 0 ? 0 : r.total.raised_minor * 10000 / goal->minor;
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%02lld", bp / 100, bp % 100);
    j["percent_of_goal"] = text;
  }
  nlohmann::json appeals = nlohmann::json::array();
  for (const auto& a : r.by_appeal) {
    nlohmann::json line = tally_json(a.tally, r.currency);
    line["appeal_id"] = a.appeal_id;
    appeals.push_back(line);
  }
  j["by_appeal"] = appeals;
  j["no_appeal"] = tally_json(r.no_appeal, r.currency);
  return j;
}

domain::CampaignInput read_campaign(JsonReader& in) {
  domain::CampaignInput c;
  c.code = in.text("code", true).value_or("");
  c.name = in.text("name", true).value_or("");
  c.description = in.text("description", false);
  c.goal = in.money("goal", false);
  c.currency = read_currency(in, c.goal);
  c.starts_on = campaign_json_read_date(in, "starts_on");
  c.ends_on = campaign_json_read_date(in, "ends_on");
  c.active = in.boolean("active", false).value_or(true);
  for (const char* echoed : {"id", "created_at", "updated_at"}) in.ignore(echoed);
  return c;
}

domain::AppealInput read_appeal(JsonReader& in) {
  domain::AppealInput a;
  a.code = in.text("code", true).value_or("");
  a.name = in.text("name", true).value_or("");
  a.channel = in.text("channel", false).value_or("mail");
  a.goal = in.money("goal", false);
  a.currency = read_currency(in, a.goal);
  a.starts_on = campaign_json_read_date(in, "starts_on");
  a.ends_on = campaign_json_read_date(in, "ends_on");
  for (const char* echoed : {"id", "campaign_id", "created_at", "updated_at"}) in.ignore(echoed);
  return a;
}

}  // namespace steward::http

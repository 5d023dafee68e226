// The dashboard's figures in one read (docs/ui.md, decision 0131):
//   GET /api/v1/dashboard[?as_of=YYYY-MM-DD]   every role (kReadDonors)
// Giving is in the base currency, net of refunds; "year" is the calendar year; last year to
// date runs to the same day of last year. For callers without the restricted grant every
// figure leaves out restricted constituents (their gifts, plans, tasks and needs receipts).
#include <map>

#include "domain/date.hpp"
#include "domain/recurring_schedule.hpp"
#include "domain/thank_deadline.hpp"
#include "engine/needs_service.hpp"
#include "engine/recurring_revenue.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/dashboard_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/settings_repository.hpp"

namespace steward::http {
namespace {

constexpr int kRecentGifts = 20;
constexpr int kOpenTasks = 10;
constexpr int kTrendMonths = 24;

nlohmann::json dashboard_money(long long minor, const std::string& currency) {
  return money_json(sdk::Money{minor, currency});
}

// MRR of plans as twelfths of a minor unit (engine/recurring_revenue.hpp's rule), rounded half
// away from zero once at the end.
struct Twelfths {
  long long sum = 0;
  int plans = 0;
  void add(const store::dashboard::CommittedPlan& p) {
    auto frequency = domain::parse_frequency(p.frequency);
    if (!frequency) return;
    const domain::MonthlyRatio r = domain::monthly_ratio(frequency.value());
    sum += p.amount_minor * r.numerator * (12 / r.denominator);
    ++plans;
  }
  long long monthly() const { return sum >= 0 ? (sum + 6) / 12 : -((-sum + 6) / 12); }
};

struct Recurring {
  long long monthly_minor = 0;
  int plan_count = 0;
};

// Needs coverage and MRR for a caller without the restricted grant: committed amounts come from
// the plans of unrestricted constituents only, and restricted donors' receipts this month are
// taken off what each fund received.
Recurring visible_only(store::Unit& u, const std::string& base_currency, const domain::Date& as_of,
                       const std::string& month_start, engine::NeedsReport& needs) {
  const auto plans = store::dashboard::committed_plans(u, as_of.to_string(), false);
  Twelfths base;
  std::map<std::pair<long long, std::string>, Twelfths> by_fund;
  for (const auto& p : plans) {
    if (p.currency == base_currency) base.add(p);
    if (p.fund_id) by_fund[{*p.fund_id, p.currency}].add(p);
  }
  std::map<long long, std::string> fund_currency;
  for (const auto& f : needs.funds) fund_currency[f.fund_id] = f.currency;
  const auto hidden = store::dashboard::restricted_received_by_fund(
      u, month_start, as_of.to_string(), fund_currency);
  for (engine::FundNeed& f : needs.funds) {
    auto committed = by_fund.find({f.fund_id, f.currency});
    f.committed_minor = committed == by_fund.end() ? 0 : committed->second.monthly();
    if (auto h = hidden.find(f.fund_id); h != hidden.end()) {
      f.received_minor = std::max(0LL, f.received_minor - h->second);
    }
    f.committed_bp = engine::basis_points(f.committed_minor, f.need_minor);
    f.received_bp = engine::basis_points(f.received_minor, f.need_minor);
    f.gap_minor = std::max(0LL, f.need_minor - f.committed_minor);
  }
  return {base.monthly(), base.plans};
}

nlohmann::json needs_json(const engine::NeedsReport& needs) {
  nlohmann::json out = nlohmann::json::array();
  for (const engine::FundNeed& f : needs.funds) {
    out.push_back({{"fund_id", f.fund_id},
                   {"fund_code", f.fund_code},
                   {"fund_name", f.fund_name},
                   {"need", dashboard_money(f.need_minor, f.currency)},
                   {"committed", dashboard_money(f.committed_minor, f.currency)},
                   {"received", dashboard_money(f.received_minor, f.currency)},
                   {"committed_bp", f.committed_bp},
                   {"received_bp", f.received_bp},
                   {"gap", dashboard_money(f.gap_minor, f.currency)}});
  }
  return out;
}

std::string month_of(const std::string& day) { return day.substr(0, 7); }

Result<nlohmann::json> figures(store::Unit& u, const domain::Date& as_of, bool all,
                               const std::string& username) {
  namespace dash = store::dashboard;
  auto settings = store::settings::get(u);
  if (!settings) return settings.status();
  auto mail = store::mail_settings::get(u);
  if (!mail) return mail.status();
  // Overdue thank-yous are counted at this moment, whatever as_of says (decision 0220).
  const std::string overdue_until =
      domain::thank_cutoffs(mail->thank_within_hours, domain::now_instant())
          .overdue_until.to_string();
  const std::string cur = settings.value().base_currency;
  const int y = as_of.year();
  const unsigned m = as_of.month();
  const std::string today = as_of.to_string();
  const std::string year_start = domain::Date(y, 1, 1).to_string();
  const std::string month_start = domain::Date(y, m, 1).to_string();
  const std::string last_year_start = domain::Date(y - 1, 1, 1).to_string();
  const std::string last_year_end = domain::Date(y - 1, 12, 31).to_string();
  const std::string last_year_same_day =
      domain::Date(y - 1, m, std::min(as_of.day(), domain::last_day_of_month(y - 1, m)))
          .to_string();
  const domain::Date trend_start = domain::Date(y, m, 1).add_months(-(kTrendMonths - 1));

  // One pass over the days of the trend window gives every giving figure.
  std::map<std::string, long long> by_month;
  for (int i = 0; i < kTrendMonths; ++i) by_month[month_of(trend_start.add_months(i).to_string())];
  long long ytd = 0, ytd_count = 0, last_ytd = 0, last_ytd_count = 0, month = 0, month_count = 0;
  for (const auto& d : dash::giving_by_day(u, trend_start.to_string(), today, all)) {
    by_month[month_of(d.day)] += d.net_minor;
    if (d.day >= year_start) ytd += d.net_minor, ytd_count += d.gift_count;
    if (d.day >= last_year_start && d.day <= last_year_same_day) {
      last_ytd += d.net_minor, last_ytd_count += d.gift_count;
    }
    if (d.day >= month_start) month += d.net_minor, month_count += d.gift_count;
  }
  nlohmann::json trend = nlohmann::json::array();
  for (const auto& [key, minor] : by_month)
    trend.push_back({{"month", key}, {"total", dashboard_money(minor, cur)}});

  auto needs = engine::needs_coverage(u, as_of);
  if (!needs) return needs.status();
  Recurring recurring;
  if (all) {
    auto mrr = engine::monthly_recurring_revenue(u, as_of);
    if (!mrr) return mrr.status();
    recurring = {mrr.value().base.monthly_minor, mrr.value().base.plan_count};
  } else {
    recurring = visible_only(u, cur, as_of, month_start, needs.value());
  }

  const auto donors = dash::donor_counts(u, year_start, today, last_year_start, last_year_end, all);
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& t : dash::open_tasks(u, username, kOpenTasks, all)) {
    tasks.push_back(
        {{"id", t.id},
         {"title", t.title},
         {"due_on", t.due_on ? nlohmann::json(*t.due_on) : nullptr},
         {"constituent_id", t.constituent_id ? nlohmann::json(*t.constituent_id) : nullptr},
         {"constituent_name", t.constituent_name ? nlohmann::json(*t.constituent_name) : nullptr}});
  }
  nlohmann::json recent = nlohmann::json::array();
  for (const auto& g : dash::recent_gifts(u, kRecentGifts, all)) {
    recent.push_back({{"id", g.id},
                      {"constituent_id", g.constituent_id},
                      {"constituent_name", g.constituent_name},
                      {"received_on", g.received_on},
                      {"amount", dashboard_money(g.amount_minor, g.currency)}});
  }
  return nlohmann::json{
      {"as_of", today},
      {"currency", cur},
      {"year_to_date",
       {{"this_year", dashboard_money(ytd, cur)},
        {"this_year_gifts", ytd_count},
        {"last_year", dashboard_money(last_ytd, cur)},
        {"last_year_gifts", last_ytd_count},
        {"last_year_to", last_year_same_day}}},
      {"this_month", {{"total", dashboard_money(month, cur)}, {"gift_count", month_count}}},
      {"donors",
       {{"new_this_year", donors.new_donors},
        {"lapsed_this_year", donors.lapsed},
        {"retained_this_year", donors.retained},
        {"last_year_donors", donors.last_year_donors}}},
      {"recurring",
       {{"monthly", dashboard_money(recurring.monthly_minor, cur)},
        {"plan_count", recurring.plan_count}}},
      {"needs", needs_json(needs.value())},
      {"trend", trend},
      {"my_tasks", tasks},
      {"recent_gifts", recent},
      {"unacknowledged_gifts", dash::unacknowledged_count(u, all)},
      {"unacknowledged_overdue", dash::unacknowledged_count(u, all, overdue_until)}};
}

Response dashboard(Call& call) {
  domain::Date as_of = domain::Date::today();
  if (auto text = call.request.query_param("as_of"); text && !text->empty()) {
    auto parsed = domain::Date::parse(*text, "as_of");
    if (!parsed) return Response::from_status(parsed.status());
    as_of = parsed.value();
  }
  const std::string username = call.identity ? call.identity->user.username : "";
  auto body = call.db.read(
      [&](store::Unit& u) { return figures(u, as_of, call.sees_restricted(), username); });
  if (!body) return Response::from_status(body.status());
  return Response::json(200, body.value());
}

}  // namespace

void add_dashboard_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/dashboard",
                    Access::kPermission,
                    auth::Permission::kReadDonors,
                    "Dashboard figures: year to date, this month, donors, MRR, needs, trend, "
                    "tasks, recent and unacknowledged gifts (and how many are overdue)",
                    [](Call& c) { return dashboard(c); },
                    {}});
}

}  // namespace steward::http

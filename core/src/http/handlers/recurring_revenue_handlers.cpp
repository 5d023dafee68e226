// Recurring revenue (docs/needs.md): monthly recurring revenue and the gifts expected from
// active plans.
//   GET /api/v1/recurring/mrr[?as_of=YYYY-MM-DD]
//   GET /api/v1/recurring/upcoming[?from=&to=]   (default: today through 30 days later; at
//       most 366 days; cursor pages by position)
// MRR is an aggregate (no names) and counts every committed plan. Upcoming gifts name donors,
// so gifts of restricted constituents are left out for callers without the grant.
#include "engine/recurring_revenue.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"

namespace steward::http {
namespace {

nlohmann::json mrr_total_api_json(const engine::MrrTotal& t) {
  auto money = [&](long long minor) { return money_json(sdk::Money{minor, t.currency}); };
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : t.by_fund) {
    lines.push_back({{"fund_id", l.fund_id ? nlohmann::json(*l.fund_id) : nlohmann::json()},
                     {"fund_code", l.fund_code},
                     {"fund_name", l.fund_name},
                     {"monthly", money(l.monthly_minor)},
                     {"plan_count", l.plan_count}});
  }
  return {{"currency", t.currency},
          {"monthly", money(t.monthly_minor)},
          {"plan_count", t.plan_count},
          {"by_fund", lines}};
}

Response mrr(Call& call) {
  std::optional<std::string> as_of_text;
  if (Status s = date_param(call.request, "as_of", as_of_text); !s) {
    return Response::from_status(s);
  }
  domain::Date as_of =
      as_of_text ? domain::Date::parse(*as_of_text).value() : domain::Date::today();
  auto report = call.db.read([&](store::Unit& u) {
    return engine::monthly_recurring_revenue(u, as_of, call.sees_restricted());
  });
  if (!report) return Response::from_status(report.status());
  nlohmann::json others = nlohmann::json::array();
  for (const auto& t : report->other_currencies) others.push_back(mrr_total_api_json(t));
  return Response::json(200, {{"as_of", report->as_of},
                              {"base", mrr_total_api_json(report->base)},
                              {"other_currencies", others},
                              {"includes_restricted", call.sees_restricted()}});
}

Response upcoming(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  std::optional<std::string> from_text, to_text;
  if (Status s = date_param(call.request, "from", from_text); !s) return Response::from_status(s);
  if (Status s = date_param(call.request, "to", to_text); !s) return Response::from_status(s);
  domain::Date from = from_text ? domain::Date::parse(*from_text).value() : domain::Date::today();
  domain::Date to = to_text ? domain::Date::parse(*to_text).value() : from.add_days(30);
  if (to < from) return Response::from_status(Status::invalid_field("to", "is before from"));
  if (from.days_until(to) > 366) {
    return Response::from_status(Status::invalid_field("to", "at most 366 days after from"));
  }
  std::optional<long long> next;
  auto items = call.db.read([&](store::Unit& u) -> Result<nlohmann::json> {
    auto gifts = engine::upcoming_expected_gifts(u, from, to);
    if (!gifts) return gifts.status();
    VisibilityCache visible(call, u);
    nlohmann::json out = nlohmann::json::array();
    long long position = 0;
    for (const auto& g : gifts.value()) {
      auto ok = visible(g.constituent_id);
      if (!ok) return ok.status();
      if (!ok.value()) continue;
      ++position;
      if (position <= page->after_id) continue;
      if (static_cast<long long>(out.size()) == page->limit) {
        next = position - 1;
        break;
      }
      out.push_back({{"position", position},
                     {"expected_on", g.expected_on},
                     {"plan_id", g.plan_id},
                     {"constituent_id", g.constituent_id},
                     {"display_name", g.display_name},
                     {"amount", money_json(sdk::Money{g.amount_minor, g.currency})},
                     {"frequency", g.frequency},
                     {"fund_id", g.fund_id ? nlohmann::json(*g.fund_id) : nlohmann::json()},
                     {"fund_name", g.fund_name}});
    }
    return out;
  });
  if (!items) return Response::from_status(items.status());
  nlohmann::json j = page_json(items.value(), next);
  j["from"] = from.to_string();
  j["to"] = to.to_string();
  return Response::json(200, j);
}

}  // namespace

void add_recurring_revenue_routes(Api& api) {
  Router& r = api.router();
  r.add({"GET",
         "/api/v1/recurring/mrr",
         Access::kPermission,
         auth::Permission::kReadDonors,
         "Monthly recurring revenue, overall and by fund (?as_of=)",
         mrr,
         {}});
  r.add({"GET",
         "/api/v1/recurring/upcoming",
         Access::kPermission,
         auth::Permission::kReadDonors,
         "Gifts expected from active plans (?from=&to=, cursor pages by position)",
         upcoming,
         {}});
}

}  // namespace steward::http

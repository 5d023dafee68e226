// Needs coverage (docs/needs.md): for each active fund with a monthly need, what recurring
// commitments cover, what arrived in the month, the gap and the months funded ahead.
//   GET /api/v1/needs[?month=YYYY-MM | ?as_of=YYYY-MM-DD]
// `month` reports a whole month (as of its last day, or today for the current month); `as_of`
// reports the month to date; neither means today. Amounts are exact money; coverage is in
// basis points and as a percentage text rounded down ("66.6").
#include "engine/needs_service.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"

namespace steward::http {
namespace {

// ?month=YYYY-MM -> the day to report as of.
Result<std::optional<domain::Date>> month_param(const Request& r) {
  auto text = r.query_param("month");
  if (!text) return std::optional<domain::Date>();
  auto first = domain::Date::parse(*text + "-01", "month");
  if (!first || text->size() != 7) return Status::invalid_field("month", "must be YYYY-MM");
  domain::Date last(first->year(), first->month(),
                    domain::last_day_of_month(first->year(), first->month()));
  domain::Date today = domain::Date::today();
  if (first.value() <= today && today < last) return std::optional<domain::Date>(today);
  return std::optional<domain::Date>(last);
}

nlohmann::json fund_need_api_json(const engine::FundNeed& f) {
  auto money = [&](long long minor) { return money_json(sdk::Money{minor, f.currency}); };
  return {{"fund_id", f.fund_id},
          {"fund_code", f.fund_code},
          {"fund_name", f.fund_name},
          {"monthly_need", money(f.need_per_unit_minor)},
          {"people_served", f.people_served ? nlohmann::json(*f.people_served) : nullptr},
          {"need", money(f.need_minor)},
          {"committed", money(f.committed_minor)},
          {"received", money(f.received_minor)},
          {"committed_bp", f.committed_bp},
          {"committed_percent", engine::format_basis_points(f.committed_bp)},
          {"received_bp", f.received_bp},
          {"received_percent", engine::format_basis_points(f.received_bp)},
          {"gap", money(f.gap_minor)},
          {"months_ahead", f.months_ahead},
          {"received_12_months", money(f.received_12_months_minor)}};
}

Response needs(Call& call) {
  std::optional<std::string> as_of_text;
  if (Status s = date_param(call.request, "as_of", as_of_text); !s) {
    return Response::from_status(s);
  }
  auto month = month_param(call.request);
  if (!month) return Response::from_status(month.status());
  if (as_of_text && month.value()) {
    return Response::from_status(Status::invalid_field("month", "give month or as_of, not both"));
  }
  domain::Date as_of = domain::Date::today();
  if (as_of_text) as_of = domain::Date::parse(*as_of_text).value();
  if (month.value()) as_of = *month.value();
  auto report = call.db.read(
      [&](store::Unit& u) { return engine::needs_coverage(u, as_of, call.sees_restricted()); });
  if (!report) return Response::from_status(report.status());
  nlohmann::json funds = nlohmann::json::array();
  for (const auto& f : report->funds) funds.push_back(fund_need_api_json(f));
  return Response::json(200, {{"as_of", report->as_of},
                              {"month_start", report->month_start},
                              {"year_start", report->year_start},
                              {"funds", funds},
                              {"includes_restricted", call.sees_restricted()}});
}

}  // namespace

void add_needs_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/needs",
                    Access::kPermission,
                    auth::Permission::kReadDonors,
                    "Needs coverage per fund for a month (?month=YYYY-MM or ?as_of=)",
                    needs,
                    {}});
}

}  // namespace steward::http

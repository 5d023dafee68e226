#include "store/campaign_results.hpp"

#include "store/campaign_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::store::campaigns {
namespace {

// Columns: appeal key (0 = none), raised, gifts, donors, gifts in another currency.
const char* const kTallySelect =
    " SUM(CASE WHEN currency = :c1 THEN amount_minor - refunded_minor"
    " WHEN base_currency = :c2 THEN base_amount_minor - base_refunded_minor ELSE 0 END),"
    " SUM(CASE WHEN currency = :c3 OR base_currency = :c4 THEN 1 ELSE 0 END),"
    " COUNT(DISTINCT CASE WHEN currency = :c5 OR base_currency = :c6 THEN constituent_id END),"
    " SUM(CASE WHEN currency = :c7 OR base_currency = :c8 THEN 0 ELSE 1 END)"
    " FROM gifts WHERE campaign_id = :id AND deleted_at IS NULL"
    " AND status IN ('completed', 'partially_refunded')"
    " AND (:all = 1 OR constituent_id NOT IN"
    " (SELECT id FROM constituents WHERE restricted = (1 = 1)))";

Tally tally_from(RowReader& r) {
  Tally t;
  t.raised_minor = r.opt_integer().value_or(0);
  t.gift_count = r.opt_integer().value_or(0);
  t.donor_count = r.opt_integer().value_or(0);
  t.other_currency_gifts = r.opt_integer().value_or(0);
  return t;
}

}  // namespace

Result<Results> results(Unit& unit, long long campaign_id, bool include_restricted) {
  auto campaign = get(unit, campaign_id);
  if (!campaign) return campaign.status();
  Results out;
  out.campaign_id = campaign_id;
  out.currency = campaign->currency;
  const std::string& c = out.currency;
  const int all = include_restricted ? 1 : 0;
  {
    soci::row row;
    unit.sql() << std::string("SELECT 0,") + kTallySelect, soci::use(c), soci::use(c), soci::use(c),
        soci::use(c), soci::use(c), soci::use(c), soci::use(c), soci::use(c),
        soci::use(campaign_id), soci::use(all), soci::into(row);
    RowReader r(row);
    r.skip();
    out.total = tally_from(r);
  }
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string("SELECT COALESCE(appeal_id, 0) AS a,") + kTallySelect +
                                 " GROUP BY COALESCE(appeal_id, 0) ORDER BY 1",
       soci::use(c), soci::use(c), soci::use(c), soci::use(c), soci::use(c), soci::use(c),
       soci::use(c), soci::use(c), soci::use(campaign_id), soci::use(all));
  for (const auto& row : rows) {
    RowReader r(row);
    long long appeal = r.integer();
    Tally t = tally_from(r);
    if (appeal == 0) {
      out.no_appeal = t;
    } else {
      out.by_appeal.push_back({appeal, t});
    }
  }
  return out;
}

}  // namespace steward::store::campaigns

#include "store/dashboard_queries.hpp"

#include "store/row_reader.hpp"

namespace steward::store::dashboard {
namespace {

// Gifts that count as giving, joined to their donor as c (bind :all first, 1 = everyone).
constexpr const char* kCountedGifts =
    " FROM gifts g JOIN constituents c ON c.id = g.constituent_id"
    " WHERE g.deleted_at IS NULL AND g.status IN ('completed', 'partially_refunded')"
    " AND (:all = 1 OR c.restricted = FALSE)";

}  // namespace

std::vector<DayTotal> giving_by_day(Unit& unit, const std::string& from, const std::string& to,
                                    bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string("SELECT g.received_on, COUNT(*),"
                                         " SUM(g.base_amount_minor - g.base_refunded_minor)") +
                                 kCountedGifts +
                                 " AND g.received_on >= :from AND g.received_on <= :to"
                                 " GROUP BY g.received_on ORDER BY g.received_on",
       soci::use(all), soci::use(from), soci::use(to));
  std::vector<DayTotal> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    DayTotal d;
    d.day = r.date();
    d.gift_count = r.integer();
    d.net_minor = r.opt_integer().value_or(0);
    out.push_back(std::move(d));
  }
  return out;
}

DonorCounts donor_counts(Unit& unit, const std::string& year_start, const std::string& as_of,
                         const std::string& last_year_start, const std::string& last_year_end,
                         bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string(
                                 "SELECT g.constituent_id, MIN(g.received_on),"
                                 " SUM(CASE WHEN g.received_on >= :lys AND g.received_on <= :lye"
                                 " THEN 1 ELSE 0 END),"
                                 " SUM(CASE WHEN g.received_on >= :ys AND g.received_on <= :asof"
                                 " THEN 1 ELSE 0 END)") +
                                 kCountedGifts +
                                 " AND g.received_on <= :asof2 GROUP BY g.constituent_id",
       soci::use(last_year_start), soci::use(last_year_end), soci::use(year_start),
       soci::use(as_of), soci::use(all), soci::use(as_of));
  DonorCounts counts;
  for (const soci::row& row : rows) {
    RowReader r(row);
    r.skip();
    const std::string first = r.date();
    const bool last_year = r.opt_integer().value_or(0) > 0;
    const bool this_year = r.opt_integer().value_or(0) > 0;
    if (first >= year_start) ++counts.new_donors;
    if (last_year) ++counts.last_year_donors;
    if (last_year && this_year) ++counts.retained;
    if (last_year && !this_year) ++counts.lapsed;
  }
  return counts;
}

long long unacknowledged_count(Unit& unit, bool include_restricted,
                               const std::string& received_until) {
  const int all = include_restricted ? 1 : 0;
  long long count = 0;
  unit.sql() << std::string("SELECT COUNT(*)") + kCountedGifts +
                    " AND g.acknowledged_at IS NULL AND g.received_on <= :until",
      soci::into(count), soci::use(all), soci::use(received_until);
  return count;
}

std::vector<RecentGift> recent_gifts(Unit& unit, int limit, bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT g.id, g.constituent_id, c.display_name, g.received_on, g.amount_minor,"
              " g.currency FROM gifts g JOIN constituents c ON c.id = g.constituent_id"
              " WHERE g.deleted_at IS NULL AND (:all = 1 OR c.restricted = FALSE)"
              " ORDER BY g.received_on DESC, g.id DESC LIMIT :limit",
       soci::use(all), soci::use(limit));
  std::vector<RecentGift> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    RecentGift g;
    g.id = r.integer();
    g.constituent_id = r.integer();
    g.constituent_name = r.text();
    g.received_on = r.date();
    g.amount_minor = r.integer();
    g.currency = r.text();
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<OpenTask> open_tasks(Unit& unit, const std::string& assignee, int limit,
                                 bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT t.id, t.title, t.due_on, t.constituent_id, c.display_name FROM tasks t"
              " LEFT JOIN constituents c ON c.id = t.constituent_id"
              " WHERE t.assignee = :assignee AND t.status = 'open' AND t.deleted_at IS NULL"
              " AND (t.constituent_id IS NULL OR :all = 1 OR c.restricted = FALSE)"
              " ORDER BY CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.id"
              " LIMIT :limit",
       soci::use(assignee), soci::use(all), soci::use(limit));
  std::vector<OpenTask> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    OpenTask t;
    t.id = r.integer();
    t.title = r.text();
    t.due_on = r.opt_date();
    t.constituent_id = r.opt_integer();
    t.constituent_name = r.opt_text();
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<CommittedPlan> committed_plans(Unit& unit, const std::string& as_of,
                                           bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT p.amount_minor, p.currency, p.frequency, p.fund_id FROM recurring_plans p"
              " JOIN constituents c ON c.id = p.constituent_id"
              " WHERE p.status IN ('active', 'failing')"
              " AND (p.ends_on IS NULL OR p.ends_on >= :as_of)"
              " AND (:all = 1 OR c.restricted = FALSE) ORDER BY p.id",
       soci::use(as_of), soci::use(all));
  std::vector<CommittedPlan> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    CommittedPlan p;
    p.amount_minor = r.integer();
    p.currency = r.text();
    p.frequency = r.text();
    p.fund_id = r.opt_integer();
    out.push_back(std::move(p));
  }
  return out;
}

std::map<long long, long long> restricted_received_by_fund(
    Unit& unit, const std::string& from, const std::string& to,
    const std::map<long long, std::string>& fund_currency) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT a.fund_id, a.amount_minor, a.refunded_minor, g.currency, g.amount_minor,"
              " g.base_currency, g.base_amount_minor, g.base_refunded_minor"
              " FROM gift_allocations a JOIN gifts g ON g.id = a.gift_id"
              " JOIN constituents c ON c.id = g.constituent_id"
              " WHERE c.restricted = TRUE AND g.deleted_at IS NULL"
              " AND g.status IN ('completed', 'partially_refunded')"
              " AND g.received_on >= :from AND g.received_on <= :to",
       soci::use(from), soci::use(to));
  std::map<long long, long long> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    const long long fund_id = r.integer();
    const long long amount = r.integer();
    const long long refunded = r.integer();
    const std::string currency = r.text();
    const long long gift_amount = r.integer();
    const std::string base_currency = r.text();
    const long long base_net = r.integer() - r.integer();
    auto fund = fund_currency.find(fund_id);
    if (fund == fund_currency.end()) continue;
    if (currency == fund->second) {
      out[fund_id] += amount - refunded;
    } else if (base_currency == fund->second && gift_amount > 0) {
      out[fund_id] += amount * base_net / gift_amount;
    }
  }
  return out;
}

}  // namespace steward::store::dashboard

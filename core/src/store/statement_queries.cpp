#include "store/statement_queries.hpp"

#include "store/row_reader.hpp"

namespace steward::store::statement_queries {
namespace {

const char* kCounted =
    "g.deleted_at IS NULL AND g.status IN ('completed', 'partially_refunded') AND "
    "g.amount_minor - g.refunded_minor > 0";

}  // namespace

Result<std::vector<long long>> donors(Unit& unit, const std::string& from, const std::string& to,
                                      std::optional<long long> only) {
  long long one = only.value_or(0);
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT DISTINCT g.constituent_id FROM gifts g JOIN constituents c "
                             "ON c.id = g.constituent_id WHERE c.deleted_at IS NULL AND " +
                                 std::string(kCounted) +
                                 " AND g.received_on >= :f AND g.received_on <= :t AND "
                                 "(:one = 0 OR g.constituent_id = :one2) "
                                 "ORDER BY g.constituent_id",
       soci::use(from), soci::use(to), soci::use(one), soci::use(one));
  for (const auto& row : rows) {
    RowReader r(row);
    out.push_back(r.integer());
  }
  return out;
}

Result<std::vector<StatementGift>> gifts(Unit& unit, long long constituent_id,
                                         const std::string& from, const std::string& to) {
  std::vector<StatementGift> out;
  {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT g.id, g.received_on, g.amount_minor - g.refunded_minor, "
                               "g.currency, g.payment_method, g.in_kind_description FROM gifts g "
                               "WHERE g.constituent_id = :c AND " +
                                   std::string(kCounted) +
                                   " AND g.received_on >= :f AND g.received_on <= :t "
                                   "ORDER BY g.received_on, g.id",
         soci::use(constituent_id), soci::use(from), soci::use(to));
    for (const auto& row : rows) {
      RowReader r(row);
      StatementGift g;
      g.gift_id = r.integer();
      g.received_on = r.date();
      g.net_minor = r.integer();
      g.currency = r.text();
      g.payment_method = r.text();
      g.in_kind_description = r.opt_text();
      out.push_back(g);
    }
  }
  for (auto& g : out) {
    soci::rowset<soci::row> funds =
        (unit.sql().prepare << "SELECT f.name FROM gift_allocations a JOIN funds f ON f.id = "
                               "a.fund_id WHERE a.gift_id = :g ORDER BY a.id",
         soci::use(g.gift_id));
    for (const auto& row : funds) {
      RowReader r(row);
      g.funds.push_back(r.text());
    }
  }
  return out;
}

}  // namespace steward::store::statement_queries

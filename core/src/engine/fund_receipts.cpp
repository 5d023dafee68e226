#include "engine/fund_receipts.hpp"

#include <cstdint>
#include <vector>

#include "domain/money.hpp"
#include "store/row_reader.hpp"

namespace steward::engine {
namespace {

struct Allocation {
  long long fund_id = 0;
  long long amount_minor = 0;
};

struct GiftRow {
  long long id = 0;
  std::string currency;
  long long amount_minor = 0;
  long long net_minor = 0;  // amount - refunded
  std::string base_currency;
  long long base_net_minor = 0;
  std::vector<Allocation> allocations;
};

void add_gift(const GiftRow& gift, const std::map<long long, std::string>& fund_currency,
              std::map<long long, long long>& out) {
  std::vector<std::int64_t> weights;
  long long allocated = 0;
  for (const Allocation& a : gift.allocations) {
    weights.push_back(a.amount_minor);
    allocated += a.amount_minor;
  }
  // An unallocated remainder of the gift takes its share of the refund too.
  if (gift.amount_minor > allocated) weights.push_back(gift.amount_minor - allocated);
  std::vector<std::int64_t> in_gift_currency =
      domain::split_proportionally(gift.net_minor, weights);
  std::vector<std::int64_t> in_base = domain::split_proportionally(gift.base_net_minor, weights);
  for (std::size_t i = 0; i < gift.allocations.size(); ++i) {
    const long long fund = gift.allocations[i].fund_id;
    auto currency = fund_currency.find(fund);
    if (currency == fund_currency.end()) continue;
    if (currency->second == gift.currency) {
      out[fund] += in_gift_currency[i];
    } else if (currency->second == gift.base_currency) {
      out[fund] += in_base[i];
    }
  }
}

}  // namespace

std::map<long long, long long> net_received_by_fund(
    store::Unit& unit, const domain::Date& from, const domain::Date& to,
    const std::map<long long, std::string>& fund_currency, bool include_restricted) {
  const int all = include_restricted ? 1 : 0;
  const std::string from_text = from.to_string();
  const std::string to_text = to.to_string();
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT g.id, g.currency, g.amount_minor, g.amount_minor - g.refunded_minor, "
              " g.base_currency, "
              "g.base_amount_minor - g.base_refunded_minor, a.fund_id, a.amount_minor "
              "FROM gifts g JOIN gift_allocations a ON a.gift_id = g.id "
              "WHERE g.deleted_at IS NULL AND g.status IN ('completed', 'partially_refunded') "
              "AND g.received_on >= :from AND g.received_on <= :to "
              "AND (:all = 1 OR g.constituent_id NOT IN"
              " (SELECT id FROM constituents WHERE restricted = (1 = 1))) ORDER BY g.id, a.id",
       soci::use(from_text), soci::use(to_text), soci::use(all));
  std::map<long long, long long> out;
  GiftRow gift;
  for (const soci::row& row : rows) {
    store::RowReader r(row);
    const long long id = r.integer();
    if (id != gift.id) {
      if (gift.id != 0) add_gift(gift, fund_currency, out);
      gift = GiftRow{};
      gift.id = id;
      gift.currency = r.text();
      gift.amount_minor = r.integer();
      gift.net_minor = r.integer();
      gift.base_currency = r.text();
      gift.base_net_minor = r.integer();
    } else {
      r.skip(5);
    }
    Allocation a;
    a.fund_id = r.integer();
    a.amount_minor = r.integer();
    gift.allocations.push_back(a);
  }
  if (gift.id != 0) add_gift(gift, fund_currency, out);
  return out;
}

}  // namespace steward::engine

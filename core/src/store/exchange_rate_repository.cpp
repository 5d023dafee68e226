#include "store/exchange_rate_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"

namespace steward::store::exchange_rates {
namespace {

constexpr const char* kExchangeRateSelect =
    "SELECT id, currency, rate_on, rate, base_currency FROM exchange_rates ";

ExchangeRate exchange_rate_read(const soci::row& row) {
  RowReader r(row);
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)};
}

nlohmann::json exchange_rate_to_json(const ExchangeRate& r) {
  return {{"currency", r.currency},
          {"rate_on", r.rate_on},
          {"rate", r.rate},
          {"base_currency", r.base_currency}};
}

// A positive decimal with '.' (what domain::convert accepts), up to 12 fraction digits.
Status check_rate(const std::string& rate) {
  if (rate.empty() || rate.size() > 30) {
    return Status::invalid_field("rate", "must be a positive decimal like 1.0875");
  }
  bool digit = false;
  bool nonzero = false;
  bool dot = false;
  std::size_t decimals = 0;
  for (char c : rate) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
      nonzero = nonzero || c != '0';
      if (dot) ++decimals;
    } else {
      return Status::invalid_field("rate", "'" + rate + "' is not a decimal like 1.0875");
    }
  }
  if (!digit || !nonzero || decimals > 12) {
    return Status::invalid_field("rate", "must be a positive decimal with at most 12 decimals");
  }
  return Status::ok();
}

}  // namespace

Result<ExchangeRate> set(Unit& unit, const std::string& currency, const std::string& rate_on,
                         const std::string& rate) {
  if (!domain::is_valid_currency(currency)) {
    return Status::invalid_field("currency", "'" + currency + "' is not an ISO 4217 code");
  }
  if (Status s = domain::require_date("rate_on", rate_on); !s) return s;
  if (Status s = check_rate(rate); !s) return s;
  auto org = settings::get(unit);
  if (!org) return org.status();
  if (org->base_currency == currency) {
    return Status::invalid_field("currency", "is the base currency; its rate is always 1");
  }
  if (auto probe = domain::convert({100, currency}, org->base_currency, rate); !probe) {
    return Status::invalid_field("rate", probe.status().message());
  }
  std::string now = domain::utc_now_iso();
  std::optional<ExchangeRate> before;
  {
    soci::rowset<soci::row> rs = (unit.sql().prepare << std::string(kExchangeRateSelect) +
                                                            "WHERE currency = :c AND rate_on = :d",
                                  soci::use(currency), soci::use(rate_on));
    for (const soci::row& row : rs) before = exchange_rate_read(row);
  }
  ExchangeRate out{0, currency, rate_on, rate, org->base_currency};
  if (before) {
    out.id = before->id;
    unit.sql() << "UPDATE exchange_rates SET rate = :r, base_currency = :b, updated_at = :u "
                  "WHERE id = :id",
        soci::use(rate), soci::use(out.base_currency), soci::use(now), soci::use(out.id);
    record_audit(unit, "update", "exchange_rate", out.id, exchange_rate_to_json(*before),
                 exchange_rate_to_json(out));
    return out;
  }
  std::string actor = unit.actor().name;
  unit.sql() << "INSERT INTO exchange_rates (currency, rate_on, rate, base_currency, created_by, "
                "created_at, updated_at) VALUES (:c, :d, :r, :b, :a, :n, :u) RETURNING id",
      soci::use(currency), soci::use(rate_on), soci::use(rate), soci::use(out.base_currency),
      soci::use(actor), soci::use(now), soci::use(now), soci::into(out.id);
  record_audit(unit, "create", "exchange_rate", out.id, nullptr, exchange_rate_to_json(out));
  return out;
}

Result<std::optional<ExchangeRate>> find_on_or_before(Unit& unit, const std::string& currency,
                                                      const std::string& on) {
  auto org = settings::get(unit);
  if (!org) return org.status();
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << std::string(kExchangeRateSelect) +
                                 "WHERE currency = :c AND base_currency = :b AND rate_on <= :d "
                                 "ORDER BY rate_on DESC LIMIT 1",
       soci::use(currency), soci::use(org->base_currency), soci::use(on));
  for (const soci::row& row : rs) return std::optional<ExchangeRate>(exchange_rate_read(row));
  return std::optional<ExchangeRate>();
}

Result<std::vector<ExchangeRate>> list(Unit& unit) {
  std::vector<ExchangeRate> out;
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << std::string(kExchangeRateSelect) + "ORDER BY currency, rate_on");
  for (const soci::row& row : rs) out.push_back(exchange_rate_read(row));
  return out;
}

}  // namespace steward::store::exchange_rates

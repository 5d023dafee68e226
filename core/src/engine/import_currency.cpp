// Matcher::convert: a payment in another currency than the organisation's (decision 0154).
#include "domain/money.hpp"
#include "engine/import_matcher.hpp"
#include "store/exchange_rate_repository.hpp"

namespace steward::engine::imports {

Status Matcher::convert(store::Unit& unit, const sdk::PaymentRecord& record, RowPlan& plan) const {
  const std::string& currency = record.amount.currency;
  if (currency == base_currency_) return Status::ok();
  if (record.converted_amount && record.converted_amount->currency == base_currency_ &&
      record.converted_amount->minor > 0) {
    plan.base_amount = record.converted_amount;
    return Status::ok();
  }
  auto rate = store::exchange_rates::find_on_or_before(unit, currency, record.date.iso());
  if (!rate) return rate.status();
  if (*rate && domain::convert(record.amount, base_currency_, (*rate)->rate)) {
    plan.exchange_rate = (*rate)->rate;
    return Status::ok();
  }
  plan.needs_rate = true;
  plan.message = "amount.currency: " + currency + " differs from the base currency " +
                 base_currency_ + ", the file gives no " + base_currency_ +
                 " amount and there is no " + currency + " rate on or before " + record.date.iso() +
                 "; add one with `steward import rates set " + currency + " " + record.date.iso() +
                 " RATE`, then `steward import resume`";
  return Status::ok();
}

}  // namespace steward::engine::imports

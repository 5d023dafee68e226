#include "domain/gift.hpp"

#include <set>
#include <utility>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"

namespace steward::domain {
namespace {

std::string gift_at(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

Status check_money_in(const std::string& field, const sdk::Money& m, const std::string& currency) {
  if (Status s = require_positive_money(field, m); !s) return s;
  if (m.currency != currency) {
    return Status::invalid_field(field + ".currency",
                                 "must be " + currency + ", the gift's currency");
  }
  return Status::ok();
}

Status check_allocations(const GiftInput& g) {
  if (g.allocations.empty()) {
    return Status::invalid_field("allocations", "a gift needs at least one fund allocation");
  }
  std::set<long long> funds;
  long long sum = 0;
  for (std::size_t i = 0; i < g.allocations.size(); ++i) {
    const Allocation& a = g.allocations[i];
    if (a.fund_id <= 0)
      return Status::invalid_field(gift_at("allocations", i, "fund_id"), "required");
    if (!funds.insert(a.fund_id).second) {
      return Status::invalid_field(gift_at("allocations", i, "fund_id"),
                                   "fund " + std::to_string(a.fund_id) + " is allocated twice");
    }
    if (Status s = check_money_in(gift_at("allocations", i, "amount"), a.amount, g.amount.currency);
        !s)
      return s;
    if (__builtin_add_overflow(sum, a.amount.minor, &sum)) {
      return Status::invalid_field(gift_at("allocations", i, "amount"), "too large");
    }
  }
  if (sum != g.amount.minor) {
    return Status::invalid_field("allocations", "allocations add up to " +
                                                    format_decimal({sum, g.amount.currency}) +
                                                    " but the gift is " + format_decimal(g.amount));
  }
  return Status::ok();
}

Status check_soft_credits(const GiftInput& g) {
  std::set<std::pair<long long, std::string>> seen;
  for (std::size_t i = 0; i < g.soft_credits.size(); ++i) {
    const SoftCredit& c = g.soft_credits[i];
    if (c.constituent_id <= 0)
      return Status::invalid_field(gift_at("soft_credits", i, "constituent_id"), "required");
    if (c.constituent_id == g.constituent_id) {
      return Status::invalid_field(gift_at("soft_credits", i, "constituent_id"),
                                   "the donor already has the hard credit");
    }
    if (Status s =
            check_money_in(gift_at("soft_credits", i, "amount"), c.amount, g.amount.currency);
        !s)
      return s;
    if (c.amount.minor > g.amount.minor) {
      return Status::invalid_field(gift_at("soft_credits", i, "amount"),
                                   "cannot exceed the gift amount " + format_decimal(g.amount));
    }
    if (Status s = require_one_of(
            gift_at("soft_credits", i, "role"), c.role,
            {"household_member", "solicitor", "church", "matching_employer", "tribute", "other"});
        !s)
      return s;
    if (!seen.insert({c.constituent_id, c.role}).second) {
      return Status::invalid_field(gift_at("soft_credits", i, "constituent_id"),
                                   "soft-credited twice with the same role");
    }
  }
  return Status::ok();
}

Status check_dates(const GiftInput& g) {
  if (Status s = require_date("received_on", g.received_on); !s) return s;
  auto d = Date::parse(g.received_on, "received_on");
  if (!d) return d.status();
  if (d->year() < 1900) return Status::invalid_field("received_on", "is before 1900");
  if (*d > Date::today().add_days(1)) {
    return Status::invalid_field("received_on", "is in the future");
  }
  return Status::ok();
}

Status check_base(const GiftInput& g) {
  if (g.base_amount) {
    if (!is_valid_currency(g.base_amount->currency)) {
      return Status::invalid_field("base_amount.currency", "unknown currency");
    }
    if (g.base_amount->minor < 0) return Status::invalid_field("base_amount", "cannot be negative");
  }
  if (g.exchange_rate) {
    auto probe = convert(g.amount, g.amount.currency, *g.exchange_rate);
    if (!probe) return Status::invalid_field("exchange_rate", "is not a positive decimal number");
  }
  return Status::ok();
}

}  // namespace

bool is_payment_method(const std::string& m) {
  return require_one_of("payment_method", m,
                        {"cash", "check", "card", "ach", "wire", "stock", "in_kind", "other"})
      .is_ok();
}

bool is_acknowledgment_method(const std::string& m) {
  return require_one_of("method", m, {"email", "letter", "phone", "in_person", "other"}).is_ok();
}

Status validate(const GiftInput& g) {
  if (g.constituent_id <= 0) return Status::invalid_field("constituent_id", "required");
  if (Status s = check_dates(g); !s) return s;
  if (Status s = require_positive_money("amount", g.amount); !s) return s;
  if (g.fee_minor < 0 || g.fee_minor > g.amount.minor) {
    return Status::invalid_field("fee", "must be between 0 and the gift amount");
  }
  Status s = first_error(
      {check_base(g),
       require_one_of("payment_method", g.payment_method,
                      {"cash", "check", "card", "ach", "wire", "stock", "in_kind", "other"}),
       require_one_of("status", g.status, {"completed", "pending", "failed"}),
       check_text("check_number", g.check_number, 40), check_text("source", g.source, 100),
       check_text("external_id", g.external_id, 200),
       check_text("in_kind_description", g.in_kind_description, 4000, true),
       check_text("notes", g.notes, 10000, true),
       check_text("idempotency_key", g.idempotency_key, 200)});
  if (!s) return s;
  if (g.external_id && !g.source) {
    return Status::invalid_field("source", "required with external_id");
  }
  if (g.idempotency_key && g.idempotency_key->empty()) {
    return Status::invalid_field("idempotency_key", "cannot be empty");
  }
  if (g.tribute) {
    s = first_error({require_one_of("tribute.type", g.tribute->type, {"in_honor", "in_memory"}),
                     require_text("tribute.name", g.tribute->name),
                     check_text("tribute.notify_name", g.tribute->notify_name)});
    if (!s) return s;
  }
  if (Status a = check_allocations(g); !a) return a;
  return check_soft_credits(g);
}

}  // namespace steward::domain

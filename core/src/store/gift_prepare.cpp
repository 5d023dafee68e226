// Checks of a gift against the database and the values derived for writing it.
#include <cstdint>
#include <cstdio>

#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "store/batch_repository.hpp"
#include "store/gift_rows.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::gifts::detail {
namespace {

bool exists(Unit& unit, const std::string& sql, long long id) {
  long long n = 0;
  unit.sql() << sql, soci::use(id), soci::into(n);
  return n > 0;
}

Status gift_check_references(Unit& unit, const domain::GiftInput& in) {
  const std::string person =
      "SELECT COUNT(*) FROM constituents WHERE id = :id AND deleted_at IS NULL";
  if (!exists(unit, person, in.constituent_id)) {
    return Status::invalid_field(
        "constituent_id", "constituent " + std::to_string(in.constituent_id) + " does not exist");
  }
  for (std::size_t i = 0; i < in.allocations.size(); ++i) {
    if (!exists(unit, "SELECT COUNT(*) FROM funds WHERE id = :id", in.allocations[i].fund_id)) {
      return Status::invalid_field(
          "allocations[" + std::to_string(i) + "].fund_id",
          "fund " + std::to_string(in.allocations[i].fund_id) + " does not exist");
    }
  }
  for (std::size_t i = 0; i < in.soft_credits.size(); ++i) {
    if (!exists(unit, person, in.soft_credits[i].constituent_id)) {
      return Status::invalid_field(
          "soft_credits[" + std::to_string(i) + "].constituent_id",
          "constituent " + std::to_string(in.soft_credits[i].constituent_id) + " does not exist");
    }
  }
  auto check_opt = [&](const char* field, const char* table, const std::optional<long long>& v) {
    if (v && !exists(unit, std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = :id", *v))
      return Status::invalid_field(
          field, std::string(table) + " row " + std::to_string(*v) + " does not exist");
    return Status::ok();
  };
  return domain::first_error(
      {check_opt("campaign_id", "campaigns", in.campaign_id),
       check_opt("appeal_id", "appeals", in.appeal_id),
       check_opt("recurring_plan_id", "recurring_plans", in.recurring_plan_id),
       check_opt("pledge_id", "pledges", in.pledge_id)});
}

Status check_batch(Unit& unit, const domain::GiftInput& in) {
  if (!in.batch_id) return Status::ok();
  if (Status s = batches::require_open(unit, *in.batch_id); !s) {
    if (s.code() == StatusCode::kNotFound) return Status::invalid_field("batch_id", s.message());
    return s;
  }
  std::string currency;
  unit.sql() << "SELECT currency FROM gift_batches WHERE id = :id", soci::use(*in.batch_id),
      soci::into(currency);
  if (currency != in.amount.currency) {
    return Status::invalid_field("amount.currency",
                                 "batch " + std::to_string(*in.batch_id) + " is in " + currency);
  }
  return Status::ok();
}

Status check_external_id(Unit& unit, const domain::GiftInput& in, long long self) {
  if (!in.source || !in.external_id) return Status::ok();
  long long other = 0;
  unit.sql() << "SELECT COALESCE(MAX(id), 0) FROM gifts WHERE source = :s AND external_id = :e "
                "AND id <> :self",
      soci::use(*in.source), soci::use(*in.external_id), soci::use(self), soci::into(other);
  if (other > 0) {
    return Status::conflict("a gift from source '" + *in.source + "' with external_id '" +
                            *in.external_id + "' is already recorded (gift " +
                            std::to_string(other) + ")");
  }
  return Status::ok();
}

Status resolve_base(Unit& unit, const domain::GiftInput& in, Prepared& out) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  out.base_currency = settings->base_currency;
  if (in.amount.currency == out.base_currency) {
    if (in.base_amount && !(*in.base_amount == in.amount)) {
      return Status::invalid_field("base_amount",
                                   "must equal the amount for a gift in the base currency");
    }
    out.base_minor = in.amount.minor;
    out.exchange_rate = "1";
    return Status::ok();
  }
  if (in.base_amount) {
    if (in.base_amount->currency != out.base_currency) {
      return Status::invalid_field("base_amount.currency",
                                   "must be the base currency " + out.base_currency);
    }
    out.base_minor = in.base_amount->minor;
    out.exchange_rate = in.exchange_rate.value_or("");
    return Status::ok();
  }
  if (in.exchange_rate) {
    auto converted = domain::convert(in.amount, out.base_currency, *in.exchange_rate);
    if (!converted) return Status::invalid_field("exchange_rate", converted.status().message());
    out.base_minor = converted->minor;
    out.exchange_rate = *in.exchange_rate;
    return Status::ok();
  }
  return Status::invalid_field(
      "base_amount", "required (or exchange_rate) when the currency " + in.amount.currency +
                         " differs from the base currency " + out.base_currency);
}

// Current household members other than the donor get a household_member soft credit for the
// full amount unless the input already credits them.
void add_household_credits(Unit& unit, const domain::GiftInput& in, Prepared& out) {
  out.soft_credits = in.soft_credits;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT o.member_id FROM household_members me "
                             "JOIN household_members o ON o.household_id = me.household_id "
                             "AND o.ended_on IS NULL AND o.member_id <> me.member_id "
                             "WHERE me.member_id = :d AND me.ended_on IS NULL ORDER BY o.member_id",
       soci::use(in.constituent_id));
  for (const soci::row& row : rows) {
    long long member = RowReader(row).integer(0);
    bool explicit_credit = false;
    for (const auto& c : in.soft_credits) explicit_credit |= c.constituent_id == member;
    if (!explicit_credit) out.soft_credits.push_back({member, in.amount, "household_member"});
  }
}

}  // namespace

Result<Prepared> prepare(Unit& unit, const domain::GiftInput& input, long long self) {
  Prepared out;
  Status s = domain::first_error({gift_check_references(unit, input), check_batch(unit, input),
                                  check_external_id(unit, input, self)});
  if (!s) return s;
  if (Status b = resolve_base(unit, input, out); !b) return b;
  add_household_credits(unit, input, out);
  return out;
}

void insert_children(Unit& unit, long long id, const domain::GiftInput& input,
                     const std::vector<domain::SoftCredit>& credits) {
  for (const auto& a : input.allocations) {
    unit.sql() << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor, refunded_minor) "
                  "VALUES (:g, :f, :a, 0)",
        soci::use(id), soci::use(a.fund_id), soci::use(a.amount.minor);
  }
  for (const auto& c : credits) {
    unit.sql() << "INSERT INTO soft_credits (gift_id, constituent_id, amount_minor, role) "
                  "VALUES (:g, :c, :a, :r)",
        soci::use(id), soci::use(c.constituent_id), soci::use(c.amount.minor), soci::use(c.role);
  }
}

std::string request_hash(const domain::GiftInput& input) {
  std::string text = input_json(input).dump();
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + buf;
}

}  // namespace steward::store::gifts::detail

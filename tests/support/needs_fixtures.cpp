#include "support/needs_fixtures.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "store/fund_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::testing::needs {
namespace {

const store::Actor kFixtureActor{"test:fixtures", ""};

long long checked(const Result<long long>& r) {
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : 0;
}

}  // namespace

long long make_fund(store::Database& db, const store::Actor& actor, const FundSpec& spec) {
  domain::FundInput in;
  in.code = spec.code;
  in.name = spec.name;
  in.active = spec.active;
  if (spec.monthly_need_minor)
    in.monthly_need = sdk::Money{*spec.monthly_need_minor, spec.currency};
  in.people_served = spec.people_served;
  auto made = db.write(actor, [&](store::Unit& u) { return store::funds::create(u, in); });
  EXPECT_TRUE(made.is_ok()) << made.status().to_string();
  return made.is_ok() ? made->id : 0;
}

DemoFunds make_demo_funds(store::Database& db, const store::Actor& actor) {
  DemoFunds d;
  d.medical = make_fund(db, actor, {"MEDICAL", "Financial and Medical Support", 5000, "USD", 12});
  d.transport = make_fund(db, actor, {"TRANSPORT", "Secure Transportation", 20000, "USD", {}});
  d.church = make_fund(db, actor, {"CHURCH", "Community and Church-Building", 100000, "USD", {}});
  return d;
}

long long make_constituent(store::Database& db, const std::string& display_name) {
  return checked(db.write(kFixtureActor, [&](store::Unit& u) -> Result<long long> {
    long long id = 0;
    std::string now = domain::utc_now_iso();
    u.sql() << "INSERT INTO constituents (kind, display_name, sort_name, created_at, updated_at) "
               "VALUES ('individual', :name, :sort, :created, :updated) RETURNING id",
        soci::use(display_name), soci::use(display_name), soci::use(now), soci::use(now),
        soci::into(id);
    return id;
  }));
}

long long make_plan(store::Database& db, const PlanSpec& spec) {
  return checked(db.write(kFixtureActor, [&](store::Unit& u) -> Result<long long> {
    long long id = 0;
    std::string now = domain::utc_now_iso();
    u.sql() << "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, frequency, "
               "anchor_day, starts_on, ends_on, status, fund_id, created_at, updated_at) VALUES "
               "(:c, :amount, :currency, :frequency, :anchor, :starts, :ends, :status, :fund, "
               ":created, :updated) RETURNING id",
        soci::use(spec.constituent_id), soci::use(spec.amount_minor), soci::use(spec.currency),
        soci::use(spec.frequency), soci::use(spec.anchor_day), soci::use(spec.starts_on),
        soci::use(spec.ends_on), soci::use(spec.status), soci::use(spec.fund_id), soci::use(now),
        soci::use(now), soci::into(id);
    return id;
  }));
}

long long make_gift(store::Database& db, const GiftSpec& spec) {
  return checked(db.write(kFixtureActor, [&](store::Unit& u) -> Result<long long> {
    long long id = 0;
    std::string now = domain::utc_now_iso();
    long long base_amount = spec.base_amount_minor.value_or(spec.amount_minor);
    long long base_refunded = spec.base_refunded_minor.value_or(spec.refunded_minor);
    std::optional<std::string> deleted_at;
    if (spec.deleted) deleted_at = now;
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, refunded_minor, base_refunded_minor, "
               "payment_method, status, created_at, updated_at, deleted_at) VALUES (:c, "
               ":received, :amount, :currency, :base, :base_currency, :refunded, "
               ":base_refunded, 'check', :status, :created, :updated, :deleted) RETURNING id",
        soci::use(spec.constituent_id), soci::use(spec.received_on), soci::use(spec.amount_minor),
        soci::use(spec.currency), soci::use(base_amount), soci::use(spec.base_currency),
        soci::use(spec.refunded_minor), soci::use(base_refunded), soci::use(spec.status),
        soci::use(now), soci::use(now), soci::use(deleted_at), soci::into(id);
    for (const auto& [fund, amount] : spec.allocations) {
      long long gift_id = id;
      long long fund_id = fund;
      long long amount_minor = amount;
      u.sql() << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor, created_at, "
                 "updated_at) VALUES (:g, :f, :a, :created, :updated)",
          soci::use(gift_id), soci::use(fund_id), soci::use(amount_minor), soci::use(now),
          soci::use(now);
    }
    return id;
  }));
}

}  // namespace steward::testing::needs

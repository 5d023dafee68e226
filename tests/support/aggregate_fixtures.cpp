#include "support/aggregate_fixtures.hpp"

#include <gtest/gtest.h>

#include "store/soci_optional.hpp"

namespace steward::testing {

long long insert_constituent(store::Database& db, const std::string& display_name) {
  auto id = db.write(store::Actor{"test:fixture", ""}, [&](store::Unit& u) -> Result<long long> {
    long long out = 0;
    u.sql() << "INSERT INTO constituents (kind, display_name, sort_name) "
               "VALUES ('individual', :d, :s) RETURNING id",
        soci::use(display_name), soci::use(display_name), soci::into(out);
    return out;
  });
  EXPECT_TRUE(id.is_ok()) << id.status().to_string();
  return id.is_ok() ? *id : 0;
}

long long insert_fund(store::Database& db, const std::string& code) {
  auto id = db.write(store::Actor{"test:fixture", ""}, [&](store::Unit& u) -> Result<long long> {
    long long out = 0;
    u.sql() << "INSERT INTO funds (code, name) VALUES (:c, :n) RETURNING id", soci::use(code),
        soci::use(code), soci::into(out);
    return out;
  });
  EXPECT_TRUE(id.is_ok()) << id.status().to_string();
  return id.is_ok() ? *id : 0;
}

long long insert_gift(store::Database& db, const GiftRow& g) {
  auto id = db.write(store::Actor{"test:fixture", ""}, [&](store::Unit& u) -> Result<long long> {
    long long out = 0;
    std::optional<std::string> deleted;
    if (g.deleted) deleted = "2026-01-01T00:00:00Z";
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, refunded_minor, base_refunded_minor, "
               "payment_method, status, source, external_id, pledge_id, recurring_plan_id, "
               "deleted_at) VALUES (:c, :on, :amount, :currency, :base, :base_currency, "
               ":refunded, :base_refunded, 'card', :status, :source, :external, :pledge, :plan, "
               ":deleted) RETURNING id",
        soci::use(g.constituent_id), soci::use(g.received_on), soci::use(g.amount_minor),
        soci::use(g.currency), soci::use(g.amount_minor), soci::use(g.currency),
        soci::use(g.refunded_minor), soci::use(g.refunded_minor), soci::use(g.status),
        soci::use(g.source), soci::use(g.external_id), soci::use(g.pledge_id),
        soci::use(g.recurring_plan_id), soci::use(deleted), soci::into(out);
    return out;
  });
  EXPECT_TRUE(id.is_ok()) << id.status().to_string();
  return id.is_ok() ? *id : 0;
}

}  // namespace steward::testing

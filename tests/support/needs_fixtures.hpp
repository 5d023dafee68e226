// Test data for needs coverage and recurring revenue: funds through store::funds::create,
// constituents, recurring plans and gifts with plain SQL inserts (their repositories are written
// elsewhere). Each helper runs its own unit of work and fails the test on error.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace steward::testing::needs {

struct FundSpec {
  std::string code;
  std::string name;
  std::optional<long long> monthly_need_minor;
  std::string currency = "USD";
  std::optional<long long> people_served;
  bool active = true;
};
long long make_fund(store::Database& db, const store::Actor& actor, const FundSpec& spec);

// The first organisation's three programs: Financial and Medical Support $50 per person a month
// for 12 people ($600), Secure Transportation $200, Community and Church-Building $1,000.
struct DemoFunds {
  long long medical = 0;
  long long transport = 0;
  long long church = 0;
};
DemoFunds make_demo_funds(store::Database& db, const store::Actor& actor);

long long make_constituent(store::Database& db, const std::string& display_name);

struct PlanSpec {
  long long constituent_id = 0;
  long long amount_minor = 0;
  std::string currency = "USD";
  std::string frequency = "monthly";
  int anchor_day = 1;
  std::string starts_on = "2026-01-01";
  std::optional<std::string> ends_on;
  std::string status = "active";
  std::optional<long long> fund_id;
};
long long make_plan(store::Database& db, const PlanSpec& spec);

struct GiftSpec {
  long long constituent_id = 0;
  std::string received_on;
  long long amount_minor = 0;
  std::string currency = "USD";
  std::optional<long long> base_amount_minor;  // defaults to amount_minor
  std::string base_currency = "USD";
  long long refunded_minor = 0;
  std::optional<long long> base_refunded_minor;  // defaults to refunded_minor
  std::string status = "completed";
  bool deleted = false;
  std::vector<std::pair<long long, long long>> allocations;  // (fund id, amount minor)
};
long long make_gift(store::Database& db, const GiftSpec& spec);

}  // namespace steward::testing::needs

// The demo organisation: what a person sees the first time they open Steward. A small ministry
// caring for North Korean refugee women in hiding in China, with about 500 donors (individuals
// with Korean and American names, households, churches, a few businesses and foundations),
// three years of seasonal giving up to `today`, monthly sponsors, pledges, campaigns and appeals,
// and the calls, meetings and tasks around them.
//
// The data is generated in memory from `seed` (same seed and today: same data on every machine
// and backend) and written with bound SQL in the caller's unit of work. The load appends one
// audit event ("demo_load") naming the seed and the counts; funds and settings are written
// through their repositories and audited one by one (see docs/decisions/0040-*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::engine {

struct DemoOptions {
  std::uint64_t seed = 1;
  std::optional<std::string> today;  // "YYYY-MM-DD"; default: today (UTC)
  int constituents = 500;            // 50..20000, about
  bool if_empty = false;             // on a database with constituents: do nothing (skipped)
};

struct DemoReport {
  bool skipped = false;                 // if_empty, and the database already had constituents
  long long existing_constituents = 0;  // when skipped
  std::uint64_t seed = 0;
  std::string today, first_gift_on, last_gift_on;
  long long constituents = 0, individuals = 0, households = 0, organizations = 0;
  long long emails = 0, phones = 0, addresses = 0, relationships = 0;
  long long funds = 0, campaigns = 0, appeals = 0;
  long long recurring_plans = 0, pledges = 0, gifts = 0, allocations = 0, soft_credits = 0;
  long long refunds = 0, interactions = 0, tasks = 0, tags = 0, stage_changes = 0;
  std::int64_t total_given_minor = 0;  // base currency, net of refunds
  std::string currency = "USD";

  nlohmann::json to_json() const;
};

// Loads the demo into the caller's unit of work (so the caller can rebuild giving summaries in
// the same transaction). Errors: kInvalid naming "today" or "constituents";
// kPreconditionFailed when the database already has constituents (unless if_empty, which
// returns a report with skipped = true and writes nothing).
Result<DemoReport> load_demo(store::Unit& unit, const DemoOptions& options);

// The same in its own transaction.
Result<DemoReport> load_demo(store::Database& db, const store::Actor& actor,
                             const DemoOptions& options);

}  // namespace steward::engine

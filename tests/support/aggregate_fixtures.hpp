// Plain-SQL rows for the aggregate suites (recurring plans, pledges, tasks, stages): other
// helpers own the constituent, fund and gift repositories, so these tests insert rows directly.
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::testing {

long long insert_constituent(store::Database& db, const std::string& display_name);
long long insert_fund(store::Database& db, const std::string& code);

struct GiftRow {
  long long constituent_id = 0;
  std::string received_on;
  long long amount_minor = 0;
  std::string currency = "USD";
  std::string status = "completed";
  long long refunded_minor = 0;
  std::optional<std::string> source;
  std::optional<std::string> external_id;
  std::optional<long long> pledge_id;
  std::optional<long long> recurring_plan_id;
  bool deleted = false;
};
long long insert_gift(store::Database& db, const GiftRow& gift);

}  // namespace steward::testing

// The analytics query gives the same numbers on SQLite and PostgreSQL: the demo organisation is
// loaded into one database of each with the same seed, and several queries (every measure,
// every dimension, both grains of year, sorting, the limit, with and without the restricted
// grant) must answer cell for cell the same. Skipped without STEWARD_TEST_PG_URL.
#include <gtest/gtest.h>

#include <cstdlib>

#include "domain/report_parameters.hpp"
#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"
#include "engine/demo_loader.hpp"
#include "support/test_database.hpp"

namespace steward::engine::analytics {
namespace {

using nlohmann::json;

std::vector<std::vector<std::string>> cells(const Answer& a) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : a.table.rows) {
    std::vector<std::string> r;
    for (const auto& v : row) {
      if (auto* m = std::get_if<sdk::Money>(&v))
        r.push_back(std::to_string(m->minor) + " " + m->currency);
      else
        r.push_back(domain::value_text(v));
    }
    out.push_back(std::move(r));
  }
  return out;
}

const json kAll = {"amount", "gift_count", "donor_count",    "average",
                   "median", "new_donors", "retained_donors"};

std::vector<std::pair<json, bool>> queries() {
  return {
      {{{"measures", kAll},
        {"dimensions", {"period"}},
        {"grain", "year"},
        {"from", "2023-01-01"},
        {"to", "2026-06-30"}},
       true},
      {{{"measures", kAll}, {"from", "2025-07-01"}, {"to", "2026-06-30"}}, false},
      {{{"measures", {"amount", "median", "donor_count"}},
        {"dimensions", {"period", "fund"}},
        {"grain", "quarter"},
        {"from", "2024-07-01"},
        {"to", "2026-06-30"}},
       false},
      {{{"measures", {"amount", "average", "new_donors"}},
        {"dimensions", {"period", "method"}},
        {"grain", "fiscal_year"},
        {"fiscal_year_start_month", 7},
        {"from", "2023-07-01"},
        {"to", "2026-06-30"}},
       true},
      {{{"measures", {"amount", "gift_count", "retained_donors"}},
        {"dimensions", {"kind", "organisation_type", "region"}},
        {"from", "2025-01-01"},
        {"to", "2026-06-30"}},
       false},
      {{{"measures", {"amount", "donor_count", "median"}},
        {"dimensions", {"tag"}},
        {"sort", {"-amount"}},
        {"limit", 5},
        {"from", "2024-01-01"},
        {"to", "2026-06-30"}},
       true},
      {{{"measures", {"amount", "gift_count"}},
        {"dimensions", {"campaign", "appeal"}},
        {"filters", {{{"field", "amount"}, {"op", ">="}, {"value", 5000}}}},
        {"from", "2023-01-01"},
        {"to", "2026-06-30"}},
       true},
      {{{"measures", {"amount", "median"}},
        {"dimensions", {"period"}},
        {"grain", "month"},
        {"from", "2026-01-01"},
        {"to", "2026-06-30"}},
       false},
  };
}

TEST(AnalyticsDemo, SameNumbersOnSqliteAndPostgresql) {
  std::string why;
  auto lite = testing::TestDatabase::create(testing::TestBackend::kSqlite, why);
  ASSERT_TRUE(lite) << why;
  auto pg = testing::TestDatabase::create(testing::TestBackend::kPostgresql, why);
  if (!pg) {
    const char* require = std::getenv("STEWARD_REQUIRE_PG");
    if (require && std::string(require) == "1") FAIL() << why;
    GTEST_SKIP() << why;
  }
  lite->migrate();
  pg->migrate();
  DemoOptions o;
  o.seed = 11;
  o.today = "2026-06-30";
  o.constituents = 200;
  const store::Actor actor{"test:runner", "127.0.0.1"};
  ASSERT_TRUE(load_demo(lite->db(), actor, o).is_ok());
  ASSERT_TRUE(load_demo(pg->db(), actor, o).is_ok());

  for (const auto& [body, granted] : queries()) {
    SCOPED_TRACE(body.dump());
    auto q = parse_query(body);
    ASSERT_TRUE(q.is_ok()) << q.status().to_string();
    auto a = run(lite->db(), *q, granted);
    auto b = run(pg->db(), *q, granted);
    ASSERT_TRUE(a.is_ok()) << a.status().to_string();
    ASSERT_TRUE(b.is_ok()) << b.status().to_string();
    EXPECT_FALSE(a->table.rows.empty());
    EXPECT_EQ(cells(*a), cells(*b));
    EXPECT_EQ(a->groups, b->groups);
    EXPECT_EQ(a->truncated, b->truncated);
  }

  // And the total is the counted gifts' net base amount, computed independently.
  auto q = parse_query(
      {{"measures", {"amount", "gift_count"}}, {"from", "2000-01-01"}, {"to", "2026-06-30"}});
  ASSERT_TRUE(q.is_ok());
  auto total = run(lite->db(), *q, true);
  ASSERT_TRUE(total.is_ok());
  const long long expected = testing::query_int(
      lite->db(),
      "SELECT SUM(base_amount_minor - base_refunded_minor) FROM gifts WHERE deleted_at IS NULL"
      " AND status IN ('completed', 'partially_refunded') AND amount_minor > refunded_minor"
      " AND base_amount_minor > base_refunded_minor AND received_on <= '2026-06-30'");
  EXPECT_EQ(std::get<sdk::Money>(total->table.rows.at(0).at(0)).minor, expected);
}

}  // namespace
}  // namespace steward::engine::analytics

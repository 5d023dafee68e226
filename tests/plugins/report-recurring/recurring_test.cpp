// report-recurring: hand-computed MRR and churn per month, plans by status and the plan list,
// through the report runner on both backends, with and without the restricted grant.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "engine/report_runner.hpp"
#include "recurring_months.hpp"
#include "recurring_report.hpp"
#include "support/needs_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::cell;
using testing::row_where;
namespace needs = testing::needs;

needs::PlanSpec plan(long long who, long long amount, const std::string& frequency,
                     const std::string& starts_on, const std::string& status = "active",
                     std::optional<long long> fund = std::nullopt,
                     const std::string& currency = "USD") {
  needs::PlanSpec p;
  p.constituent_id = who;
  p.amount_minor = amount;
  p.frequency = frequency;
  p.starts_on = starts_on;
  p.status = status;
  p.fund_id = fund;
  p.currency = currency;
  return p;
}

TEST(RecurringMonths, WeeklyPlansAreExactOverTwelfths) {
  EXPECT_EQ(mrr_twelfths(1000, "weekly"), 52000);
  EXPECT_EQ(twelfths_to_minor(3 * mrr_twelfths(1000, "weekly")), 13000);  // not 3 × 4333
  EXPECT_EQ(twelfths_to_minor(mrr_twelfths(3000, "quarterly")), 1000);
  EXPECT_EQ(twelfths_to_minor(mrr_twelfths(12000, "yearly")), 1000);
}

TEST(RecurringMonths, AnEndedPlanChurnsInTheMonthItEnds) {
  std::vector<PlanSpan> plans{{1000, "monthly", {2025, 1, 1}, sdk::Date{2025, 2, 14}, {}},
                              {2000, "monthly", {2025, 2, 1}, {}, {}}};
  auto m = recurring_months(plans, {2025, 3, 10}, 3);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].month, "2025-01");
  EXPECT_EQ(m[0].mrr_minor, 1000);
  EXPECT_EQ(m[0].new_plans, 1);
  EXPECT_EQ(m[1].mrr_minor, 2000);
  EXPECT_EQ(m[1].churned_mrr_minor, 1000);
  EXPECT_EQ(m[1].new_mrr_minor, 2000);
  EXPECT_DOUBLE_EQ(m[1].churn_percent, 100.0);
  EXPECT_EQ(m[2].month, "2025-03");
  EXPECT_EQ(m[2].plans, 1);
}

class RecurringReportTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(std::map<std::string, Value> supplied, bool granted = true) {
    supplied.emplace("as_of", std::string("2025-06-15"));
    supplied.emplace("months", std::string("3"));
    RecurringReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, granted},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }

  void stopped(long long plan, const std::string& at) {
    Status s = db().write({"test", ""}, [&](store::Unit& u) {
      u.sql() << "UPDATE recurring_plans SET status_changed_at = :at WHERE id = :id", soci::use(at),
          soci::use(plan);
      return Status::ok();
    });
    ASSERT_TRUE(s.is_ok()) << s.to_string();
  }

  // A: monthly $10 and B: weekly $10 from 10 May (one donor); C: yearly $120 cancelled on
  // 20 May; D: quarterly $30 starting in July; a KRW plan; F: a restricted donor's monthly $100.
  void seed() {
    auto one = needs::make_constituent(db(), "김 후원자");
    auto two = needs::make_constituent(db(), "Two");
    auto three = needs::make_constituent(db(), "Three");
    auto hidden = needs::make_constituent(db(), "Hidden");
    testing::make_restricted(db(), hidden);
    needs::make_plan(db(), plan(one, 1000, "monthly", "2025-01-01"));
    needs::make_plan(db(), plan(one, 1000, "weekly", "2025-05-10"));
    auto c = needs::make_plan(db(), plan(two, 12000, "yearly", "2025-01-01", "cancelled"));
    stopped(c, "2025-05-20T10:00:00Z");
    needs::make_plan(db(), plan(three, 3000, "quarterly", "2025-07-01"));
    needs::make_plan(db(),
                     plan(three, 5000, "monthly", "2025-01-01", "active", std::nullopt, "KRW"));
    needs::make_plan(db(), plan(hidden, 10000, "monthly", "2025-01-01"));
  }
};

TEST_P(RecurringReportTest, MrrAndChurnPerMonth) {
  seed();
  auto r = run({});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 3u);
  const auto& april = row_where(t, "month", "2025-04");
  EXPECT_EQ(cell(april.at(1)), "3");
  EXPECT_EQ(cell(april.at(2)), "12000");
  EXPECT_EQ(cell(april.at(6)), "0");
  const auto& may = row_where(t, "month", "2025-05");
  EXPECT_EQ(cell(may.at(1)), "3");
  EXPECT_EQ(cell(may.at(2)), "15333");  // (12000 + 52000 + 120000) / 12
  EXPECT_EQ(cell(may.at(3)), "1");
  EXPECT_EQ(cell(may.at(4)), "4333");
  EXPECT_EQ(cell(may.at(5)), "1");
  EXPECT_EQ(cell(may.at(6)), "1000");
  EXPECT_EQ(cell(may.at(7)), "3333");
  EXPECT_DOUBLE_EQ(std::get<double>(may.at(8)), 8.33);
  const auto& june = row_where(t, "month", "2025-06");
  EXPECT_EQ(cell(june.at(1)), "4");  // the July plan is already committed
  EXPECT_EQ(cell(june.at(2)), "16333");

  auto limited = run({}, false);
  ASSERT_TRUE(limited.is_ok()) << limited.status().to_string();
  const auto& may2 = row_where(limited->table, "month", "2025-05");
  EXPECT_EQ(cell(may2.at(2)), "5333");
  EXPECT_DOUBLE_EQ(std::get<double>(may2.at(8)), 50.0);

  auto krw = run({{"currency", std::string("KRW")}});
  ASSERT_TRUE(krw.is_ok());
  EXPECT_EQ(cell(row_where(krw->table, "month", "2025-06").at(2)), "5000");
}

TEST_P(RecurringReportTest, PlansByStatusAndTheList) {
  seed();
  auto r = run({{"show", std::string("status")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& active = row_where(r->table, "status", "active");
  EXPECT_EQ(cell(active.at(1)), "4");
  EXPECT_EQ(cell(active.at(2)), "3");
  EXPECT_EQ(cell(active.at(3)), "16333");
  const auto& cancelled = row_where(r->table, "status", "cancelled");
  EXPECT_EQ(cell(cancelled.at(1)), "1");
  EXPECT_EQ(cell(cancelled.at(3)), "1000");
  EXPECT_EQ(cell(row_where(r->table, "status", "lapsed").at(1)), "0");

  auto list = run({{"show", std::string("plans")}}, false);
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  ASSERT_EQ(list->table.rows.size(), 4u);
  EXPECT_EQ(cell(list->table.rows[0].at(2)), "김 후원자");
  EXPECT_EQ(cell(list->table.rows[2].at(10)), "2025-05-20");

  auto bad = run({{"months", std::string("61")}});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "months");
}

STEWARD_INSTANTIATE_DATABASE_TEST(RecurringReportTest);

}  // namespace
}  // namespace steward::reports

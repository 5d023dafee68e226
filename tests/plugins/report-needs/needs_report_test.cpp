// report-needs: hand-computed coverage per month and fund through the report runner on both
// backends: per-person needs, a plan that stopped, gifts inside and outside the months, an
// inactive fund, a fund without a need and a restricted donor.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "engine/report_runner.hpp"
#include "needs_report.hpp"
#include "support/needs_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::cell;
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

needs::FundSpec fund(const std::string& code, const std::string& name,
                     std::optional<long long> need, std::optional<long long> people = std::nullopt,
                     bool active = true) {
  needs::FundSpec f;
  f.code = code;
  f.name = name;
  f.monthly_need_minor = need;
  f.people_served = people;
  f.active = active;
  return f;
}

class NeedsReportTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(std::map<std::string, Value> supplied, bool granted = true) {
    supplied.emplace("as_of", std::string("2025-06-15"));
    supplied.emplace("months", std::string("2"));
    NeedsReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, granted},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }

  long long transport = 0;
  long long medical = 0;

  void seed() {
    const store::Actor actor{"test", ""};
    transport = needs::make_fund(db(), actor, fund("TRN", "Secure Transportation", 20000));
    medical = needs::make_fund(db(), actor, fund("MED", "Financial and Medical Support", 5000, 12));
    needs::make_fund(db(), actor, fund("OLD", "Old program", 1000, std::nullopt, false));
    needs::make_fund(db(), actor, fund("GEN", "General", std::nullopt));
    auto donor = needs::make_constituent(db(), "이 후원자");
    auto hidden = needs::make_constituent(db(), "Hidden");
    testing::make_restricted(db(), hidden);
    needs::make_plan(db(), plan(donor, 10000, "monthly", "2025-01-01", "active", transport));
    needs::make_plan(db(), plan(donor, 1000, "weekly", "2025-06-01", "active", transport));
    auto stopped =
        needs::make_plan(db(), plan(donor, 30000, "monthly", "2025-01-01", "cancelled", medical));
    const std::string changed = "2025-06-10T09:00:00Z";
    Status s = db().write(actor, [&](store::Unit& u) {
      u.sql() << "UPDATE recurring_plans SET status_changed_at = :at WHERE id = :id",
          soci::use(changed), soci::use(stopped);
      return Status::ok();
    });
    ASSERT_TRUE(s.is_ok()) << s.to_string();
    auto gift = [&](long long who, const std::string& day, long long amount, long long fund) {
      needs::GiftSpec g;
      g.constituent_id = who;
      g.received_on = day;
      g.amount_minor = amount;
      g.allocations = {{fund, amount}};
      needs::make_gift(db(), g);
    };
    gift(donor, "2025-04-30", 7000, transport);  // before the months
    gift(donor, "2025-05-03", 5000, transport);
    gift(donor, "2025-06-02", 8000, transport);
    gift(donor, "2025-06-16", 9000, transport);  // after as_of
    gift(hidden, "2025-06-01", 10000, medical);
  }
};

TEST_P(NeedsReportTest, CoverageMonthByMonth) {
  seed();
  auto r = run({});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& t = r->table;
  ASSERT_EQ(t.rows.size(), 4u);  // 2 months × 2 funds
  auto row = [&](std::size_t i) {
    std::vector<std::string> out;
    for (const auto& v : t.rows.at(i)) out.push_back(cell(v));
    return out;
  };
  using V = std::vector<std::string>;
  const std::string med = std::to_string(medical);
  const std::string trn = std::to_string(transport);
  EXPECT_EQ(row(0), (V{"2025-05", med, "Financial and Medical Support", "60000", "30000", "0", "50",
                       "0", "30000"}));
  EXPECT_EQ(row(1), (V{"2025-05", trn, "Secure Transportation", "20000", "10000", "5000", "50",
                       "25", "10000"}));
  EXPECT_EQ(row(2), (V{"2025-06", med, "Financial and Medical Support", "60000", "0", "10000", "0",
                       "16.66", "60000"}));
  EXPECT_EQ(row(3), (V{"2025-06", trn, "Secure Transportation", "20000", "14333", "8000", "71.66",
                       "40", "5667"}));

  auto limited = run({}, false);
  ASSERT_TRUE(limited.is_ok()) << limited.status().to_string();
  EXPECT_EQ(cell(limited->table.rows.at(2).at(5)), "0");

  auto one = run({{"fund", std::to_string(transport)}});
  ASSERT_TRUE(one.is_ok()) << one.status().to_string();
  EXPECT_EQ(one->table.rows.size(), 2u);

  auto missing = run({{"fund", std::string("99999")}});
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().fields().at(0).field, "fund");
}

STEWARD_INSTANTIATE_DATABASE_TEST(NeedsReportTest);

}  // namespace
}  // namespace steward::reports

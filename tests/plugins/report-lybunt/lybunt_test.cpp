// report-lybunt: the windows it binds (fake capability) and, through the report runner on both
// backends, who is LYBUNT with a fiscal year starting in July, full year vs year to date, soft
// credits, a refund and a restricted donor.
#include <algorithm>

#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "lybunt_report.hpp"
#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::reports {
namespace {

using sdk::Value;
using testing::give;

TEST(LybuntReport, BindsFiscalYearWindowsStartingInJuly) {
  testing::FakeQuery db;
  LybuntReport report;
  auto t = report.run(db, {{"as_of", sdk::Date{2025, 3, 15}},
                           {"fiscal_year_start_month", std::int64_t{7}},
                           {"comparison", std::string("year_to_date")},
                           {"counting", std::string("individual")},
                           {"include_soft_credits", false}});
  ASSERT_TRUE(t.is_ok()) << t.status().to_string();
  std::vector<std::string> bound;
  for (const auto& v : db.calls.at(0).params) bound.push_back(testing::cell(v));
  // as_of; last-year window (to the same day last year); last FY; this FY start; last FY start.
  EXPECT_EQ(bound, (std::vector<std::string>{"2025-03-15", "2023-07-01", "2024-03-15", "2023-07-01",
                                             "2024-06-30", "2024-07-01", "2023-07-01"}));
}

TEST(LybuntReport, MapsRowsToTypedColumns) {
  testing::FakeQuery db;
  db.answer({"unit_id", "display_name", "last_on", "last_amount", "compare_total", "lifetime",
             "gifts", "currency", "dns", "dne", "dnm", "dnc", "has_email", "has_address"},
            {{std::int64_t{7}, std::string("김민지"), std::string("2024-05-01"), std::int64_t{5000},
              std::int64_t{8000}, std::int64_t{20000}, std::int64_t{4}, std::string("KRW"),
              std::int64_t{0}, std::int64_t{1}, std::int64_t{0}, std::int64_t{0}, std::int64_t{1},
              std::int64_t{0}}});
  LybuntReport report;
  auto t = report.run(db, {{"as_of", sdk::Date{2025, 3, 15}},
                           {"fiscal_year_start_month", std::int64_t{1}},
                           {"comparison", std::string("full_year")},
                           {"counting", std::string("individual")},
                           {"include_soft_credits", false}});
  ASSERT_TRUE(t.is_ok()) << t.status().to_string();
  ASSERT_EQ(t->rows.size(), 1u);
  const auto& row = t->rows[0];
  EXPECT_EQ(std::get<std::string>(row.at(1)), "김민지");
  EXPECT_EQ(std::get<sdk::Date>(row.at(2)), (sdk::Date{2024, 5, 1}));
  EXPECT_EQ(std::get<sdk::Money>(row.at(3)), (sdk::Money{5000, "KRW"}));
  EXPECT_EQ(std::get<sdk::Money>(row.at(4)), (sdk::Money{8000, "KRW"}));
  EXPECT_EQ(std::get<sdk::Money>(row.at(5)), (sdk::Money{20000, "KRW"}));
  EXPECT_EQ(std::get<bool>(row.at(testing::column_index(*t, "do_not_email"))), true);
  EXPECT_EQ(std::get<bool>(row.at(testing::column_index(*t, "has_address"))), false);
}

class LybuntDatabaseTest : public testing::DatabaseTest {
 protected:
  Result<engine::ReportResult> run(std::map<std::string, Value> supplied,
                                   bool sees_restricted = true) {
    supplied.emplace("as_of", std::string("2025-03-15"));
    LybuntReport report;
    return engine::run_report_function(
        db(), report.parameters(), supplied, engine::ReportCaller{{"test", ""}, sees_restricted},
        [&](const sdk::QueryCapability& q, const std::map<std::string, Value>& p) {
          return report.run(q, p);
        });
  }
  std::vector<std::string> names(const sdk::Table& t) {
    std::vector<std::string> out;
    for (const auto& row : t.rows) out.push_back(std::get<std::string>(row.at(1)));
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_P(LybuntDatabaseTest, JulyFiscalYearsFullYearAndYearToDate) {
  testing::set_setting(db(), "fiscal_year_start_month", "7");
  auto l1 = testing::make_person(db(), "L1 지난해");
  auto l2 = testing::make_person(db(), "L2 올해도");
  auto l3 = testing::make_person(db(), "L3 연말");
  auto l4 = testing::make_person(db(), "L4 오래전");
  auto r1 = testing::make_person(db(), "R1 환불");
  auto l5 = testing::make_person(db(), "L5 줄어듦");
  give(db(), l1, 3000, "2023-08-01");
  give(db(), l1, 1000, "2022-01-05");
  give(db(), l2, 2000, "2024-01-10");
  give(db(), l2, 2500, "2024-08-01");
  give(db(), l3, 4000, "2024-06-30");
  give(db(), l4, 1500, "2022-05-01");
  give(db(), l5, 9000, "2023-07-15");
  give(db(), l5, 700, "2024-05-01");  // the last gift is the smaller one
  testing::refund(db(), give(db(), r1, 9000, "2024-02-01"), 0, "2024-02-03");

  auto full = run({});
  ASSERT_TRUE(full.is_ok()) << full.status().to_string();
  EXPECT_EQ(names(full->table), (std::vector<std::string>{"L1 지난해", "L3 연말", "L5 줄어듦"}));
  const auto& row = testing::row_where(full->table, "name", "L1 지난해");
  EXPECT_EQ(std::get<sdk::Date>(row.at(2)), (sdk::Date{2023, 8, 1}));
  EXPECT_EQ(std::get<sdk::Money>(row.at(3)).minor, 3000);
  EXPECT_EQ(std::get<sdk::Money>(row.at(4)).minor, 3000);
  EXPECT_EQ(std::get<sdk::Money>(row.at(5)).minor, 4000);
  EXPECT_EQ(std::get<std::int64_t>(row.at(6)), 2);
  const auto& smaller = testing::row_where(full->table, "name", "L5 줄어듦");
  EXPECT_EQ(std::get<sdk::Date>(smaller.at(2)), (sdk::Date{2024, 5, 1}));
  EXPECT_EQ(std::get<sdk::Money>(smaller.at(3)).minor, 700);
  EXPECT_EQ(std::get<sdk::Money>(smaller.at(5)).minor, 9700);

  auto ytd = run({{"comparison", std::string("year_to_date")}});
  ASSERT_TRUE(ytd.is_ok()) << ytd.status().to_string();
  EXPECT_EQ(names(ytd->table), (std::vector<std::string>{"L1 지난해", "L5 줄어듦"}));

  auto calendar = run({{"fiscal_year_start_month", std::string("1")}});
  ASSERT_TRUE(calendar.is_ok()) << calendar.status().to_string();
  EXPECT_EQ(names(calendar->table),
            (std::vector<std::string>{"L2 올해도", "L3 연말", "L5 줄어듦"}));
}

TEST_P(LybuntDatabaseTest, SoftCreditsCountWhenAskedAndRestrictedDonorsStayHidden) {
  auto donor = testing::make_person(db(), "Donor");
  auto friend_ = testing::make_person(db(), "Solicitor 친구");
  auto hidden = testing::make_person(db(), "Hidden");
  testing::make_restricted(db(), hidden);
  const long long gen = testing::fund_for(db(), "GEN");
  auto gift = db().write(actor(), [&](store::Unit& u) {
    auto in = testing::gift_input(donor, 5000, "2024-02-01", gen);
    in.soft_credits.push_back({friend_, sdk::Money{5000, "USD"}, "solicitor"});
    return store::gifts::create(u, in);
  });
  ASSERT_TRUE(gift.is_ok()) << gift.status().to_string();
  give(db(), hidden, 7000, "2024-03-01");
  auto plain = run({{"fiscal_year_start_month", std::string("1")}});
  ASSERT_TRUE(plain.is_ok()) << plain.status().to_string();
  EXPECT_EQ(names(plain->table), (std::vector<std::string>{"Donor", "Hidden"}));
  auto soft = run({{"fiscal_year_start_month", std::string("1")},
                   {"include_soft_credits", std::string("true")}},
                  false);
  ASSERT_TRUE(soft.is_ok()) << soft.status().to_string();
  EXPECT_EQ(names(soft->table), (std::vector<std::string>{"Donor", "Solicitor 친구"}));
}

STEWARD_INSTANTIATE_DATABASE_TEST(LybuntDatabaseTest);

}  // namespace
}  // namespace steward::reports

// The report runner: parameters checked against the specs (errors name the parameter), a
// read-only session limited to the analytics views, and restricted donors hidden from callers
// without the grant. Both backends.
#include <gtest/gtest.h>

#include "engine/report_runner.hpp"
#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using sdk::Value;
using sdk::ValueType;

class ReportRunnerTest : public testing::DatabaseTest {
 protected:
  ReportCaller limited{{"test:analyst", ""}, false};
  ReportCaller granted{{"test:admin", ""}, true};

  // Runs one query through the sandbox and returns its rows (or the error).
  Result<sdk::QueryRows> query_as(const ReportCaller& caller, const std::string& sql,
                                  std::vector<Value> params = {}) {
    std::optional<Result<sdk::QueryRows>> seen;
    auto run = run_report_function(db(), {}, {}, caller,
                                   [&](const sdk::QueryCapability& q,
                                       const std::map<std::string, Value>&) -> Result<sdk::Table> {
                                     seen.emplace(q.query(sql, params));
                                     return sdk::Table{};
                                   });
    if (!run) return run.status();
    return *seen;
  }
  long long count_as(const ReportCaller& caller, const std::string& sql) {
    auto rows = query_as(caller, sql);
    EXPECT_TRUE(rows.is_ok()) << rows.status().to_string();
    if (!rows || rows->rows.empty()) return -1;
    return std::get<std::int64_t>(rows->rows.at(0).at(0));
  }
};

std::vector<sdk::ParameterSpec> specs() {
  sdk::ParameterSpec year{"year", "Year", ValueType::kInteger, std::int64_t{2025}, {}, false};
  sdk::ParameterSpec grain{
      "grain", "Grain", ValueType::kText, std::string("month"), {"month", "quarter", "year"},
      false};
  sdk::ParameterSpec from{"from", "From", ValueType::kDate, {}, {}, true};
  sdk::ParameterSpec fy{
      "fiscal_year_start_month", "Fiscal year start", ValueType::kInteger, {}, {}, false};
  return {year, grain, from, fy};
}

Result<ReportResult> run_with(store::Database& db, const std::map<std::string, Value>& supplied) {
  return run_report_function(
      db, specs(), supplied, ReportCaller{},
      [](const sdk::QueryCapability&, const std::map<std::string, Value>&) -> Result<sdk::Table> {
        return sdk::Table{};
      });
}

TEST_P(ReportRunnerTest, FillsDefaultsAndParsesTextParameters) {
  testing::set_setting(db(), "fiscal_year_start_month", "7");
  auto r = run_with(db(), {{"from", std::string("2025-07-01")}, {"year", std::string("2024")}});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(std::get<std::int64_t>(r->parameters.at("year")), 2024);
  EXPECT_EQ(std::get<std::string>(r->parameters.at("grain")), "month");
  EXPECT_EQ(std::get<sdk::Date>(r->parameters.at("from")), (sdk::Date{2025, 7, 1}));
  EXPECT_EQ(std::get<std::int64_t>(r->parameters.at("fiscal_year_start_month")), 7);
}

TEST_P(ReportRunnerTest, RefusesBadParametersNamingThem) {
  auto expect_field = [&](const std::map<std::string, Value>& in, const std::string& field) {
    auto r = run_with(db(), in);
    ASSERT_FALSE(r.is_ok()) << field;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
    ASSERT_EQ(r.status().fields().size(), 1u) << r.status().to_string();
    EXPECT_EQ(r.status().fields()[0].field, field) << r.status().to_string();
  };
  const Value from = std::string("2025-01-01");
  expect_field({{"from", from}, {"year", std::string("twenty")}}, "year");
  expect_field({{"from", from}, {"year", std::string("2025.5")}}, "year");
  expect_field({{"from", from}, {"grain", std::string("week")}}, "grain");
  expect_field({{"from", from}, {"grain", std::int64_t{3}}}, "grain");
  expect_field({{"from", std::string("2025-02-30")}}, "from");
  expect_field({}, "from");
  expect_field({{"from", from}, {"colour", std::string("red")}}, "colour");
}

TEST_P(ReportRunnerTest, QueriesReturnTypedValuesAndHangulRoundTrips) {
  auto rows = query_as(granted, "SELECT ? AS label, 1234 AS total, 2.5 AS ratio, NULL AS empty",
                       {std::string("합계 후원자")});
  ASSERT_TRUE(rows.is_ok()) << rows.status().to_string();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"label", "total", "ratio", "empty"}));
  EXPECT_EQ(std::get<std::string>(rows->rows[0][0]), "합계 후원자");
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][1]), 1234);
  EXPECT_DOUBLE_EQ(std::get<double>(rows->rows[0][2]), 2.5);
  EXPECT_EQ(sdk::type_of(rows->rows[0][3]), ValueType::kNull);
}

TEST_P(ReportRunnerTest, ReportsCannotWriteOrReadTablesDirectly) {
  long long donor = testing::make_person(db(), "김민지");
  testing::give(db(), donor, 5000, "2025-03-01");
  for (const auto* caller : {&limited, &granted}) {
    for (const char* sql :
         {"DELETE FROM gifts", "UPDATE gifts SET amount_minor = 1", "SELECT * FROM gifts",
          "SELECT COUNT(*) FROM constituents", "SELECT 1; DELETE FROM gifts",
          "WITH x AS (SELECT 1) SELECT * FROM audit_events",
          "SELECT set_config('role', 'none', true)", "CREATE TABLE t (a INTEGER)"}) {
      auto rows = query_as(*caller, sql);
      EXPECT_FALSE(rows.is_ok()) << sql;
      if (!rows.is_ok()) {
        EXPECT_EQ(rows.status().code(), StatusCode::kPermissionDenied)
            << sql << ": " << rows.status().to_string();
      }
    }
  }
  // Nothing changed, and ordinary units still write (query_only was restored).
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE amount_minor = 5000"), 1);
  testing::give(db(), donor, 700, "2025-03-02");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts"), 2);
}

TEST_P(ReportRunnerTest, RestrictedDonorsNeverReachALimitedCaller) {
  long long open = testing::make_person(db(), "Open Donor");
  long long hidden = testing::make_person(db(), "숨은 후원자");
  long long spouse = testing::make_person(db(), "Spouse");
  testing::make_restricted(db(), hidden);
  testing::give(db(), open, 1000, "2025-01-10");
  testing::give(db(), hidden, 90000, "2025-01-11");
  // A soft credit from the hidden donor's gift to an open person must not leak either.
  {
    const long long gen = testing::fund_for(db(), "GEN");
    auto gift = db().write(actor(), [&](store::Unit& u) {
      auto in = testing::gift_input(hidden, 2000, "2025-02-01", gen);
      in.soft_credits.push_back({spouse, sdk::Money{2000, "USD"}, "other"});
      return store::gifts::create(u, in);
    });
    ASSERT_TRUE(gift.is_ok()) << gift.status().to_string();
  }
  EXPECT_EQ(count_as(limited, "SELECT COUNT(*) FROM analytics_gifts"), 1);
  EXPECT_EQ(count_as(limited, "SELECT COUNT(*) FROM analytics_allocations"), 1);
  EXPECT_EQ(count_as(limited, "SELECT COUNT(*) FROM analytics_soft_credits"), 0);
  EXPECT_EQ(count_as(limited, "SELECT COUNT(*) FROM analytics_constituents WHERE restricted = 1"),
            0);
  EXPECT_EQ(count_as(limited, "SELECT COALESCE(SUM(base_net_minor), 0) FROM analytics_gifts"),
            1000);
  EXPECT_EQ(count_as(granted, "SELECT COUNT(*) FROM analytics_gifts"), 3);
  EXPECT_EQ(count_as(granted, "SELECT COUNT(*) FROM analytics_soft_credits"), 1);
  // Naming the unfiltered views directly is refused for the limited caller.
  std::string direct = is_postgresql()
                           ? "SELECT COUNT(*) FROM " +
                                 [&] {
                                   std::string schema;
                                   (void)db().read([&](store::Unit& u) {
                                     u.sql() << "SELECT current_schema()", soci::into(schema);
                                     return Status::ok();
                                   });
                                   return schema;
                                 }() +
                                 ".analytics_gifts"
                           : "SELECT COUNT(*) FROM main.analytics_gifts";
  auto refused = query_as(limited, direct);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied) << refused.status().to_string();
  // The limited run left nothing behind for the next caller.
  EXPECT_EQ(count_as(granted, "SELECT COUNT(*) FROM analytics_gifts"), 3);
}

TEST_P(ReportRunnerTest, RefundedAndZeroGiftsAreNotInTheViews) {
  long long donor = testing::make_person(db(), "Donor");
  long long full = testing::give(db(), donor, 3000, "2025-01-10");
  long long part = testing::give(db(), donor, 5000, "2025-01-11");
  testing::refund(db(), full, 0, "2025-01-12");
  testing::refund(db(), part, 1500, "2025-01-12");
  auto rows = query_as(granted,
                       "SELECT gift_id, net_minor, base_net_minor, received_on, received_year,"
                       " received_month FROM analytics_gifts");
  ASSERT_TRUE(rows.is_ok()) << rows.status().to_string();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][0]), part);
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][1]), 3500);
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][2]), 3500);
  EXPECT_EQ(std::get<std::string>(rows->rows[0][3]), "2025-01-11");
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][4]), 2025);
  EXPECT_EQ(std::get<std::int64_t>(rows->rows[0][5]), 1);
}

TEST_P(ReportRunnerTest, ATableThatBreaksItsColumnsIsAnError) {
  auto r = run_report_function(
      db(), {}, {}, granted,
      [](const sdk::QueryCapability&, const std::map<std::string, Value>&) -> Result<sdk::Table> {
        sdk::Table t;
        t.columns = {{"total", "Total", ValueType::kMoney}};
        t.rows = {{std::string("not money")}};
        return t;
      });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ReportRunnerTest);

}  // namespace
}  // namespace steward::engine

// The analytics query: whitelists and errors naming the field, bound SQL, and hand-computed
// measures on both backends (exact median, new and retained donors, fiscal years, tags, the row
// limit, restricted donors).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "domain/report_parameters.hpp"
#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"
#include "store/segment_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::analytics {
namespace {

using nlohmann::json;

std::string field_of(const Status& s) { return s.fields().empty() ? "" : s.fields()[0].field; }

Status parse_error(const json& body) {
  auto q = parse_query(body);
  if (!q) return q.status();
  return validate(*q);
}

TEST(AnalyticsQueryValidate, UnknownNamesSayWhich) {
  Status s = parse_error({{"measures", {"amount", "profit"}}});
  EXPECT_EQ(field_of(s), "measures[1]");
  EXPECT_NE(s.message().find("'profit'"), std::string::npos);
  EXPECT_NE(s.message().find("median"), std::string::npos);  // lists the known names
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"dimensions", {"colour"}}})),
            "dimensions[0]");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"grain", "week"}})), "grain");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"colour", 1}})), "colour");
  EXPECT_EQ(field_of(parse_error({{"measures", json::array()}})), "measures");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}},
                                  {"filters", {{{"field", "donor_name"}, {"value", "x"}}}}})),
            "filters[0].field");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}},
                                  {"filters", {{{"field", "fund"}, {"op", ">"}, {"value", 1}}}}})),
            "filters[0].op");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}},
                                  {"filters", {{{"field", "fund"}, {"values", {1, "two"}}}}}})),
            "filters[0].values[1]");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"sort", {"-median"}}})),
            "sort[0].field");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"limit", 0}})), "limit");
  EXPECT_EQ(field_of(parse_error({{"measures", {"amount"}}, {"from", "2025-02-30"}})), "from");
  EXPECT_EQ(field_of(parse_error(
                {{"measures", {"amount"}}, {"from", "2025-02-01"}, {"to", "2025-01-01"}})),
            "to");
  EXPECT_TRUE(parse_error({{"measures", {"amount", "median"}},
                           {"dimensions", {"period", "fund"}},
                           {"grain", "fiscal_year"},
                           {"sort", {{{"field", "amount"}, {"direction", "desc"}}}}})
                  .is_ok());
}

TEST(AnalyticsQueryCompile, ValuesAreBoundNeverSpliced) {
  Query q;
  q.measures = {"amount"};
  q.dimensions = {"method", "period"};
  q.grain = "fiscal_year";
  q.filters = {{"region", "in", {std::string("x'); DROP TABLE gifts; --")}},
               {"amount", ">=", {std::int64_t{4242}}}};
  Context c;
  c.from = "2025-01-01";
  c.to = "2025-12-31";
  c.fiscal_year_start_month = 7;
  const Compiled out = compile(q, c);
  EXPECT_EQ(out.sql.find("DROP"), std::string::npos);
  EXPECT_EQ(out.sql.find("4242"), std::string::npos);
  EXPECT_EQ(out.sql.find("2025-01-01"), std::string::npos);
  std::size_t marks = 0;
  for (char ch : out.sql) marks += ch == '?';
  EXPECT_EQ(marks, out.params.size());
}

class AnalyticsQueryTest : public testing::DatabaseTest {
 protected:
  long long a = 0, b = 0, c = 0, hidden = 0;

  // 2024: A 10.00 (Mar), C 40.00 (Nov). 2025: A 30.00 (Feb), B 20.00 (Mar), A 50.00 to EDU
  // (May), C 100.00 refunded 40.00 (Aug); the restricted donor 1,000.00 (Jan).
  void seed() {
    a = testing::make_person(db(), "김 후원자");
    b = testing::make_person(db(), "B");
    c = testing::make_person(db(), "C");
    hidden = testing::make_person(db(), "Hidden");
    testing::make_restricted(db(), hidden);
    const long long gen = testing::fund_for(db(), "GEN");
    const long long edu = testing::fund_for(db(), "EDU");
    testing::give(db(), a, 1000, "2024-03-01", gen);
    testing::give(db(), c, 4000, "2024-11-01", edu);
    testing::give(db(), a, 3000, "2025-02-01", gen);
    testing::give(db(), b, 2000, "2025-03-10", gen);
    testing::give(db(), a, 5000, "2025-05-01", edu);
    testing::refund(db(), testing::give(db(), c, 10000, "2025-08-01", gen), 4000, "2025-08-02");
    testing::give(db(), hidden, 100000, "2025-01-15", gen);
  }

  long long tag(long long who, const std::string& name) {
    long long id = 0;
    Status s = db().write(actor(), [&](store::Unit& u) {
      soci::indicator ind = soci::i_null;
      u.sql() << "SELECT id FROM tags WHERE name = :n", soci::use(name), soci::into(id, ind);
      if (ind != soci::i_ok)
        u.sql() << "INSERT INTO tags (name) VALUES (:n) RETURNING id", soci::use(name),
            soci::into(id);
      u.sql() << "INSERT INTO constituent_tags (constituent_id, tag_id) VALUES (:c, :t)",
          soci::use(who), soci::use(id);
      return Status::ok();
    });
    EXPECT_TRUE(s.is_ok()) << s.to_string();
    return id;
  }

  Answer ask(const json& body, bool granted = false) {
    auto q = parse_query(body);
    EXPECT_TRUE(q.is_ok()) << q.status().to_string();
    if (!q) return {};
    auto r = run(db(), *q, granted);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r ? *r : Answer{};
  }

  static std::vector<std::string> row(const Answer& x, std::size_t i) {
    std::vector<std::string> out;
    if (i >= x.table.rows.size()) return out;
    for (const auto& v : x.table.rows[i]) out.push_back(testing::cell(v));
    return out;
  }
};

using Cells = std::vector<std::string>;

TEST_P(AnalyticsQueryTest, EveryMeasureWithoutDimensions) {
  seed();
  const json all = {"amount", "gift_count", "donor_count",    "average",
                    "median", "new_donors", "retained_donors"};
  json body = {{"measures", all}, {"from", "2025-01-01"}, {"to", "2025-12-31"}};
  Answer limited = ask(body);
  ASSERT_EQ(limited.table.rows.size(), 1u);
  // 30 + 20 + 50 + 60 net; median of 20, 30, 50, 60 = 40; B is new; A and C gave the year
  // before (the 365 days before 2025-01-01).
  EXPECT_EQ(row(limited, 0), (Cells{"16000", "4", "3", "4000", "4000", "1", "2"}));
  Answer granted = ask(body, true);
  EXPECT_EQ(row(granted, 0), (Cells{"116000", "5", "4", "23200", "5000", "2", "2"}));
  EXPECT_EQ(granted.table.columns.at(0).type, sdk::ValueType::kMoney);
  EXPECT_FALSE(granted.truncated);
}

TEST_P(AnalyticsQueryTest, YearsAndFiscalYears) {
  seed();
  Answer years =
      ask({{"measures", {"amount", "donor_count", "new_donors", "retained_donors", "median"}},
           {"dimensions", {"period"}},
           {"grain", "year"},
           {"from", "2024-01-01"},
           {"to", "2025-12-31"}});
  ASSERT_EQ(years.table.rows.size(), 2u);
  EXPECT_EQ(row(years, 0), (Cells{"2024", "5000", "2", "2", "0", "2500"}));
  EXPECT_EQ(row(years, 1), (Cells{"2025", "16000", "3", "1", "2", "4000"}));

  Answer fiscal = ask({{"measures", {"amount"}},
                       {"dimensions", {"period"}},
                       {"grain", "fiscal_year"},
                       {"fiscal_year_start_month", 7},
                       {"from", "2024-01-01"},
                       {"to", "2025-12-31"}});
  ASSERT_EQ(fiscal.table.rows.size(), 3u);
  EXPECT_EQ(row(fiscal, 0), (Cells{"FY2024", "1000"}));
  EXPECT_EQ(row(fiscal, 1), (Cells{"FY2025", "14000"}));
  EXPECT_EQ(row(fiscal, 2), (Cells{"FY2026", "6000"}));

  Answer months = ask({{"measures", {"gift_count"}},
                       {"dimensions", {"period"}},
                       {"grain", "month"},
                       {"from", "2025-01-01"},
                       {"to", "2025-03-31"}},
                      true);
  ASSERT_EQ(months.table.rows.size(), 3u);
  EXPECT_EQ(row(months, 0), (Cells{"2025-01", "1"}));
  EXPECT_EQ(row(months, 2), (Cells{"2025-03", "1"}));
}

TEST_P(AnalyticsQueryTest, FundsSortedFiltersAndTheRowLimit) {
  seed();
  Answer funds = ask({{"measures", {"amount", "gift_count"}},
                      {"dimensions", {"fund"}},
                      {"sort", {"-amount"}},
                      {"from", "2025-01-01"},
                      {"to", "2025-12-31"}});
  ASSERT_EQ(funds.table.rows.size(), 2u);
  EXPECT_EQ(row(funds, 0), (Cells{"GEN fund", "11000", "3"}));
  EXPECT_EQ(row(funds, 1), (Cells{"EDU fund", "5000", "1"}));

  Answer big = ask({{"measures", {"amount"}},
                    {"filters",
                     {{{"field", "amount"}, {"op", ">="}, {"value", 3000}},
                      {{"field", "method"}, {"values", {"cash", "check"}}}}},
                    {"from", "2025-01-01"},
                    {"to", "2025-12-31"}});
  ASSERT_EQ(big.table.rows.size(), 1u);
  EXPECT_EQ(row(big, 0), (Cells{"14000"}));

  Answer quarters = ask({{"measures", {"amount"}},
                         {"dimensions", {"period"}},
                         {"grain", "quarter"},
                         {"limit", 2},
                         {"from", "2025-01-01"},
                         {"to", "2025-12-31"}});
  ASSERT_EQ(quarters.table.rows.size(), 2u);
  EXPECT_EQ(row(quarters, 0), (Cells{"2025-Q1", "5000"}));
  EXPECT_TRUE(quarters.truncated);
  EXPECT_EQ(quarters.groups, 3);
  EXPECT_NE(quarters.message.find("showing 2 of 3"), std::string::npos) << quarters.message;
}

TEST_P(AnalyticsQueryTest, TagsCountADonorUnderEachOfTheirTags) {
  seed();
  tag(a, "정기후원");
  const long long vip = tag(a, "VIP");
  tag(b, "VIP");
  Answer tags = ask({{"measures", {"amount", "donor_count"}},
                     {"dimensions", {"tag"}},
                     {"from", "2025-01-01"},
                     {"to", "2025-12-31"}});
  ASSERT_EQ(tags.table.rows.size(), 3u);
  EXPECT_EQ(row(tags, 0), (Cells{"(none)", "6000", "1"}));
  EXPECT_EQ(row(tags, 1), (Cells{"VIP", "10000", "2"}));
  EXPECT_EQ(row(tags, 2), (Cells{"정기후원", "8000", "1"}));

  // A tag filter never counts a gift twice.
  Answer filtered = ask({{"measures", {"amount", "gift_count"}},
                         {"filters", {{{"field", "tag"}, {"op", "in"}, {"values", {vip}}}}},
                         {"from", "2025-01-01"},
                         {"to", "2025-12-31"}});
  EXPECT_EQ(row(filtered, 0), (Cells{"10000", "3"}));
  Answer others = ask({{"measures", {"amount"}},
                       {"filters", {{{"field", "tag"}, {"op", "!="}, {"value", vip}}}},
                       {"from", "2025-01-01"},
                       {"to", "2025-12-31"}});
  EXPECT_EQ(row(others, 0), (Cells{"6000"}));
}

TEST_P(AnalyticsQueryTest, SegmentsAsRowsAndAsAFilter) {
  seed();
  tag(a, "VIP");
  tag(b, "VIP");
  auto make = [&](const std::string& name, const std::string& filter) {
    domain::SegmentInput in;
    in.name = name;
    in.filter = filter;
    auto made = db().write(actor(), [&](store::Unit& u) { return store::segments::create(u, in); });
    EXPECT_TRUE(made.is_ok()) << made.status().to_string();
    return made ? made->id : 0;
  };
  const long long vip = make("VIP 후원자", R"({"tag":"VIP"})");
  make("Everyone", R"({"kind":"individual"})");
  Answer rows = ask({{"measures", {"amount", "donor_count"}},
                     {"dimensions", {"segment"}},
                     {"from", "2025-01-01"},
                     {"to", "2025-12-31"}});
  ASSERT_EQ(rows.table.rows.size(), 2u);
  EXPECT_EQ(row(rows, 0), (Cells{"VIP 후원자", "10000", "2"}));  // segments in id order
  EXPECT_EQ(row(rows, 1), (Cells{"Everyone", "16000", "3"}));
  Answer only = ask({{"measures", {"amount"}},
                     {"filters", {{{"field", "segment"}, {"value", vip}}}},
                     {"from", "2025-01-01"},
                     {"to", "2025-12-31"}});
  EXPECT_EQ(row(only, 0), (Cells{"10000"}));
}

TEST_P(AnalyticsQueryTest, UnknownSegmentIsNamed) {
  seed();
  auto q = parse_query(
      {{"measures", {"amount"}}, {"filters", {{{"field", "segment"}, {"values", {4711}}}}}});
  ASSERT_TRUE(q.is_ok());
  auto r = run(db(), *q, true);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(field_of(r.status()), "filters[0].values[0]");
}

STEWARD_INSTANTIATE_DATABASE_TEST(AnalyticsQueryTest);

}  // namespace
}  // namespace steward::engine::analytics

#include "engine/segment_sql.hpp"

#include <gtest/gtest.h>

namespace steward::engine::segment_sql {
namespace {

domain::segment::Filter parsed(const std::string& text) {
  auto r = domain::segment::parse(text, domain::segment::ParseOptions{});
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : domain::segment::Filter{};
}

TEST(SegmentSql, ValuesAreBoundNeverSplicedIntoTheText) {
  Compiled q =
      select_ids(parsed(R"({"or":[{"tag":"x' OR 1=1 --"},{"gave":{"from":"2025-01-01","min":"100"}},
                       {"region":"서울"}]})"),
                 Context{});
  EXPECT_EQ(q.sql.rfind("SELECT c.id FROM constituents c WHERE ", 0), 0u);
  EXPECT_EQ(q.sql.find("OR 1=1"), std::string::npos) << q.sql;
  EXPECT_EQ(q.sql.find("2025-01-01"), std::string::npos) << q.sql;
  EXPECT_EQ(q.sql.find("10000"), std::string::npos) << q.sql;
  EXPECT_EQ(q.sql.find("서울"), std::string::npos) << q.sql;
  ASSERT_EQ(q.params.size(), 4u);
  EXPECT_EQ(std::get<std::string>(q.params[0]), "x' OR 1=1 --");
  EXPECT_EQ(std::get<std::string>(q.params[1]), "2025-01-01");
  EXPECT_EQ(std::get<long long>(q.params[2]), 10000);
  EXPECT_EQ(std::get<std::string>(q.params[3]), "서울");
  // Placeholders appear in the text in parameter order.
  EXPECT_LT(q.sql.find(":p0"), q.sql.find(":p1"));
  EXPECT_LT(q.sql.find(":p2"), q.sql.find(":p3"));
}

TEST(SegmentSql, RestrictedConstituentsAreExcludedUnlessTheFilterMentionsThem) {
  EXPECT_NE(compile(parsed(R"({"tag":"Board"})"), Context{}).sql.find("c.restricted = FALSE"),
            std::string::npos);
  std::string asked = compile(parsed(R"({"not":{"restricted":false}})"), Context{}).sql;
  EXPECT_EQ(asked.find("AND c.restricted = FALSE"), std::string::npos) << asked;
  EXPECT_NE(asked.find("c.deleted_at IS NULL"), std::string::npos);
}

TEST(SegmentSql, FiscalYearsComeFromTheContext) {
  Context july;
  july.fiscal_year_start_month = 7;
  Compiled q = compile(parsed(R"({"lybunt":{"year":2026}})"), july);
  ASSERT_EQ(q.params.size(), 4u);
  EXPECT_EQ(std::get<std::string>(q.params[0]), "2024-07-01");
  EXPECT_EQ(std::get<std::string>(q.params[1]), "2025-06-30");
  EXPECT_EQ(std::get<std::string>(q.params[2]), "2025-07-01");
  EXPECT_EQ(std::get<std::string>(q.params[3]), "2026-06-30");
}

}  // namespace
}  // namespace steward::engine::segment_sql

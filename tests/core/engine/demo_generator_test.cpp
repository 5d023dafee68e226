#include "engine/demo_generator.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using testing::query_int;

GenerateOptions options(long long constituents, int years, int chunk) {
  GenerateOptions o;
  o.seed = 11;
  o.today = "2026-06-30";
  o.constituents = constituents;
  o.years = years;
  o.chunk = chunk;
  return o;
}

class DemoGeneratorTest : public testing::DatabaseTest {};

TEST_P(DemoGeneratorTest, WritesEveryChunkWithUniqueKeysAndExactSummaries) {
  std::vector<GenerateProgress> seen;
  auto made = generate_organization(db(), actor(), options(450, 5, 150),
                                    [&](const GenerateProgress& p) { seen.push_back(p); });
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen.back().constituents_written, made->constituents);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), made->constituents);
  EXPECT_GE(made->constituents, 450);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts"), made->gifts);
  EXPECT_EQ(query_int(db(), "SELECT SUM(base_amount_minor - base_refunded_minor) FROM gifts"),
            made->total_given_minor);
  // Funds, tags and campaigns are written once, not once per chunk.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM funds"), made->funds);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM tags"), made->tags);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM campaigns"), made->campaigns);
  // Five years of giving: the first gift is about five years before today.
  EXPECT_LE(made->first_gift_on, "2022-01-01");
  EXPECT_EQ(made->last_gift_on.substr(0, 4), "2026");
  // Giving summaries were built: every donor with a completed gift has a lifetime total.
  EXPECT_EQ(
      query_int(db(),
                "SELECT COUNT(DISTINCT g.constituent_id) FROM gifts g JOIN giving_summaries s "
                "ON s.constituent_id = g.constituent_id WHERE s.lifetime_minor = 0 AND "
                "g.status = 'completed' AND g.deleted_at IS NULL"),
      0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'demo_generate'"), 1);
  // The fast load's relaxed checks do not outlive it: the pooled connection checks again.
  Status bogus = db().write(actor(), [](store::Unit& unit) -> Status {
    unit.sql() << "UPDATE constituents SET kind = 'bogus' WHERE id = (SELECT MIN(id) FROM "
                  "constituents)";
    return Status::ok();
  });
  EXPECT_FALSE(bogus.is_ok());
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents WHERE kind = 'bogus'"), 0);
}

TEST_P(DemoGeneratorTest, SameSeedSameData) {
  auto first = generate_organization(db(), actor(), options(200, 2, 100));
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  std::string why;
  auto other = testing::TestDatabase::create(GetParam(), why);
  ASSERT_TRUE(other) << why;
  other->migrate();
  auto second = generate_organization(other->db(), actor(), options(200, 2, 100));
  ASSERT_TRUE(second.is_ok()) << second.status().to_string();
  EXPECT_EQ(first->to_json(), second->to_json());
}

TEST_P(DemoGeneratorTest, RefusesBadOptionsAndANonEmptyDatabase) {
  auto too_many = generate_organization(db(), actor(), options(2'000'000, 3, 5000));
  ASSERT_FALSE(too_many.is_ok());
  ASSERT_EQ(too_many.status().fields().size(), 1u);
  EXPECT_EQ(too_many.status().fields()[0].field, "constituents");
  auto years = generate_organization(db(), actor(), options(100, 0, 100));
  ASSERT_FALSE(years.is_ok());
  EXPECT_EQ(years.status().fields()[0].field, "years");
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), 0);

  ASSERT_TRUE(generate_organization(db(), actor(), options(60, 1, 60)).is_ok());
  auto again = generate_organization(db(), actor(), options(60, 1, 60));
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);
}

STEWARD_INSTANTIATE_DATABASE_TEST(DemoGeneratorTest);

}  // namespace
}  // namespace steward::engine

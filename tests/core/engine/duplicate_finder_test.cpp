#include "engine/duplicate_finder.hpp"

#include <gtest/gtest.h>

#include "support/dedupe_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::duplicates {
namespace {

namespace fx = testing::dedupe;

class DuplicateFinderTest : public testing::DatabaseTest {
 protected:
  std::vector<Candidate> find_with(std::vector<RuleWeight> rules, int min_score = 1) {
    FinderOptions o;
    o.rules = std::move(rules);
    o.min_score = min_score;
    auto r = db().read([&](store::Unit& u) { return find(u, o); });
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? *r : std::vector<Candidate>{};
  }
};

bool has_pair(const std::vector<Candidate>& cs, long long a, long long b) {
  for (const auto& c : cs)
    if (c.first_id == std::min(a, b) && c.second_id == std::max(a, b)) return true;
  return false;
}

TEST_P(DuplicateFinderTest, EmailRuleFindsPairIgnoringCaseAndSpaces) {
  long long a = fx::add_person(db(), "Jane", "Doe");
  long long b = fx::add_person(db(), "J.", "Doe-Smith");
  long long c = fx::add_person(db(), "Other", "Person");
  fx::add_email(db(), a, "jane@example.org", true);
  fx::add_email(db(), b, "  JANE@Example.org ", true);
  fx::add_email(db(), c, "other@example.org", true);
  auto cs = find_with({{Rule::kEmail, 60}});
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(has_pair(cs, a, b));
  EXPECT_EQ(cs[0].score, 60);
  EXPECT_EQ(cs[0].first_name, "Jane Doe");
}

TEST_P(DuplicateFinderTest, PhoneRuleUsesLastTenDigits) {
  long long a = fx::add_person(db(), "Jane", "Doe");
  long long b = fx::add_person(db(), "Janet", "Doe");
  fx::add_phone(db(), a, "+1 (555) 123-4567", true);
  fx::add_phone(db(), b, "555.123.4567", true);
  auto cs = find_with({{Rule::kPhone, 40}});
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(has_pair(cs, a, b));
}

TEST_P(DuplicateFinderTest, NamePostalAndNameStreetWithHangulAndReversedNames) {
  long long a = fx::add_person(db(), "영희", "김");
  long long b = fx::add_person(db(), "김영희", "집사님");
  long long c = fx::add_person(db(), "Younghee", "Kim");
  long long d = fx::add_person(db(), "KIM", "YOUNGHEE");
  fx::add_address(db(), a, "서울 강남구 1", "06000", true);
  fx::add_address(db(), b, "다른 길 2", "06000", true);
  fx::add_address(db(), c, "12 Main Street", "12345-6789", true);
  fx::add_address(db(), d, "12 main st", "99999", true);
  auto postal = find_with({{Rule::kNamePostal, 50}});
  ASSERT_EQ(postal.size(), 1u);
  EXPECT_TRUE(has_pair(postal, a, b));
  auto street = find_with({{Rule::kNameStreet, 50}});
  ASSERT_EQ(street.size(), 1u);
  EXPECT_TRUE(has_pair(street, c, d));
}

TEST_P(DuplicateFinderTest, ScoresAddUpAndThresholdFilters) {
  long long a = fx::add_person(db(), "José", "Núñez");
  long long b = fx::add_person(db(), "JOSE", "NUNEZ");
  long long c = fx::add_person(db(), "Ana", "Lopez");
  fx::add_email(db(), a, "jose@example.org", true);
  fx::add_email(db(), b, "jose@example.org", true);
  fx::add_phone(db(), a, "5551234567", true);
  fx::add_phone(db(), b, "555-123-4567", true);
  fx::add_phone(db(), c, "5551234567", true);  // shares the phone only
  fx::add_address(db(), a, "1 Elm Road", "10001", true);
  fx::add_address(db(), b, "1 elm rd", "10001", true);
  std::vector<RuleWeight> all = {
      {Rule::kEmail, 60}, {Rule::kPhone, 40}, {Rule::kNamePostal, 50}, {Rule::kNameStreet, 60}};
  auto cs = find_with(all);
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_TRUE(has_pair({cs[0]}, a, b));
  EXPECT_EQ(cs[0].score, 210);
  EXPECT_EQ(cs[0].matched.size(), 4u);
  EXPECT_EQ(cs[1].score, 40);
  auto strict = find_with(all, 100);
  ASSERT_EQ(strict.size(), 1u);
  EXPECT_EQ(strict[0].score, 210);
}

TEST_P(DuplicateFinderTest, DeletedAndMergedRecordsAreNotCandidates) {
  long long a = fx::add_person(db(), "Jane", "Doe");
  long long b = fx::add_person(db(), "Jane", "Doe");
  long long c = fx::add_person(db(), "Jane", "Doe");
  for (long long id : {a, b, c}) fx::add_email(db(), id, "jane@example.org", true);
  fx::exec(db(), "UPDATE constituents SET deleted_at = '2025-01-01T00:00:00Z' WHERE id = " +
                     std::to_string(b));
  fx::exec(db(), "UPDATE constituents SET merged_into_id = " + std::to_string(a) +
                     " WHERE id = " + std::to_string(c));
  EXPECT_TRUE(find_with({{Rule::kEmail, 60}}).empty());
}

TEST_P(DuplicateFinderTest, RefusesBadOptionsNamingTheField) {
  FinderOptions o;
  o.rules = {{Rule::kEmail, 0}};
  auto r = db().read([&](store::Unit& u) { return find(u, o); });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at(0).field, "rules");
  o.rules = {};
  o.min_score = 0;
  r = db().read([&](store::Unit& u) { return find(u, o); });
  EXPECT_EQ(r.status().fields().at(0).field, "min_score");
  EXPECT_EQ(parse_rule("nope").status().fields().at(0).field, "rules");
}

STEWARD_INSTANTIATE_DATABASE_TEST(DuplicateFinderTest);

}  // namespace
}  // namespace steward::engine::duplicates

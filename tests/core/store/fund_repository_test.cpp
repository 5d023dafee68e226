#include "store/fund_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::FundInput;

class FundRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::Fund> create(const FundInput& in) {
    return db().write(actor(), [&](Unit& u) { return funds::create(u, in); });
  }
};

FundInput medical() {
  FundInput in;
  in.code = "MEDICAL";
  in.name = "Financial and Medical Support";
  in.program = "Medical Support";
  in.monthly_need = sdk::Money{5000, "USD"};
  in.people_served = 12;
  return in;
}

TEST_P(FundRepositoryTest, CreatesAndReadsBackEveryField) {
  auto made = create(medical());
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  EXPECT_GT(made->id, 0);
  auto back = db().read([&](Unit& u) { return funds::get(u, made->id); });
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->code, "MEDICAL");
  EXPECT_EQ(back->program.value_or(""), "Medical Support");
  EXPECT_FALSE(back->description.has_value());
  ASSERT_TRUE(back->monthly_need.has_value());
  EXPECT_EQ(back->monthly_need->minor, 5000);
  EXPECT_EQ(back->monthly_need->currency, "USD");
  EXPECT_EQ(back->people_served.value_or(-1), 12);
  EXPECT_TRUE(back->active);
  EXPECT_EQ(back->created_at.size(), 20u);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'fund' AND action = 'create'"),
            1);
}

TEST_P(FundRepositoryTest, RefusesBadInputNamingTheFieldAndWritesNothing) {
  FundInput bad = medical();
  bad.monthly_need = sdk::Money{-5, "USD"};
  auto r = create(bad);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "monthly_need");
  bad = medical();
  bad.name = "  ";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "name");
  bad = medical();
  bad.monthly_need = sdk::Money{100, "XXX"};
  EXPECT_EQ(create(bad).status().fields().at(0).field, "monthly_need.currency");
  bad = medical();
  bad.code = "has space";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "code");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM funds"), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events"), 0);
}

TEST_P(FundRepositoryTest, DuplicateCodeIsAConflict) {
  ASSERT_TRUE(create(medical()).is_ok());
  auto again = create(medical());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_NE(again.status().message().find("MEDICAL"), std::string::npos);
}

TEST_P(FundRepositoryTest, UpdateReplacesFieldsAndAuditsBeforeAndAfter) {
  auto made = create(medical());
  ASSERT_TRUE(made.is_ok());
  FundInput changed = medical();
  changed.name = "의료 지원";  // Hangul round-trip
  changed.monthly_need.reset();
  auto updated = db().write(actor(), [&](Unit& u) { return funds::update(u, made->id, changed); });
  ASSERT_TRUE(updated.is_ok()) << updated.status().to_string();
  EXPECT_EQ(updated->name, "의료 지원");
  EXPECT_FALSE(updated->monthly_need.has_value());
  auto missing = db().write(actor(), [&](Unit& u) { return funds::update(u, 999, changed); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto audit = db().read([&](Unit& u) -> Result<std::string> {
    std::string before;
    u.sql() << "SELECT before_json FROM audit_events WHERE action = 'update'", soci::into(before);
    return before;
  });
  ASSERT_TRUE(audit.is_ok());
  EXPECT_NE(audit->find("Financial and Medical Support"), std::string::npos);
}

TEST_P(FundRepositoryTest, ListsPageByPageInNameOrderWithoutRepeats) {
  const char* names[] = {"Establishing Safety", "Medical Support", "Training for Future Stability",
                         "Spiritual Guidance and Counseling", "Community and Church-Building"};
  int n = 0;
  for (const char* name : names) {
    FundInput in;
    in.code = "F" + std::to_string(n++);
    in.name = name;
    in.active = n != 2;
    ASSERT_TRUE(create(in).is_ok());
  }
  std::vector<std::string> seen;
  funds::ListFilter filter;
  filter.page.limit = 2;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = db().read([&](Unit& u) { return funds::list(u, filter); });
    ASSERT_TRUE(page.is_ok()) << page.status().to_string();
    for (const auto& f : page->items) seen.push_back(f.name);
    if (!page->next_after_id) break;
    filter.page.after_id = *page->next_after_id;
  }
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  funds::ListFilter inactive;
  inactive.active = false;
  auto only = db().read([&](Unit& u) { return funds::list(u, inactive); });
  ASSERT_TRUE(only.is_ok());
  ASSERT_EQ(only->items.size(), 1u);
  EXPECT_EQ(only->items[0].name, "Medical Support");
}

STEWARD_INSTANTIATE_DATABASE_TEST(FundRepositoryTest);

}  // namespace
}  // namespace steward::store

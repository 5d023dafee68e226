#include "store/household_repository.hpp"

#include <gtest/gtest.h>

#include "store/relationship_repository.hpp"
#include "support/constituent_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class HouseholdRepositoryTest : public testing::DatabaseTest {};

TEST_P(HouseholdRepositoryTest, AMemberWhoLeavesKeepsHistoryAndCanJoinAnother) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto john = testing::make_individual(db(), actor(), "John", "Kim");
  auto kims = testing::make_household(db(), actor(), {grace.id, john.id});
  EXPECT_EQ(kims.name(), "The Kim Household");
  EXPECT_EQ(kims.kind, "household");
  auto current = db().read([&](Unit& u) { return households::members(u, kims.id); });
  ASSERT_TRUE(current.is_ok()) << current.status().to_string();
  ASSERT_EQ(current->size(), 2u);
  EXPECT_EQ(current->at(0).member_name, "Grace Kim");

  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return households::remove_member(u, kims.id, john.id); })
          .is_ok());
  EXPECT_EQ(db().read([&](Unit& u) { return households::members(u, kims.id); })->size(), 1u);
  auto of = db().read([&](Unit& u) { return households::household_of(u, john.id); });
  ASSERT_TRUE(of.is_ok());
  EXPECT_FALSE(of->has_value());
  auto past = db().read([&](Unit& u) { return households::history(u, kims.id); });
  ASSERT_EQ(past->size(), 2u);
  EXPECT_TRUE(past->at(1).ended_on.has_value());

  auto parks = testing::make_household(db(), actor(), {}, "The Park Household");
  auto joined = db().write(
      actor(), [&](Unit& u) { return households::add_member(u, parks.id, john.id, "spouse"); });
  ASSERT_TRUE(joined.is_ok()) << joined.status().to_string();
  of = db().read([&](Unit& u) { return households::household_of(u, john.id); });
  ASSERT_TRUE(of->has_value());
  EXPECT_EQ((*of)->household_id, parks.id);
  EXPECT_EQ((*of)->role, "spouse");
}

TEST_P(HouseholdRepositoryTest, OneCurrentHouseholdPerPerson) {
  auto grace = testing::make_individual(db(), actor(), "영희", "김");
  auto kims = testing::make_household(db(), actor(), {grace.id});
  EXPECT_EQ(kims.name(), "김씨 가정");
  long long before = testing::query_int(db(), "SELECT COUNT(*) FROM constituents");
  households::HouseholdInput again;
  again.member_ids = {grace.id};
  auto refused = db().write(actor(), [&](Unit& u) { return households::create(u, again); });
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituents"), before);
  auto not_person =
      db().write(actor(), [&](Unit& u) { return households::add_member(u, kims.id, kims.id); });
  EXPECT_EQ(not_person.status().fields().at(0).field, "member_id");
}

TEST_P(HouseholdRepositoryTest, RelationshipsReadFromBothSides) {
  auto mom = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto son = testing::make_individual(db(), actor(), "Sam", "Kim");
  auto church = testing::make_organization(db(), actor(), "Grace Church");
  auto made = db().write(actor(), [&](Unit& u) {
    return relationships::create(u, {mom.id, son.id, "parent_of", {}, {}, {}});
  });
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  ASSERT_TRUE(
      db().write(actor(),
                 [&](Unit& u) {
                   return relationships::create(u, {son.id, church.id, "member_of", {}, {}, {}});
                 })
          .is_ok());
  auto from_son = db().read([&](Unit& u) { return relationships::list_for(u, son.id); });
  ASSERT_EQ(from_son->size(), 2u);
  EXPECT_EQ(from_son->at(0).type, "child_of");
  EXPECT_EQ(from_son->at(0).related_id, mom.id);
  EXPECT_EQ(from_son->at(0).related_name, "Grace Kim");
  EXPECT_EQ(from_son->at(1).type, "member_of");
  auto from_church = db().read([&](Unit& u) { return relationships::list_for(u, church.id); });
  ASSERT_EQ(from_church->size(), 1u);
  EXPECT_EQ(from_church->at(0).type, "has_member");
  auto from_mom = db().read([&](Unit& u) { return relationships::list_for(u, mom.id); });
  ASSERT_EQ(from_mom->size(), 1u);
  EXPECT_EQ(from_mom->at(0).type, "parent_of");
  // The same relationship entered from the other side is a duplicate.
  auto dup = db().write(actor(), [&](Unit& u) {
    return relationships::create(u, {son.id, mom.id, "child_of", {}, {}, {}});
  });
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  auto self = db().write(actor(), [&](Unit& u) {
    return relationships::create(u, {mom.id, mom.id, "spouse", {}, {}, {}});
  });
  EXPECT_EQ(self.status().fields().at(0).field, "related_id");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM relationships"), 2);
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return relationships::remove(u, made->id); }).is_ok());
  EXPECT_EQ(db().read([&](Unit& u) { return relationships::list_for(u, mom.id); })->size(), 0u);
}

STEWARD_INSTANTIATE_DATABASE_TEST(HouseholdRepositoryTest);

}  // namespace
}  // namespace steward::store

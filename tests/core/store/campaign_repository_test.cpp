#include "store/campaign_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::Date;

class CampaignRepositoryTest : public testing::DatabaseTest {};

domain::CampaignInput capital() {
  domain::CampaignInput in;
  in.code = "CAP2026";
  in.name = "새 성전 건축";
  in.goal = sdk::Money{50000000, "USD"};
  in.starts_on = Date(2026, 1, 1);
  in.ends_on = Date(2026, 12, 31);
  return in;
}

TEST_P(CampaignRepositoryTest, CampaignsAndAppealsRoundTrip) {
  auto c = db().write(actor(), [&](Unit& u) { return campaigns::create(u, capital()); });
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->name, "새 성전 건축");
  ASSERT_TRUE(c->goal.has_value());
  EXPECT_EQ(c->goal->minor, 50000000);
  EXPECT_EQ(c->ends_on->to_string(), "2026-12-31");
  auto dup = db().write(actor(), [&](Unit& u) { return campaigns::create(u, capital()); });
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  domain::AppealInput a;
  a.campaign_id = c->id;
  a.code = "SPRING-MAIL";
  a.name = "Spring letter";
  a.goal = sdk::Money{1000000, "USD"};
  auto appeal = db().write(actor(), [&](Unit& u) { return campaigns::create_appeal(u, a); });
  ASSERT_TRUE(appeal.is_ok()) << appeal.status().to_string();
  EXPECT_EQ(appeal->channel, "mail");
  auto appeals = db().read([&](Unit& u) { return campaigns::appeals_of(u, c->id); });
  ASSERT_EQ(appeals->size(), 1u);
  auto changed = capital();
  changed.active = false;
  changed.goal.reset();
  auto updated = db().write(actor(), [&](Unit& u) { return campaigns::update(u, c->id, changed); });
  ASSERT_TRUE(updated.is_ok());
  EXPECT_FALSE(updated->goal.has_value());
  EXPECT_EQ(db().read([&](Unit& u) { return campaigns::list(u, true); })->size(), 0u);
  EXPECT_EQ(db().read([&](Unit& u) { return campaigns::list(u); })->size(), 1u);
}

TEST_P(CampaignRepositoryTest, BadInputNamesTheField) {
  auto in = capital();
  in.ends_on = Date(2025, 1, 1);
  auto r = db().write(actor(), [&](Unit& u) { return campaigns::create(u, in); });
  EXPECT_EQ(r.status().fields().at(0).field, "ends_on");
  in = capital();
  in.goal = sdk::Money{100, "EUR"};
  r = db().write(actor(), [&](Unit& u) { return campaigns::create(u, in); });
  EXPECT_EQ(r.status().fields().at(0).field, "goal.currency");
  domain::AppealInput a;
  a.campaign_id = 77;
  a.code = "X";
  a.name = "X";
  auto appeal = db().write(actor(), [&](Unit& u) { return campaigns::create_appeal(u, a); });
  EXPECT_EQ(appeal.status().fields().at(0).field, "campaign_id");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(CampaignRepositoryTest);

}  // namespace
}  // namespace steward::store

// Store follow-ups for the API: campaign results without restricted donors, campaign pages by
// id, task edit and soft delete, appeal edit; writes audited.
#include <gtest/gtest.h>

#include "store/appeal_changes.hpp"
#include "store/campaign_pages.hpp"
#include "store/campaign_repository.hpp"
#include "store/campaign_results.hpp"
#include "store/task_changes.hpp"
#include "store/task_repository.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using testing::GiftSpec;

class RestrictedResultsPagesTest : public testing::DatabaseTest {};

TEST_P(RestrictedResultsPagesTest, ResultsWithoutRestrictedDonors) {
  testing::SegmentFixtures f(db());
  long long kim = f.constituent("김민준");
  long long secret = f.constituent("박지현");
  f.set_flag(secret, "restricted", true);
  long long campaign = f.campaign("CAP");
  GiftSpec g;
  g.received_on = "2026-02-01";
  g.campaign_id = campaign;
  g.amount_minor = 10000;
  f.gift(kim, g);
  g.amount_minor = 50000;
  f.gift(secret, g);
  auto all = db().read([&](Unit& u) { return campaigns::results(u, campaign, true); });
  auto visible = db().read([&](Unit& u) { return campaigns::results(u, campaign, false); });
  ASSERT_TRUE(all && visible);
  EXPECT_EQ(all->total.raised_minor, 60000);
  EXPECT_EQ(all->total.donor_count, 2);
  EXPECT_EQ(visible->total.raised_minor, 10000);
  EXPECT_EQ(visible->total.donor_count, 1);
  EXPECT_EQ(visible->no_appeal.gift_count, 1);
}

TEST_P(RestrictedResultsPagesTest, CampaignPagesAreFullAndById) {
  testing::SegmentFixtures f(db());
  std::vector<long long> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(f.campaign("P" + std::to_string(i)));
  std::vector<long long> seen;
  PageRequest page{0, 2};
  for (int n = 0; n < 3; ++n) {
    auto p = db().read([&](Unit& u) { return campaigns::list_page(u, std::nullopt, page); });
    ASSERT_TRUE(p) << p.status().to_string();
    for (const auto& c : p->items) seen.push_back(c.id);
    EXPECT_EQ(p->items.size(), n < 2 ? 2u : 1u);
    EXPECT_EQ(p->next_after_id.has_value(), n < 2);
    if (p->next_after_id) page.after_id = *p->next_after_id;
  }
  EXPECT_EQ(seen, ids);
}

TEST_P(RestrictedResultsPagesTest, TaskEditAndSoftDeleteAreAudited) {
  domain::TaskInput in;
  in.assignee = "mina";
  in.title = "전화";
  auto made = db().write(actor(), [&](Unit& u) { return tasks::create(u, in); });
  ASSERT_TRUE(made) << made.status().to_string();
  in.title = "방문";
  in.details = "편지";
  in.due_on = domain::Date::parse("2026-05-01").value();
  auto edited = db().write(actor(), [&](Unit& u) { return tasks::update(u, made->id, in); });
  ASSERT_TRUE(edited) << edited.status().to_string();
  EXPECT_EQ(edited->title, "방문");
  EXPECT_EQ(edited->details, "편지");
  in.title = "";
  auto bad = db().write(actor(), [&](Unit& u) { return tasks::update(u, made->id, in); });
  EXPECT_FALSE(bad);
  Status gone = db().write(actor(), [&](Unit& u) { return tasks::remove(u, made->id); });
  EXPECT_TRUE(gone) << gone.to_string();
  EXPECT_FALSE(db().read([&](Unit& u) { return tasks::get(u, made->id); }));
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'task' AND action IN ('update', 'delete')"),
            2);
}

TEST_P(RestrictedResultsPagesTest, AppealEditKeepsItsCampaign) {
  testing::SegmentFixtures f(db());
  long long campaign = f.campaign("CAP");
  long long appeal = f.appeal(campaign, "SPRING");
  domain::AppealInput in;
  in.code = "AUTUMN";
  in.name = "가을 편지";
  in.channel = "email";
  in.campaign_id = 999;
  auto edited =
      db().write(actor(), [&](Unit& u) { return campaigns::update_appeal(u, appeal, in); });
  ASSERT_TRUE(edited) << edited.status().to_string();
  EXPECT_EQ(edited->name, "가을 편지");
  EXPECT_EQ(edited->campaign_id, campaign);
  in.channel = "pigeon";
  EXPECT_FALSE(
      db().write(actor(), [&](Unit& u) { return campaigns::update_appeal(u, appeal, in); }));
}

STEWARD_INSTANTIATE_DATABASE_TEST(RestrictedResultsPagesTest);

}  // namespace
}  // namespace steward::store

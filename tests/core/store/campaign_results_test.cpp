// What a campaign raised: only counted gifts (completed, partially refunded; not pending,
// failed, refunded or deleted), net of refunds, by appeal, distinct donors, and gifts in another
// currency kept apart.
#include "store/campaign_results.hpp"

#include <gtest/gtest.h>

#include "store/campaign_repository.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using testing::GiftSpec;

class CampaignResultsTest : public testing::DatabaseTest {};

TEST_P(CampaignResultsTest, CountsOnlyCountedGiftsNetOfRefundsByAppeal) {
  testing::SegmentFixtures f(db());
  long long kim = f.constituent("김민준");
  long long lee = f.constituent("이서연");
  long long campaign = f.campaign("CAP");
  long long spring = f.appeal(campaign, "SPRING");
  auto gift = [&](long long who, long long minor, const std::string& status,
                  std::optional<long long> appeal, long long refunded = 0, bool deleted = false) {
    GiftSpec g;
    g.received_on = "2026-02-01";
    g.amount_minor = minor;
    g.status = status;
    g.refunded_minor = refunded;
    g.campaign_id = campaign;
    g.appeal_id = appeal;
    g.deleted = deleted;
    f.gift(who, g);
  };
  gift(kim, 10000, "completed", spring);
  gift(lee, 20000, "partially_refunded", spring, 5000);
  gift(kim, 3000, "completed", std::nullopt);
  gift(kim, 99900, "pending", spring);
  gift(kim, 99900, "refunded", spring, 99900);
  gift(lee, 99900, "completed", std::nullopt, 0, true);

  auto r = db().read([&](Unit& u) { return campaigns::results(u, campaign); });
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->total.raised_minor, 28000);
  EXPECT_EQ(r->total.gift_count, 3);
  EXPECT_EQ(r->total.donor_count, 2);
  ASSERT_EQ(r->by_appeal.size(), 1u);
  EXPECT_EQ(r->by_appeal[0].appeal_id, spring);
  EXPECT_EQ(r->by_appeal[0].tally.raised_minor, 25000);
  EXPECT_EQ(r->no_appeal.raised_minor, 3000);
  EXPECT_EQ(r->no_appeal.donor_count, 1);
}

TEST_P(CampaignResultsTest, GiftsInAnotherCurrencyAreKeptApartAndMissingCampaignsAreNotFound) {
  testing::SegmentFixtures f(db());
  long long kim = f.constituent("김민준");
  auto krw = db().write(actor(), [&](Unit& u) {
    domain::CampaignInput in;
    in.code = "SEOUL";
    in.name = "서울";
    in.currency = "KRW";
    return campaigns::create(u, in);
  });
  ASSERT_TRUE(krw.is_ok()) << krw.status().to_string();
  GiftSpec g;
  g.received_on = "2026-02-01";
  g.amount_minor = 5000;  // a USD gift (base USD) to a KRW campaign
  g.campaign_id = krw->id;
  f.gift(kim, g);
  auto r = db().read([&](Unit& u) { return campaigns::results(u, krw->id); });
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->total.raised_minor, 0);
  EXPECT_EQ(r->total.gift_count, 0);
  EXPECT_EQ(r->total.other_currency_gifts, 1);
  auto missing = db().read([&](Unit& u) { return campaigns::results(u, 424242); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

STEWARD_INSTANTIATE_DATABASE_TEST(CampaignResultsTest);

}  // namespace
}  // namespace steward::store

#include "engine/segment_service.hpp"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using testing::GiftSpec;
using Ids = std::vector<long long>;

class SegmentServiceTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    data_ = std::make_unique<testing::SegmentFixtures>(db());
  }
  testing::SegmentFixtures& data() { return *data_; }

  // The members of `filter`, every page.
  Ids members(const std::string& filter, segments::Options options = {}) {
    Ids out;
    store::PageRequest page;
    page.limit = 2;  // small pages exercise the cursor
    for (int guard = 0; guard < 100; ++guard) {
      auto r =
          db().read([&](store::Unit& u) { return segments::members(u, filter, page, options); });
      EXPECT_TRUE(r.is_ok()) << filter << ": " << r.status().to_string();
      if (!r) return out;
      for (const auto& m : r->items) out.push_back(m.id);
      if (!r->next_after_id) break;
      page.after_id = *r->next_after_id;
    }
    auto n = db().read([&](store::Unit& u) { return segments::count(u, filter, options); });
    EXPECT_TRUE(n.is_ok()) << n.status().to_string();
    if (n) {
      EXPECT_EQ(*n, static_cast<long long>(out.size())) << "count and members disagree";
    }
    return out;
  }

  Status error_of(const std::string& filter) {
    auto r = db().read([&](store::Unit& u) { return segments::count(u, filter); });
    return r.is_ok() ? Status::ok() : r.status();
  }

 private:
  std::unique_ptr<testing::SegmentFixtures> data_;
};

TEST_P(SegmentServiceTest, GaveMatchesDatesAmountsFundCampaignAndAppeal) {
  long long medical = data().fund("MEDICAL");
  long long safety = data().fund("SAFETY");
  long long spring = data().campaign("SPRING26");
  long long letter = data().appeal(spring, "LETTER1");
  long long ann = data().constituent("Ann");
  long long bo = data().constituent("Bo");
  long long cy = data().constituent("Cy");
  long long none = data().constituent("Never Gave");
  (void)none;
  data().gift(ann, "2025-03-01", 15000, "completed", 0, medical, spring, letter);
  data().gift(bo, "2025-06-30", 5000, "completed", 0, safety);
  data().gift(cy, "2024-12-31", 50000, "completed", 0, medical);

  EXPECT_EQ(members(R"({"gave":{}})"), (Ids{ann, bo, cy}));
  EXPECT_EQ(members(R"({"gave":{"from":"2025-01-01","to":"2025-12-31"}})"), (Ids{ann, bo}));
  EXPECT_EQ(members(R"({"gave":{"from":"2025-01-01","min":"100.00"}})"), (Ids{ann}));
  EXPECT_EQ(members(R"({"gave":{"max":"50"}})"), (Ids{bo}));
  EXPECT_EQ(members(R"({"gave":{"fund":"MEDICAL"}})"), (Ids{ann, cy}));
  EXPECT_EQ(members(R"({"gave":{"fund":)" + std::to_string(safety) + "}}"), (Ids{bo}));
  EXPECT_EQ(members(R"({"gave":{"campaign":"SPRING26"}})"), (Ids{ann}));
  EXPECT_EQ(members(R"({"gave":{"appeal":)" + std::to_string(letter) + "}}"), (Ids{ann}));
  EXPECT_EQ(members(R"({"gave":{"fund":"NOSUCH"}})"), Ids{});
}

TEST_P(SegmentServiceTest, GaveTotalsSumTheMatchingGifts) {
  long long ann = data().constituent("Ann");
  long long bo = data().constituent("Bo");
  data().gift(ann, "2025-01-10", 6000);
  data().gift(ann, "2025-02-10", 6000);
  data().gift(bo, "2025-01-10", 10000);
  EXPECT_EQ(members(R"({"gave":{"from":"2025-01-01","total_min":"110"}})"), (Ids{ann}));
  EXPECT_EQ(members(R"({"gave":{"total_max":"100"}})"), (Ids{bo}));
}

TEST_P(SegmentServiceTest, RefundsPendingFailedAndDeletedGiftsDoNotCount) {
  long long fund = data().fund("GENERAL");
  long long partial = data().constituent("Partly refunded");
  long long full = data().constituent("Fully refunded");
  long long pending = data().constituent("Pending");
  long long failed = data().constituent("Failed");
  long long deleted = data().constituent("Deleted gift");
  data().gift(partial, "2025-05-01", 20000, "partially_refunded", 15000, fund);
  data().gift(full, "2025-05-01", 20000, "refunded", 20000, fund);
  data().gift(pending, "2025-05-01", 20000, "pending");
  data().gift(failed, "2025-05-01", 20000, "failed");
  GiftSpec gone;
  gone.received_on = "2025-05-01";
  gone.amount_minor = 20000;
  gone.deleted = true;
  data().gift(deleted, gone);

  EXPECT_EQ(members(R"({"gave":{}})"), (Ids{partial}));
  // Net of the refund: $50 remains of the $200 gift.
  EXPECT_EQ(members(R"({"gave":{"min":"100"}})"), Ids{});
  EXPECT_EQ(members(R"({"gave":{"min":"50","max":"50"}})"), (Ids{partial}));
  EXPECT_EQ(members(R"({"gave":{"fund":"GENERAL","min":"50.01"}})"), Ids{});
  EXPECT_EQ(members(R"({"gave":{"fund":"GENERAL","min":"50.00"}})"), (Ids{partial}));
  EXPECT_EQ(members(R"({"lifetime":{"min":"50.01"}})"), Ids{});
}

TEST_P(SegmentServiceTest, LastAndFirstGift) {
  long long old_donor = data().constituent("Old");
  long long recent = data().constituent("Recent");
  long long steady = data().constituent("Steady");
  data().gift(old_donor, "2021-04-01", 1000);
  data().gift(recent, "2025-09-01", 1000);
  data().gift(steady, "2019-01-01", 1000);
  data().gift(steady, "2025-02-01", 1000);

  EXPECT_EQ(members(R"({"last_gift":{"before":"2024-01-01"}})"), (Ids{old_donor}));
  EXPECT_EQ(members(R"({"last_gift":{"after":"2025-01-01"}})"), (Ids{recent, steady}));
  EXPECT_EQ(members(R"({"last_gift":{"after":"2025-01-01","before":"2025-06-01"}})"),
            (Ids{steady}));
  EXPECT_EQ(members(R"({"first_gift":{"from":"2025-01-01"}})"), (Ids{recent}));
  EXPECT_EQ(members(R"({"first_gift":{"from":"2018-01-01","to":"2021-12-31"}})"),
            (Ids{old_donor, steady}));
  EXPECT_EQ(members(R"({"first_gift":{"to":"2020-01-01"}})"), (Ids{steady}));
}

TEST_P(SegmentServiceTest, LifetimeCountsNonDonorsAsZero) {
  long long big = data().constituent("Big");
  long long small = data().constituent("Small");
  long long none = data().constituent("None");
  data().gift(big, "2020-01-01", 60000);
  data().gift(big, "2021-01-01", 60000);
  data().gift(small, "2021-01-01", 2500);
  EXPECT_EQ(members(R"({"lifetime":{"min":"1000"}})"), (Ids{big}));
  EXPECT_EQ(members(R"({"lifetime":{"max":"100"}})"), (Ids{small, none}));
  EXPECT_EQ(members(R"({"lifetime":{"min":"1","max":"1199.99"}})"), (Ids{small}));
}

TEST_P(SegmentServiceTest, RecurringPlanStatuses) {
  long long active = data().constituent("Active");
  long long failing = data().constituent("Failing");
  long long cancelled = data().constituent("Cancelled");
  data().plan(active, "active");
  data().plan(failing, "failing");
  data().plan(cancelled, "cancelled");
  EXPECT_EQ(members(R"({"recurring":{}})"), (Ids{active}));
  EXPECT_EQ(members(R"({"recurring":{"status":["active","failing"]}})"), (Ids{active, failing}));
  EXPECT_EQ(members(R"({"recurring":{"status":"cancelled"}})"), (Ids{cancelled}));
}

TEST_P(SegmentServiceTest, LybuntAndSybuntFollowAJulyFiscalYear) {
  data().set_setting("fiscal_year_start_month", "7");
  // FY2026 = 2025-07-01..2026-06-30; FY2025 = 2024-07-01..2025-06-30.
  long long lybunt = data().constituent("Gave FY2025 only");
  long long both = data().constituent("Gave FY2025 and FY2026");
  long long sybunt = data().constituent("Gave FY2023 only");
  long long sy_and_now = data().constituent("Gave FY2023 and FY2026");
  long long sy_and_last = data().constituent("Gave FY2023 and FY2025");
  data().gift(lybunt, "2025-06-30", 1000);  // last day of FY2025
  data().gift(both, "2024-07-01", 1000);
  data().gift(both, "2025-07-01", 1000);  // first day of FY2026
  data().gift(sybunt, "2023-01-15", 1000);
  data().gift(sy_and_now, "2023-01-15", 1000);
  data().gift(sy_and_now, "2026-01-15", 1000);
  data().gift(sy_and_last, "2023-01-15", 1000);
  data().gift(sy_and_last, "2025-01-15", 1000);

  EXPECT_EQ(members(R"({"lybunt":{"year":2026}})"), (Ids{lybunt, sy_and_last}));
  EXPECT_EQ(members(R"({"sybunt":{"year":2026}})"), (Ids{sybunt}));
  // With a calendar fiscal year, 2025-06-30 and 2025-07-01 are the same year (2025).
  segments::Options in_2026;
  in_2026.today = domain::Date(2026, 3, 1);  // FY2026 under July fiscal years
  EXPECT_EQ(members(R"({"lybunt":{}})", in_2026), (Ids{lybunt, sy_and_last}));
  data().set_setting("fiscal_year_start_month", "1");
  EXPECT_EQ(members(R"({"lybunt":{"year":2026}})"), (Ids{lybunt, both, sy_and_last}));
}

TEST_P(SegmentServiceTest, TagsByNameOrIdIncludingHangulAndInjectionLookingNames) {
  long long board = data().constituent("Board member");
  long long korean = data().constituent("김민지");
  long long odd = data().constituent("Odd tag");
  long long board_tag = data().tag(board, "Board");
  data().tag(korean, "이사회");
  data().tag(odd, "x' OR 1=1 --");
  EXPECT_EQ(members(R"({"tag":"Board"})"), (Ids{board}));
  EXPECT_EQ(members(R"({"tag":)" + std::to_string(board_tag) + "}"), (Ids{board}));
  EXPECT_EQ(members(R"({"tag":"이사회"})"), (Ids{korean}));
  EXPECT_EQ(members(R"({"tag":"x' OR 1=1 --"})"), (Ids{odd}));
  EXPECT_EQ(members(R"({"tag":"board' OR '1'='1"})"), Ids{});
  EXPECT_EQ(members(R"({"region":"x') OR 1=1 --"})"), Ids{});
  auto page = db().read([&](store::Unit& u) {
    return segments::members(u, R"({"tag":"이사회"})", store::PageRequest{});
  });
  ASSERT_TRUE(page.is_ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].display_name, "김민지");
}

TEST_P(SegmentServiceTest, KindOrganizationTypeRegionAndCountry) {
  long long person = data().constituent("Person");
  long long church = data().constituent("Seoul Church", "organization", "church");
  long long biz = data().constituent("Acme", "organization", "business");
  data().address(person, "US", "CA");
  data().address(church, "KR", "Seoul");
  data().address(biz, "KR", "Busan", false);  // not primary
  EXPECT_EQ(members(R"({"kind":"organization"})"), (Ids{church, biz}));
  EXPECT_EQ(members(R"({"organization_type":"church"})"), (Ids{church}));
  EXPECT_EQ(members(R"({"not":{"organization_type":"church"}})"), (Ids{person, biz}));
  EXPECT_EQ(members(R"({"country":"kr"})"), (Ids{church}));
  EXPECT_EQ(members(R"({"region":"seoul"})"), (Ids{church}));
  EXPECT_EQ(members(R"({"region":"Busan"})"), Ids{});
}

TEST_P(SegmentServiceTest, CanBeEmailedAndMailed) {
  long long ok = data().constituent("Reachable");
  long long opted_out = data().constituent("Do not email or mail");
  long long unsub = data().constituent("Unsubscribed");
  long long secondary = data().constituent("Only a secondary email");
  long long bad_address = data().constituent("Undeliverable");
  data().email(ok, "ok@example.org");
  data().address(ok, "US", "NY");
  data().email(opted_out, "no@example.org");
  data().address(opted_out, "US", "NY");
  data().set_flag(opted_out, "do_not_email", true);
  data().set_flag(opted_out, "do_not_mail", true);
  data().email(unsub, "gone@example.org", true, true);
  data().email(secondary, "second@example.org", false);
  data().address(bad_address, "US", "NY", true, true);
  EXPECT_EQ(members(R"({"can_be_emailed":true})"), (Ids{ok}));
  EXPECT_EQ(members(R"({"can_be_mailed":true})"), (Ids{ok}));
  EXPECT_EQ(members(R"({"can_be_emailed":false})"),
            (Ids{opted_out, unsub, secondary, bad_address}));
}

TEST_P(SegmentServiceTest, RestrictedExcludedUnlessAskedForAndDeletedAlwaysExcluded) {
  long long open = data().constituent("Open");
  long long hidden = data().constituent("Restricted");
  long long gone = data().constituent("Deleted");
  data().set_flag(hidden, "restricted", true);
  data().set_flag(gone, "restricted", true);
  data().soft_delete(gone);
  data().tag(open, "Board");
  data().tag(hidden, "Board");
  data().tag(gone, "Board");
  EXPECT_EQ(members("{}"), (Ids{open}));
  EXPECT_EQ(members(R"({"tag":"Board"})"), (Ids{open}));
  EXPECT_EQ(members(R"({"and":[{"tag":"Board"},{"restricted":true}]})"), (Ids{hidden}));
  EXPECT_EQ(members(R"({"or":[{"restricted":true},{"restricted":false}]})"), (Ids{open, hidden}));
  EXPECT_EQ(members(R"({"restricted":false})"), (Ids{open}));
}

TEST_P(SegmentServiceTest, NestedNotOfOr) {
  long long medical = data().fund("MEDICAL");
  long long board = data().constituent("Board");
  long long gave_medical = data().constituent("Medical donor");
  long long neither = data().constituent("Neither");
  long long other_fund = data().constituent("Other fund donor");
  data().tag(board, "Board");
  data().gift(gave_medical, "2025-01-01", 1000, "completed", 0, medical);
  data().gift(other_fund, "2025-01-01", 1000, "completed", 0, data().fund("OTHER"));
  EXPECT_EQ(members(R"({"not":{"or":[{"tag":"Board"},{"gave":{"fund":"MEDICAL"}}]}})"),
            (Ids{neither, other_fund}));
  EXPECT_EQ(members(R"({"and":[{"gave":{}},{"not":{"or":[{"tag":"Board"},{"gave":{"fund":)" +
                    std::to_string(medical) + "}}]}}]}"),
            (Ids{other_fund}));
}

TEST_P(SegmentServiceTest, InvalidFiltersNameTheBadPartAndNeverRun) {
  Status s = error_of(R"({"and":[{"tag":"Board"},{"gave":{"min":"lots"}}]})");
  EXPECT_EQ(s.code(), StatusCode::kInvalid);
  ASSERT_FALSE(s.fields().empty());
  EXPECT_EQ(s.fields()[0].field, "and[1].gave.min");
  EXPECT_NE(s.message().find("not a decimal amount"), std::string::npos);
  EXPECT_EQ(error_of(R"({"tag":"x","drop":"table"})").code(), StatusCode::kInvalid);
  EXPECT_EQ(error_of("not json").fields().at(0).field, "filter");
  // The database is untouched by a refused filter (and still works).
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituents"), 0);
}

TEST_P(SegmentServiceTest, AmountsAreInTheBaseCurrencySetting) {
  data().set_setting("base_currency", "KRW");
  long long donor = data().constituent("박서연");
  data().gift(donor, "2025-01-01", 50000);  // fixture gifts are 1:1 with the base amount
  EXPECT_EQ(members(R"({"lifetime":{"min":"50000"}})"), (Ids{donor}));
  EXPECT_EQ(members(R"({"lifetime":{"min":"50001"}})"), Ids{});
  Status cents = error_of(R"({"or":[{"tag":"x"},{"lifetime":{"min":"10.50"}}]})");
  ASSERT_FALSE(cents.fields().empty());
  EXPECT_EQ(cents.fields()[0].field, "or[1].lifetime.min");
  EXPECT_NE(cents.message().find("KRW"), std::string::npos) << cents.message();
}

TEST_P(SegmentServiceTest, MembersArePagedInIdOrder) {
  Ids all;
  for (int i = 0; i < 7; ++i) all.push_back(data().constituent("Donor " + std::to_string(i)));
  Ids seen = members("{}");
  EXPECT_EQ(seen, all);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

STEWARD_INSTANTIATE_DATABASE_TEST(SegmentServiceTest);

}  // namespace
}  // namespace steward::engine

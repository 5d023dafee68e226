// The acknowledgment queue's time rule (decision 0220): each gift is due
// mail.thank_within_hours (default 48) after the end of the day it was received (UTC), is
// overdue after that and due soon in the 24 hours before; the queue counts both over all of it,
// filters to the overdue, and lists the most overdue first. A fixed clock throughout.
#include <gtest/gtest.h>

#include "engine/ack_queue.hpp"
#include "store/mail_settings.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

domain::Instant clock_at(const char* text) { return domain::parse_instant(text).value(); }

class AckQueueDeadlineTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    fund_ = testing::make_fund(db(), "SHELTER");
    donor_ = testing::make_donor(db(), "김민지", "minji@example.com");
  }
  long long gift_on(const std::string& day) {
    return testing::record_gift_for(db(), donor_, 5000, day, fund_);
  }
  std::vector<AckItem> queue(const char* now, bool overdue_only = false) {
    AckRule rule;
    rule.now = clock_at(now);
    rule.overdue_only = overdue_only;
    auto items = db().read([&](store::Unit& u) { return ack_queue(u, rule); });
    EXPECT_TRUE(items) << items.status().to_string();
    return items ? *items : std::vector<AckItem>{};
  }
  AckSummary summary(const char* now) {
    AckRule rule;
    rule.now = clock_at(now);
    auto s = db().read([&](store::Unit& u) { return ack_summary(u, rule); });
    EXPECT_TRUE(s) << s.status().to_string();
    return s ? *s : AckSummary{};
  }
  long long fund_ = 0;
  long long donor_ = 0;
};

TEST_P(AckQueueDeadlineTest, AGift49HoursOldIsOverdueAnd47HoursOldIsNot) {
  // Received 2026-03-01: the clock starts at 2026-03-02T00:00:00Z, due 2026-03-04T00:00:00Z.
  long long gift = gift_on("2026-03-01");
  auto late = queue("2026-03-04T01:00:00Z");  // 49 h
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].gift.gift_id, gift);
  EXPECT_TRUE(late[0].deadline.overdue);
  EXPECT_EQ(domain::format_instant(late[0].deadline.due_by), "2026-03-04T00:00:00Z");
  EXPECT_EQ(ack_item_json(late[0])["due_by"], "2026-03-04T00:00:00Z");
  EXPECT_EQ(ack_item_json(late[0])["overdue"], true);

  auto close = queue("2026-03-03T23:00:00Z");  // 47 h
  ASSERT_EQ(close.size(), 1u);
  EXPECT_FALSE(close[0].deadline.overdue);
  EXPECT_TRUE(close[0].deadline.due_soon);
}

TEST_P(AckQueueDeadlineTest, CountsFilterAndOrderCoverTheWholeQueue) {
  // At 2026-03-10T12:00Z with 48 h: received on or before 03-07 is overdue (due 03-10T00:00),
  // 03-08 is due soon (due 03-11T00:00), 03-09 and 03-10 are neither.
  long long oldest = gift_on("2026-03-01");
  long long late = gift_on("2026-03-07");
  long long soon = gift_on("2026-03-08");
  gift_on("2026-03-09");
  gift_on("2026-03-10");
  const char* now = "2026-03-10T12:00:00Z";

  AckSummary s = summary(now);
  EXPECT_EQ(s.total, 5);
  EXPECT_EQ(s.overdue, 2);
  EXPECT_EQ(s.due_soon, 1);
  EXPECT_EQ(s.thank_within_hours, 48);
  EXPECT_EQ(s.to_json(), (nlohmann::json{{"total", 5}, {"overdue", 2}, {"due_soon", 1}}));

  auto all = queue(now);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].gift.gift_id, oldest);  // the most overdue first
  EXPECT_EQ(all[1].gift.gift_id, late);
  EXPECT_EQ(all[2].gift.gift_id, soon);
  EXPECT_TRUE(all[2].deadline.due_soon);
  EXPECT_FALSE(all[3].deadline.overdue || all[3].deadline.due_soon);

  auto overdue = queue(now, true);
  ASSERT_EQ(overdue.size(), 2u);
  EXPECT_EQ(overdue[0].gift.gift_id, oldest);
  EXPECT_EQ(overdue[1].gift.gift_id, late);
  for (const auto& item : overdue) EXPECT_TRUE(item.deadline.overdue);

  // A thanked gift leaves the counts.
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE gifts SET acknowledged_at = '2026-03-10T11:00:00Z', "
               "acknowledgment_method = 'phone' WHERE id = :id",
        soci::use(late);
    return Status::ok();
  }));
  EXPECT_EQ(summary(now).overdue, 1);
  EXPECT_EQ(summary(now).total, 4);
}

TEST_P(AckQueueDeadlineTest, TheWindowIsASettingCheckedBeforeItIsSaved) {
  gift_on("2026-03-01");
  // Due 2026-03-02T00:00Z + 24 h with a one-day window: overdue at 03-03T01:00.
  testing::set_mail_setting(db(), "mail.thank_within_hours", "24");
  EXPECT_TRUE(queue("2026-03-03T01:00:00Z")[0].deadline.overdue);
  EXPECT_EQ(summary("2026-03-03T01:00:00Z").thank_within_hours, 24);
  testing::set_mail_setting(db(), "mail.thank_within_hours", "72");
  EXPECT_FALSE(queue("2026-03-04T01:00:00Z")[0].deadline.overdue);
  EXPECT_TRUE(queue("2026-03-04T01:00:00Z")[0].deadline.due_soon);

  for (const char* bad : {"0", "721", "-5", "48h", "", "2.5", "99999999999"}) {
    Status refused = db().write(actor(), [&](store::Unit& u) {
      return store::mail_settings::set(u, "mail.thank_within_hours", bad);
    });
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.code(), StatusCode::kInvalid) << bad;
    ASSERT_FALSE(refused.fields().empty()) << bad;
    EXPECT_EQ(refused.fields().at(0).field, "mail.thank_within_hours");
    EXPECT_NE(refused.fields().at(0).message.find("1 to 720"), std::string::npos);
  }
  auto kept = db().read([](store::Unit& u) { return store::mail_settings::get(u); });
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->thank_within_hours, 72);  // nothing written by the refused values
}

STEWARD_INSTANTIATE_DATABASE_TEST(AckQueueDeadlineTest);

}  // namespace
}  // namespace steward::engine

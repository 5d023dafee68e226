#include "engine/merge_service.hpp"

#include <gtest/gtest.h>

#include "engine/duplicate_finder.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::merge {
namespace {

namespace fx = testing::dedupe;
using testing::query_int;

class MergeServiceTest : public testing::DatabaseTest {
 protected:
  Result<MergeOutcome> run(const MergeRequest& req) {
    return db().write(actor(), [&](store::Unit& u) { return merge(u, req); });
  }
  long long q(const std::string& sql) { return query_int(db(), sql); }
  std::string id(long long v) { return std::to_string(v); }
};

TEST_P(MergeServiceTest, ThreeRecordsWithSoftCreditsBetweenThemLoseNothing) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l1 = fx::add_person(db(), "Jane", "Doe");
  long long l2 = fx::add_person(db(), "J", "Doe");
  long long other = fx::add_person(db(), "Sam", "Roe");
  long long g_s = fx::add_gift(db(), s, 10000);
  long long g_l1 = fx::add_gift(db(), l1, 2500);
  long long g_l2 = fx::add_gift(db(), l2, 700);
  long long g_other = fx::add_gift(db(), other, 5000);
  fx::add_soft_credit(db(), g_s, l1, 10000, "household_member");  // becomes a self credit
  fx::add_soft_credit(db(), g_l1, s, 2500, "household_member");   // becomes a self credit
  fx::add_soft_credit(db(), g_other, l1, 5000, "household_member");
  fx::add_soft_credit(db(), g_other, l2, 3000, "solicitor");  // same gift, same person: one
  fx::add_soft_credit(db(), g_l2, other, 700, "other");       // a third party keeps theirs
  long long gifts_before = q("SELECT COUNT(*) FROM gifts");
  long long sum_before = q("SELECT SUM(amount_minor) FROM gifts");

  auto out = run({s, {l1, l2}, {}});
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();

  EXPECT_EQ(q("SELECT COUNT(*) FROM gifts"), gifts_before);
  EXPECT_EQ(q("SELECT SUM(amount_minor) FROM gifts"), sum_before);
  EXPECT_EQ(q("SELECT COUNT(*) FROM gifts WHERE constituent_id = " + id(s)), 3);
  EXPECT_EQ(q("SELECT SUM(amount_minor) FROM gifts WHERE constituent_id = " + id(s)), 13200);
  EXPECT_EQ(q("SELECT COUNT(*) FROM gifts WHERE constituent_id IN (" + id(l1) + "," + id(l2) + ")"),
            0);
  // No soft credit to the survivor on the survivor's own gifts.
  EXPECT_EQ(q("SELECT COUNT(*) FROM soft_credits sc JOIN gifts g ON g.id = sc.gift_id "
              "WHERE sc.constituent_id = g.constituent_id"),
            0);
  EXPECT_EQ(q("SELECT COUNT(*) FROM soft_credits WHERE gift_id = " + id(g_other)), 1);
  EXPECT_EQ(q("SELECT amount_minor FROM soft_credits WHERE gift_id = " + id(g_other)), 5000);
  EXPECT_EQ(q("SELECT constituent_id FROM soft_credits WHERE gift_id = " + id(g_other)), s);
  EXPECT_EQ(q("SELECT constituent_id FROM soft_credits WHERE gift_id = " + id(g_l2)), other);
  EXPECT_EQ(out->summary["soft_credits_dropped_self"], 2);
  EXPECT_EQ(out->summary["soft_credits_combined"], 1);

  EXPECT_EQ(q("SELECT COUNT(*) FROM constituents WHERE merged_into_id = " + id(s) +
              " AND deleted_at IS NOT NULL"),
            2);
  EXPECT_EQ(q("SELECT COUNT(*) FROM merges WHERE survivor_id = " + id(s)), 1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM audit_events WHERE action = 'merge' AND entity_id = " + id(s)),
            1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM audit_events WHERE action = 'merged'"), 2);
  // Giving summaries follow the gifts: the survivor has all three, the merged records none.
  EXPECT_EQ(q("SELECT gift_count FROM giving_summaries WHERE constituent_id = " + id(s)), 3);
  EXPECT_EQ(q("SELECT lifetime_minor FROM giving_summaries WHERE constituent_id = " + id(s)),
            13200);
  EXPECT_EQ(q("SELECT COALESCE(SUM(lifetime_minor), 0) FROM giving_summaries WHERE "
              "constituent_id IN (" +
              id(l1) + "," + id(l2) + ")"),
            0);
}

TEST_P(MergeServiceTest, ContactPointsAreKeptOnceWithOnePrimary) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l = fx::add_person(db(), "Jane", "Doe");
  fx::add_email(db(), s, "jane@example.org", true);
  fx::add_email(db(), l, "JANE@example.org", true);
  fx::add_email(db(), l, "jane@work.example", false);
  fx::add_phone(db(), l, "555-123-4567", true);  // the survivor has no phone
  fx::add_address(db(), s, "1 Main Street", "10001", true);
  fx::add_address(db(), l, "1 main st", "10001-1234", true);
  ASSERT_TRUE(run({s, {l}, {}}).is_ok());
  EXPECT_EQ(q("SELECT COUNT(*) FROM emails WHERE constituent_id = " + id(s)), 2);
  EXPECT_EQ(q("SELECT COUNT(*) FROM emails WHERE is_primary AND constituent_id = " + id(s)), 1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM phones WHERE is_primary AND constituent_id = " + id(s)), 1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM addresses WHERE constituent_id = " + id(s)), 1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM emails WHERE constituent_id = " + id(l)), 0);
}

TEST_P(MergeServiceTest, FieldChoicesFlagsTagsAndRelationships) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l = fx::add_person(db(), "김영희", "Doe");
  long long friend_id = fx::add_person(db(), "Sam", "Roe");
  fx::exec(db(),
           "UPDATE constituents SET do_not_mail = TRUE, notes = 'from loser', "
           "salutation = 'Dear Younghee' WHERE id = " +
               id(l));
  fx::exec(db(), "UPDATE constituents SET salutation = 'Dear Jane' WHERE id = " + id(s));
  fx::add_tag(db(), s, "board");
  fx::add_tag(db(), l, "board");
  fx::add_tag(db(), l, "volunteer");
  fx::add_relationship(db(), s, l, "spouse");  // becomes a self relationship
  fx::add_relationship(db(), s, friend_id, "friend");
  fx::add_relationship(db(), l, friend_id, "friend");  // duplicate after the merge

  auto out = run({s, {l}, {{"first_name", l}}});
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  auto first = db().read([&](store::Unit& u) -> Result<std::string> {
    std::string v;
    u.sql() << "SELECT first_name FROM constituents WHERE id = :id", soci::use(s), soci::into(v);
    return v;
  });
  EXPECT_EQ(*first, "김영희");  // chosen, Hangul round trip
  auto salutation = db().read([&](store::Unit& u) -> Result<std::string> {
    std::string v;
    u.sql() << "SELECT salutation FROM constituents WHERE id = :id", soci::use(s), soci::into(v);
    return v;
  });
  EXPECT_EQ(*salutation, "Dear Jane");  // not chosen: the survivor's value stays
  EXPECT_EQ(q("SELECT COUNT(*) FROM constituents WHERE do_not_mail AND id = " + id(s)), 1);
  EXPECT_EQ(q("SELECT COUNT(*) FROM constituents WHERE notes = 'from loser' AND id = " + id(s)),
            1);  // blank on the survivor: filled
  EXPECT_EQ(q("SELECT COUNT(*) FROM constituent_tags WHERE constituent_id = " + id(s)), 2);
  EXPECT_EQ(q("SELECT COUNT(*) FROM constituent_tags WHERE constituent_id = " + id(l)), 0);
  EXPECT_EQ(q("SELECT COUNT(*) FROM relationships"), 1);
}

TEST_P(MergeServiceTest, RefusesBadRequestsAndWritesNothing) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l = fx::add_person(db(), "Jane", "Doe");
  EXPECT_EQ(run({s, {}, {}}).status().fields().at(0).field, "losers");
  EXPECT_EQ(run({s, {s}, {}}).status().fields().at(0).field, "losers");
  EXPECT_EQ(run({s, {l}, {{"password", l}}}).status().fields().at(0).field, "take.password");
  EXPECT_EQ(run({s, {l}, {{"first_name", 999}}}).status().fields().at(0).field, "take.first_name");
  EXPECT_EQ(run({s, {999}, {}}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(q("SELECT COUNT(*) FROM merges"), 0);
  EXPECT_EQ(q("SELECT COUNT(*) FROM audit_events"), 0);
  ASSERT_TRUE(run({s, {l}, {}}).is_ok());
  EXPECT_EQ(run({s, {l}, {}}).status().code(), StatusCode::kPreconditionFailed);
}

TEST_P(MergeServiceTest, MergedRecordsAreHiddenFromTheFinder) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l = fx::add_person(db(), "Jane", "Doe");
  fx::add_email(db(), s, "jane@example.org", true);
  fx::add_email(db(), l, "jane@example.org", true);
  auto find_all = [&] {
    return db().read([&](store::Unit& u) { return duplicates::find(u, {}); });
  };
  ASSERT_EQ(find_all()->size(), 1u);
  ASSERT_TRUE(run({s, {l}, {}}).is_ok());
  EXPECT_TRUE(find_all()->empty());
}

TEST_P(MergeServiceTest, HouseholdsInteractionsTasksAndPlansMove) {
  long long s = fx::add_person(db(), "Jane", "Doe");
  long long l = fx::add_person(db(), "Jane", "Doe");
  long long household = 0;
  fx::exec(db(),
           "INSERT INTO constituents (kind, display_name, sort_name) VALUES "
           "('household', 'Doe Household', 'Doe Household')");
  household = q("SELECT MAX(id) FROM constituents");
  fx::exec(db(), "INSERT INTO household_members (household_id, member_id) VALUES (" +
                     id(household) + ", " + id(s) + "), (" + id(household) + ", " + id(l) + ")");
  fx::exec(db(), "INSERT INTO interactions (constituent_id, kind, occurred_at, summary) VALUES (" +
                     id(l) + ", 'call', '2025-01-01T10:00:00Z', '통화: 감사 인사')");
  fx::exec(db(), "INSERT INTO tasks (constituent_id, assignee, title) VALUES (" + id(l) +
                     ", 'staff', 'Thank you call')");
  fx::exec(db(),
           "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, "
           "frequency, anchor_day, starts_on) VALUES (" +
               id(l) + ", 2000, 'USD', 'monthly', 1, '2025-01-01')");
  fx::exec(db(),
           "INSERT INTO pledges (constituent_id, amount_minor, currency, pledged_on) "
           "VALUES (" +
               id(l) + ", 100000, 'USD', '2025-01-01')");
  auto out = run({s, {l}, {}});
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  EXPECT_EQ(q("SELECT COUNT(*) FROM household_members WHERE household_id = " + id(household)), 1);
  EXPECT_EQ(q("SELECT member_id FROM household_members"), s);
  for (const char* table : {"interactions", "tasks", "recurring_plans", "pledges"}) {
    EXPECT_EQ(q(std::string("SELECT COUNT(*) FROM ") + table + " WHERE constituent_id = " + id(s)),
              1)
        << table;
  }
  EXPECT_EQ(out->summary["household_members"]["dropped_duplicates"], 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(MergeServiceTest);

}  // namespace
}  // namespace steward::engine::merge

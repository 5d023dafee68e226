#include "engine/demo_loader.hpp"

#include <array>
#include <map>

#include <gtest/gtest.h>

#include "store/row_reader.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using testing::query_int;

constexpr const char* kToday = "2026-06-30";

DemoOptions small(std::uint64_t seed) {
  DemoOptions o;
  o.seed = seed;
  o.today = kToday;
  o.constituents = 200;
  return o;
}

class DemoLoaderTest : public testing::DatabaseTest {
 protected:
  Result<DemoReport> load(const DemoOptions& o) { return load_demo(db(), actor(), o); }

  // Loads into a second, fresh database of the same backend.
  Result<DemoReport> load_elsewhere(const DemoOptions& o, long long& gifts, long long& total) {
    std::string why;
    auto other = testing::TestDatabase::create(GetParam(), why);
    if (!other) return Status::unavailable(why);
    other->migrate();
    auto r = load_demo(other->db(), actor(), o);
    gifts = query_int(other->db(), "SELECT COUNT(*) FROM gifts");
    total =
        query_int(other->db(), "SELECT SUM(base_amount_minor - base_refunded_minor) FROM gifts");
    return r;
  }
};

TEST_P(DemoLoaderTest, SameSeedLoadsTheSameDataAndADifferentSeedDiffers) {
  auto first = load(small(7));
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  long long gifts = query_int(db(), "SELECT COUNT(*) FROM gifts");
  long long total =
      query_int(db(), "SELECT SUM(base_amount_minor - base_refunded_minor) FROM gifts");
  EXPECT_EQ(gifts, first->gifts);
  EXPECT_EQ(total, first->total_given_minor);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), first->constituents);
  EXPECT_GE(first->constituents, 200);

  long long again_gifts = 0, again_total = 0;
  auto again = load_elsewhere(small(7), again_gifts, again_total);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(again->to_json(), first->to_json());
  EXPECT_EQ(again_gifts, gifts);
  EXPECT_EQ(again_total, total);

  long long other_gifts = 0, other_total = 0;
  auto other = load_elsewhere(small(8), other_gifts, other_total);
  ASSERT_TRUE(other.is_ok()) << other.status().to_string();
  EXPECT_NE(other_total, total);
}

TEST_P(DemoLoaderTest, GivingSummariesAreBuiltAndMatchEachDonorsGifts) {
  auto loaded = load(small(3));
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().to_string();
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM giving_summaries WHERE lifetime_minor > 0"), 100);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM constituents c JOIN giving_summaries s "
                      "ON s.constituent_id = c.id WHERE c.kind <> 'household' AND "
                      "s.lifetime_minor <> (SELECT COALESCE(SUM(g.base_amount_minor - "
                      "g.base_refunded_minor), 0) FROM gifts g WHERE g.constituent_id = c.id "
                      "AND g.deleted_at IS NULL AND g.status IN ('completed', "
                      "'partially_refunded'))"),
            0);
}

TEST_P(DemoLoaderTest, IfEmptyLeavesANonEmptyDatabaseAloneAndPlainLoadRefuses) {
  ASSERT_TRUE(load(small(1)).is_ok());
  long long constituents = query_int(db(), "SELECT COUNT(*) FROM constituents");
  long long gifts = query_int(db(), "SELECT COUNT(*) FROM gifts");
  long long audits = query_int(db(), "SELECT COUNT(*) FROM audit_events");
  DemoOptions o = small(2);
  o.if_empty = true;
  auto skipped = load(o);
  ASSERT_TRUE(skipped.is_ok()) << skipped.status().to_string();
  EXPECT_TRUE(skipped->skipped);
  EXPECT_EQ(skipped->existing_constituents, constituents);
  auto refused = load(small(2));
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(refused.status().message().find("already has"), std::string::npos);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), constituents);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts"), gifts);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events"), audits);
}

TEST_P(DemoLoaderTest, BadOptionsNameTheFieldAndWriteNothing) {
  DemoOptions o = small(1);
  o.today = "2026-02-30";
  auto r = load(o);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "today");
  o = small(1);
  o.constituents = 3;
  EXPECT_EQ(load(o).status().fields().at(0).field, "constituents");
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), 0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events"), 0);
}

TEST_P(DemoLoaderTest, EveryGiftsAllocationsSumToTheGiftAndRefundsStayInside) {
  ASSERT_TRUE(load(small(3)).is_ok());
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts"), 300);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM gifts g WHERE g.amount_minor <> (SELECT "
                      "COALESCE(SUM(a.amount_minor), 0) FROM gift_allocations a WHERE a.gift_id = "
                      "g.id) OR g.refunded_minor <> (SELECT COALESCE(SUM(a.refunded_minor), 0) "
                      "FROM gift_allocations a WHERE a.gift_id = g.id)"),
            0);
  EXPECT_GT(query_int(db(),
                      "SELECT COUNT(*) FROM gifts WHERE (SELECT COUNT(*) FROM "
                      "gift_allocations a WHERE a.gift_id = gifts.id) > 1"),
            0);  // some split gifts
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE refunded_minor > 0"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM soft_credits WHERE role = 'household_member'"),
            0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM soft_credits WHERE role = 'church'"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE pledge_id IS NOT NULL"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE appeal_id IS NOT NULL"), 0);
  // Base amounts are in USD; gifts in other currencies carry their own amount.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE base_currency <> 'USD'"), 0);
}

TEST_P(DemoLoaderTest, HangulNamesArePresentAndRoundTrip) {
  ASSERT_TRUE(load(small(4)).is_ok());
  auto names = db().read([&](store::Unit& u) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    soci::rowset<soci::row> rows =
        (u.sql().prepare << "SELECT display_name FROM constituents WHERE kind = 'individual'");
    for (const soci::row& row : rows) out.push_back(store::RowReader(row).text());
    return out;
  });
  ASSERT_TRUE(names.is_ok()) << names.status().to_string();
  std::string hangul;
  std::size_t count = 0;
  for (const std::string& n : *names) {
    auto lead = static_cast<unsigned char>(n[0]);
    if (lead >= 0xEA && lead <= 0xED) {  // Hangul syllables U+AC00..U+D7A3
      ++count;
      if (hangul.empty()) hangul = n;
    }
  }
  EXPECT_GT(count * 5, names->size()) << "about a third of individuals have Hangul names";
  ASSERT_FALSE(hangul.empty());
  auto found = db().read([&](store::Unit& u) -> Result<long long> {
    long long n = 0;
    u.sql() << "SELECT COUNT(*) FROM constituents WHERE display_name = :name", soci::use(hangul),
        soci::into(n);
    return n;
  });
  ASSERT_TRUE(found.is_ok());
  EXPECT_GE(*found, 1);
  EXPECT_GT(query_int(db(),
                      "SELECT COUNT(*) FROM constituents WHERE organization_type = 'church' "
                      "AND display_name = '한빛교회'"),
            0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM household_members"), 0);
}

TEST_P(DemoLoaderTest, TheThreeNeedsExistWithTheirMonthlyAmounts) {
  ASSERT_TRUE(load(small(5)).is_ok());
  EXPECT_EQ(query_int(db(), "SELECT monthly_need_minor FROM funds WHERE code = 'MEDICAL'"), 5000);
  EXPECT_EQ(query_int(db(), "SELECT monthly_need_minor FROM funds WHERE code = 'TRANSPORT'"),
            20000);
  EXPECT_EQ(query_int(db(), "SELECT monthly_need_minor FROM funds WHERE code = 'CHURCH'"), 100000);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM funds WHERE code = 'GENERAL' AND "
                      "monthly_need_minor IS NULL"),
            1);
  EXPECT_EQ(query_int(db(), "SELECT people_served FROM funds WHERE code = 'MEDICAL'"), 12);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM settings WHERE key = 'organization_name' AND "
                      "value = 'Hope Bridge Ministry'"),
            1);
}

TEST_P(DemoLoaderTest, DecemberHasTheLargestMonthlyTotal) {
  ASSERT_TRUE(load(small(6)).is_ok());
  auto totals = db().read([&](store::Unit& u) -> Result<std::map<std::string, long long>> {
    std::map<std::string, long long> by_month;
    soci::rowset<soci::row> rows = (u.sql().prepare << "SELECT received_on, base_amount_minor - "
                                                       "base_refunded_minor FROM gifts");
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      std::string day = r.date();
      by_month[day.substr(0, 7)] += r.integer();
    }
    return by_month;
  });
  ASSERT_TRUE(totals.is_ok()) << totals.status().to_string();
  std::array<long long, 13> month_of_year{};
  std::string best;
  for (const auto& [month, total] : *totals) {
    month_of_year[static_cast<std::size_t>(std::stoi(month.substr(5, 2)))] += total;
    if (best.empty() || total > totals->at(best)) best = month;
  }
  EXPECT_EQ(best.substr(5, 2), "12") << "largest month was " << best;
  for (std::size_t m = 1; m < 12; ++m) EXPECT_GT(month_of_year[12], month_of_year[m]) << m;
  EXPECT_EQ(totals->begin()->first, "2023-07");
  EXPECT_EQ(totals->rbegin()->first, "2026-06");
}

TEST_P(DemoLoaderTest, RecurringPlansHaveLinkedMonthlyGifts) {
  ASSERT_TRUE(load(small(9)).is_ok());
  long long plans = query_int(db(), "SELECT COUNT(*) FROM recurring_plans");
  EXPECT_GT(plans, 5);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM recurring_plans p WHERE NOT EXISTS (SELECT 1 "
                      "FROM gifts g WHERE g.recurring_plan_id = p.id)"),
            0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM recurring_plans WHERE frequency <> 'monthly'"),
            0);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM gifts g JOIN recurring_plans p ON p.id = "
                      "g.recurring_plan_id WHERE g.amount_minor <> p.amount_minor"),
            0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM recurring_plans WHERE amount_minor = 5000"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM recurring_plan_transitions"), plans - 1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'demo_load'"), 1);
}

// How long this takes is measured by bench/demo_bench.sh (target < 10 s), not here.
TEST_P(DemoLoaderTest, TheDefaultSizeLoadsAWholeOrganisation) {
  DemoOptions o;
  o.today = kToday;
  auto r = load(o);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_GE(r->constituents, 500);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM recurring_plans WHERE anchor_day >= 29"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM recurring_plans WHERE status = 'failing'"), 0);
  EXPECT_GT(
      query_int(db(), "SELECT COUNT(*) FROM tasks WHERE status = 'open' AND due_on < '2026-06-30'"),
      0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM interactions WHERE restricted"), 0);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE amount_minor >= 500000"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(DemoLoaderTest);

}  // namespace
}  // namespace steward::engine

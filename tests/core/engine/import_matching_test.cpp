// Import matching on SQLite and PostgreSQL: donors (payer id, email, name + postal code, review
// queue), recurring plans, designation and refunds.
#include "engine/import_commit.hpp"
#include "import_support.hpp"
#include "store/contact_repository.hpp"
#include "store/import_identities.hpp"
#include "support/constituent_fixtures.hpp"

namespace steward {
namespace {

using engine::imports::ReviewDecision;
using engine::imports::StageOptions;
using testing::Line;
using testing::pay;

class ImportMatchingTest : public testing::ImportTest {
 protected:
  long long person_with_email(const std::string& first, const std::string& last,
                              const std::string& email) {
    auto c = testing::make_individual(db(), actor(), first, last);
    domain::EmailInput e;
    e.email = email;
    e.is_primary = true;
    auto added =
        db().write(actor(), [&](store::Unit& u) { return store::contacts::add_email(u, c.id, e); });
    EXPECT_TRUE(added) << added.status().to_string();
    return c.id;
  }
};

TEST_P(ImportMatchingTest, ExistingDonorsMatchByEmailThenByPayerId) {
  long long kim = person_with_email("민지", "김", "Minji@Example.org");
  Line first = pay("ch_1", 5000, "김민지", "minji@example.org");
  first.payer = "cus_9";
  auto done = import({first});
  EXPECT_EQ(done.totals.donors_created, 0);
  EXPECT_EQ(count("SELECT constituent_id FROM gifts WHERE external_id = 'ch_1'"), kim);
  // Later the processor sends only the payer id (no email): still her.
  Line second = pay("ch_2", 3000, "M. Kim");
  second.payer = "cus_9";
  import({second});
  EXPECT_EQ(count("SELECT constituent_id FROM gifts WHERE external_id = 'ch_2'"), kim);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 1);
}

TEST_P(ImportMatchingTest, NameAndPostalCodeAttachWhileANameAloneGoesToReview) {
  long long jane = testing::make_individual(db(), actor(), "Jane", "Doe").id;
  domain::AddressInput a;
  a.line1 = "1 Main St";
  a.postal_code = "12345-6789";
  ASSERT_TRUE(db().write(actor(),
                         [&](store::Unit& u) { return store::contacts::add_address(u, jane, a); }));
  Line with_zip = pay("ch_1", 100, "Jane Doe");
  with_zip.line1 = "1 Main Street";
  with_zip.postal = "12345";
  Line name_only = pay("ch_2", 200, "Doe Jane");
  auto preview = stage({with_zip, name_only});
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts["new_gift"], 1);
  ASSERT_EQ(preview->counts["review"], 1);
  EXPECT_EQ(preview->samples["new_gift"].at(0).constituent_id, jane);
  EXPECT_NE(preview->samples["review"].at(0).message.find(std::to_string(jane)), std::string::npos);
}

TEST_P(ImportMatchingTest, ReviewDecisionsAttachOrCreateAndApplyAfterCommit) {
  long long chosen = testing::make_individual(db(), actor(), "Chosen", "Donor").id;
  StageOptions review;
  review.policy = "review";
  auto preview = stage({pay("ch_1", 100, "Unknown One", "one@example.org"),
                        pay("ch_2", 200, "Unknown Two", "two@example.org"),
                        pay("ch_3", 300, "Unknown Three", "three@example.org")},
                       review);
  ASSERT_TRUE(preview) << preview.status().to_string();
  ASSERT_EQ(preview->counts["review"], 3);
  long long id = preview->import_id;

  auto attach = engine::imports::decide_review(db(), actor(), id, 1, {chosen, false});
  ASSERT_TRUE(attach) << attach.status().to_string();
  EXPECT_EQ(attach->outcome, "new_gift");
  ASSERT_TRUE(engine::imports::decide_review(db(), actor(), id, 2, {std::nullopt, true}));
  auto bad = engine::imports::decide_review(db(), actor(), id, 3, {999999, false});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "constituent");
  auto neither = engine::imports::decide_review(db(), actor(), id, 3, {std::nullopt, false});
  EXPECT_EQ(neither.status().fields().at(0).field, "decision");

  auto done = engine::imports::commit_import(db(), actor(), id);
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->totals.gifts, 2);
  EXPECT_EQ(done->pending_review, 1);
  EXPECT_EQ(count("SELECT constituent_id FROM gifts WHERE external_id = 'ch_1'"), chosen);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents WHERE display_name = 'Unknown Two'"), 1);
  EXPECT_EQ(gifts(), 2);

  // A decision on a committed import is applied at once.
  auto late = engine::imports::decide_review(db(), actor(), id, 3, {chosen, false});
  ASSERT_TRUE(late) << late.status().to_string();
  EXPECT_TRUE(late->committed);
  EXPECT_EQ(gifts(), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE constituent_id = " + std::to_string(chosen)),
            2);
  auto twice = engine::imports::decide_review(db(), actor(), id, 3, {chosen, false});
  EXPECT_EQ(twice.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'import' AND action = "
                  "'review'"),
            3);
}

TEST_P(ImportMatchingTest, RecurringPaymentsCreateThenAttachToTheirPlan) {
  Line jan = pay("ch_1", 3000, "Jane Doe", "jane@example.org");
  jan.recurring = "sub_1";
  jan.date = "2026-01-05";
  Line feb = jan;
  feb.id = "ch_2";
  feb.date = "2026-02-05";
  import({jan, feb});
  EXPECT_EQ(count("SELECT COUNT(*) FROM recurring_plans WHERE processor = 'lines' AND "
                  "processor_reference = 'sub_1' AND amount_minor = 3000 AND frequency = "
                  "'monthly'"),
            1);
  long long plan = count("SELECT id FROM recurring_plans");
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE recurring_plan_id = " + std::to_string(plan)),
            2);
  Line mar = jan;
  mar.id = "ch_3";
  mar.date = "2026-03-06";
  import({mar});
  EXPECT_EQ(count("SELECT COUNT(*) FROM recurring_plans"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE recurring_plan_id = " + std::to_string(plan)),
            3);
}

TEST_P(ImportMatchingTest, DesignationByHintThenRuleThenDefault) {
  long long medical = testing::make_fund(db(), "MED");
  long long shelter = testing::make_fund(db(), "SHELTER");
  auto rule = db().write(actor(), [&](store::Unit& u) {
    return store::import_ids::add_rule(u, {0, "description", "의료", medical, 5});
  });
  ASSERT_TRUE(rule) << rule.status().to_string();
  auto bad = db().write(actor(), [&](store::Unit& u) {
    return store::import_ids::add_rule(u, {0, "memo", "x", medical, 0});
  });
  EXPECT_EQ(bad.status().fields().at(0).field, "field");
  Line hinted = pay("ch_1", 100, "A", "a@example.org");
  hinted.fund_hint = "shelter fund";  // the fund's name, any case
  Line ruled = pay("ch_2", 200, "B", "b@example.org");
  ruled.description = "탈북 여성 의료 지원";
  Line plain = pay("ch_3", 300, "C", "c@example.org");
  import({hinted, ruled, plain});
  auto fund_of = [&](const std::string& ext) {
    return count(
        "SELECT a.fund_id FROM gift_allocations a JOIN gifts g ON g.id = a.gift_id "
        "WHERE g.external_id = '" +
        ext + "'");
  };
  EXPECT_EQ(fund_of("ch_1"), shelter);
  EXPECT_EQ(fund_of("ch_2"), medical);
  EXPECT_EQ(fund_of("ch_3"), general);
}

TEST_P(ImportMatchingTest, WithoutAFundTheRowIsAnErrorNamingFund) {
  StageOptions options;
  options.default_fund_code = std::nullopt;
  auto preview = [&] {
    testing::TempFile file("p.txt", testing::lines_file({pay("ch_1", 100, "A", "a@example.org")}));
    options.path = file.path();
    options.plugin_id = testing::kLinesPluginId;
    auto importer = testing::lines_importer();
    return engine::imports::stage_import(db(), actor(), *importer, options);
  }();
  ASSERT_TRUE(preview) << preview.status().to_string();
  ASSERT_EQ(preview->counts["error"], 1);
  EXPECT_EQ(preview->samples["error"].at(0).message.rfind("fund:", 0), 0u);
}

TEST_P(ImportMatchingTest, RefundsUpdateTheOriginalGiftExactlyOnce) {
  Line charge = pay("ch_1", 10000, "Jane Doe", "jane@example.org");
  Line refund = pay("re_1", 3000, "Jane Doe", "jane@example.org");
  refund.kind = "refund";
  refund.original = "ch_1";
  refund.date = "2026-01-10";
  // Newest first, as processors export: the refund precedes its charge.
  auto done = import({refund, charge});
  EXPECT_EQ(done.totals.gifts, 1);
  EXPECT_EQ(done.totals.refunds, 1);
  EXPECT_EQ(gifts(), 1);
  EXPECT_EQ(count("SELECT refunded_minor FROM gifts WHERE external_id = 'ch_1'"), 3000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE external_id = 'ch_1' AND status = "
                  "'partially_refunded'"),
            1);
  // The same refund again changes nothing; a reversal of the rest refunds it fully.
  Line reversal = pay("dp_1", 7000, "Jane Doe");
  reversal.kind = "reversal";
  reversal.original = "ch_1";
  reversal.date = "2026-01-20";
  auto second = import({refund, reversal});
  EXPECT_EQ(second.totals.duplicates, 1);
  EXPECT_EQ(second.totals.refunds, 1);
  EXPECT_EQ(count("SELECT refunded_minor FROM gifts WHERE external_id = 'ch_1'"), 10000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE status = 'refunded'"), 1);
  // A refund of a payment Steward never saw is skipped with a reason, not a negative gift.
  Line stray = refund;
  stray.id = "re_9";
  stray.original = "ch_unknown";
  auto third = import({stray});
  EXPECT_EQ(third.totals.skipped, 1);
  EXPECT_EQ(gifts(), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportMatchingTest);

}  // namespace
}  // namespace steward

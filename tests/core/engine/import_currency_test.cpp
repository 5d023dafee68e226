// Payments in another currency than the organisation's (decision 0154): the gift keeps the
// original currency and amount; its base amount comes from the file's converted amount, else
// from the admin's exchange rate for the payment's date, else the row waits in review saying
// so. Campaign and appeal hints (by code or exact name). On SQLite and PostgreSQL.
#include "engine/import_cancel.hpp"
#include "import_support.hpp"
#include "store/exchange_rate_repository.hpp"
#include "store/import_repository.hpp"

namespace steward {
namespace {

using testing::Line;
using testing::pay;

class ImportCurrencyTest : public testing::ImportTest {
 protected:
  void set_rate(const std::string& currency, const std::string& on, const std::string& rate) {
    auto set = db().write(
        actor(), [&](store::Unit& u) { return store::exchange_rates::set(u, currency, on, rate); });
    ASSERT_TRUE(set) << set.status().to_string();
  }
  long long insert(const std::string& sql) {
    auto id = db().write(actor(), [&](store::Unit& u) -> Result<long long> {
      long long out = 0;
      u.sql() << sql + " RETURNING id", soci::into(out);
      return out;
    });
    EXPECT_TRUE(id) << id.status().to_string();
    return id ? *id : 0;
  }
};

TEST_P(ImportCurrencyTest, AnEurStripeChargeKeepsEurAndTheConvertedUsdAmount) {
  Line eur = pay("ch_E1", 10000, "Hans Müller", "hans@example.de");
  eur.currency = "EUR";
  eur.converted = "10875 USD";
  eur.fee = "317";
  auto done = import({eur});
  EXPECT_EQ(done.totals.gifts, 1);
  EXPECT_EQ(done.totals.errors, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE currency = 'EUR' AND amount_minor = 10000 AND "
                  "base_currency = 'USD' AND base_amount_minor = 10875 AND fee_minor = 317"),
            1);
  // A refund in EUR refunds the same share of the USD amount.
  Line refund = pay("ch_E1:refund", 5000, "Hans Müller", "hans@example.de");
  refund.kind = "refund";
  refund.currency = "EUR";
  refund.original = "ch_E1";
  import({refund});
  EXPECT_EQ(count("SELECT base_refunded_minor FROM gifts WHERE external_id = 'ch_E1'"), 5438);
}

TEST_P(ImportCurrencyTest, KrwWithExponentZeroUsesTheAdminRateOnOrBeforeTheDate) {
  set_rate("KRW", "2026-01-01", "0.00075");
  set_rate("KRW", "2026-02-01", "0.0007");
  Line january = pay("pp_K1", 50000, "김민지", "minji@example.kr");  // ₩50,000 (exponent 0)
  january.currency = "KRW";
  january.date = "2026-01-20";
  Line february = pay("pp_K2", 100000, "김민지", "minji@example.kr");
  february.currency = "KRW";
  february.date = "2026-02-03";
  auto done = import({january, february});
  EXPECT_EQ(done.totals.gifts, 2);
  EXPECT_EQ(count("SELECT base_amount_minor FROM gifts WHERE external_id = 'pp_K1'"), 3750);
  EXPECT_EQ(count("SELECT base_amount_minor FROM gifts WHERE external_id = 'pp_K2'"), 7000);
  EXPECT_EQ(count("SELECT amount_minor FROM gifts WHERE external_id = 'pp_K2' AND currency = "
                  "'KRW'"),
            100000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents WHERE display_name = '김민지'"), 1);
}

TEST_P(ImportCurrencyTest, WithoutAConvertedAmountOrRateTheRowWaitsInReview) {
  Line gbp = pay("ch_G1", 2000, "Ann Smith", "ann@example.org");
  gbp.currency = "GBP";
  gbp.date = "2026-03-02";
  auto preview = stage({gbp});
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts["review"], 1);
  EXPECT_EQ(preview->counts.count("error"), 0u);
  ASSERT_EQ(preview->samples["review"].size(), 1u);
  const std::string& message = preview->samples["review"][0].message;
  EXPECT_NE(message.find("amount.currency"), std::string::npos) << message;
  EXPECT_NE(message.find("steward import rates set GBP 2026-03-02"), std::string::npos) << message;
  auto first = engine::imports::commit_import(db(), actor(), preview->import_id);
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->pending_review, 1);
  EXPECT_EQ(gifts(), 0);
  // A rate set afterwards lets the same row in when the file is imported again.
  set_rate("GBP", "2026-03-01", "1.27");
  auto again = import({gbp});
  EXPECT_EQ(again.totals.gifts, 1);
  EXPECT_EQ(count("SELECT base_amount_minor FROM gifts WHERE external_id = 'ch_G1'"), 2540);
}

TEST_P(ImportCurrencyTest, RatesAreValidatedAndAudited) {
  auto bad = db().write(actor(), [&](store::Unit& u) {
    return store::exchange_rates::set(u, "EUR", "2026-11-01", "1,0875");
  });
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_NE(bad.status().message().find("rate"), std::string::npos);
  auto base = db().write(actor(), [&](store::Unit& u) {
    return store::exchange_rates::set(u, "USD", "2026-11-01", "1");
  });
  EXPECT_EQ(base.status().code(), StatusCode::kInvalid);
  auto date = db().write(actor(), [&](store::Unit& u) {
    return store::exchange_rates::set(u, "EUR", "2026-13-01", "1.0875");
  });
  EXPECT_EQ(date.status().code(), StatusCode::kInvalid);
  set_rate("EUR", "2026-11-01", "1.0875");
  set_rate("EUR", "2026-11-01", "1.09");  // replaces
  EXPECT_EQ(count("SELECT COUNT(*) FROM exchange_rates"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'exchange_rate'"), 2);
}

TEST_P(ImportCurrencyTest, CampaignAndAppealHintsByCodeOrExactName) {
  long long spring = insert(
      "INSERT INTO campaigns (code, name, currency) VALUES ('SPRING26', '봄 캠페인 2026', 'USD')");
  long long letter = insert("INSERT INTO appeals (campaign_id, code, name, currency) VALUES (" +
                            std::to_string(spring) + ", 'SPR-MAIL', 'Spring letter', 'USD')");
  Line by_code = pay("ch_1", 1000, "A Person", "a@example.org");
  by_code.campaign = "spring26";
  Line by_name = pay("ch_2", 1000, "B Person", "b@example.org");
  by_name.campaign = "봄 캠페인 2026";
  Line appeal_only = pay("ch_3", 1000, "C Person", "c@example.org");
  appeal_only.appeal = "Spring Letter";
  appeal_only.interval = "";
  Line unknown = pay("ch_4", 1000, "D Person", "d@example.org");
  unknown.campaign = "FALL99";
  auto preview = stage({by_code, by_name, appeal_only, unknown});
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts["new_gift"], 4);
  bool said = false;
  for (const auto& row : preview->samples["new_gift"]) {
    if (row.message.find("FALL99") != std::string::npos &&
        row.message.find("campaign") != std::string::npos) {
      said = true;
    }
  }
  EXPECT_TRUE(said);
  ASSERT_TRUE(engine::imports::commit_import(db(), actor(), preview->import_id));
  std::string id = std::to_string(spring);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE campaign_id = " + id), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE external_id = 'ch_3' AND appeal_id = " +
                  std::to_string(letter)),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE external_id = 'ch_4' AND campaign_id IS NULL"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rows WHERE message LIKE '%FALL99%'"), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportCurrencyTest);

class ImportCancelTest : public testing::ImportTest {};

TEST_P(ImportCancelTest, APreviewedImportIsCancelledAndCannotBeCommitted) {
  auto preview = stage({pay("ch_1", 1000, "A Person", "a@example.org")});
  ASSERT_TRUE(preview) << preview.status().to_string();
  auto cancelled = engine::imports::cancel_import(db(), actor(), preview->import_id);
  ASSERT_TRUE(cancelled) << cancelled.status().to_string();
  EXPECT_EQ(cancelled->status, "cancelled");
  auto commit = engine::imports::commit_import(db(), actor(), preview->import_id);
  EXPECT_EQ(commit.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(gifts(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'import' AND action = "
                  "'cancel'"),
            1);
  auto again = engine::imports::cancel_import(db(), actor(), preview->import_id);
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);
}

TEST_P(ImportCancelTest, ACommittingImportStopsAtTheNextChunkAndStaysResumable) {
  auto preview = stage({pay("ch_1", 100, "A Person", "a@example.org"),
                        pay("ch_2", 200, "B Person", "b@example.org"),
                        pay("ch_3", 300, "C Person", "c@example.org")});
  ASSERT_TRUE(preview) << preview.status().to_string();
  long long id = preview->import_id;
  engine::imports::CommitOptions options;
  options.chunk_rows = 1;
  bool asked = false;
  options.on_progress = [&](const engine::imports::CommitProgress&) {
    if (asked) return;
    asked = true;
    auto request = engine::imports::cancel_import(db(), actor(), id);
    ASSERT_TRUE(request) << request.status().to_string();
    EXPECT_TRUE(request->stopping);
    EXPECT_EQ(request->status, "committing");
  };
  auto stopped = engine::imports::commit_import(db(), actor(), id, options);
  ASSERT_TRUE(stopped) << stopped.status().to_string();
  EXPECT_EQ(stopped->status, "stopped");
  EXPECT_EQ(gifts(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM imports WHERE status = 'committing'"), 1);
  // Resume finishes it, exactly once.
  auto resumed = engine::imports::commit_import(db(), actor(), id);
  ASSERT_TRUE(resumed) << resumed.status().to_string();
  EXPECT_EQ(resumed->status, "committed");
  EXPECT_EQ(gifts(), 3);
  auto late = engine::imports::cancel_import(db(), actor(), id);
  EXPECT_EQ(late.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(late.status().message().find("committed"), std::string::npos);
}

TEST_P(ImportCancelTest, CancellingAStoppedCommitClosesItKeepingWhatWasApplied) {
  auto preview = stage({pay("ch_1", 100, "A Person", "a@example.org"),
                        pay("ch_2", 200, "B Person", "b@example.org")});
  ASSERT_TRUE(preview) << preview.status().to_string();
  long long id = preview->import_id;
  engine::imports::CommitOptions options;
  options.chunk_rows = 1;
  options.before_chunk_commit = [](int index) {
    return index == 1 ? Status::unavailable("simulated crash") : Status::ok();
  };
  EXPECT_FALSE(engine::imports::commit_import(db(), actor(), id, options));
  ASSERT_EQ(gifts(), 1);
  auto first = engine::imports::cancel_import(db(), actor(), id);
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_TRUE(first->stopping);
  auto second = engine::imports::cancel_import(db(), actor(), id);
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(second->status, "cancelled");
  EXPECT_EQ(second->rows_committed, 1);
  EXPECT_EQ(gifts(), 1);
  EXPECT_EQ(engine::imports::commit_import(db(), actor(), id).status().code(),
            StatusCode::kPreconditionFailed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'import' AND action IN "
                  "('cancel_request', 'cancel')"),
            2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportCancelTest);

}  // namespace
}  // namespace steward

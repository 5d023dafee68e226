// Preference enforcement: once a donor unsubscribes through the signed link (auth::
// resolve_unsubscribe + store::email_preferences::unsubscribe), no appeal emails them (left
// out, and skipped when the list was already frozen), while their thank-you and year-end
// statement, which are transactional, still go by email (decision 0211). A donor marked do not
// email gets nothing by email by any path. A tampered token finds nobody.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "auth/secret_box.hpp"
#include "auth/unsubscribe_token.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/year_end_statements.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/email_preferences.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

class UnsubscribeEnforcementTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    setup_ = testing::make_appeal_setup(db());
    fund_ = testing::make_fund(db(), "SHELTER");
    donor_ = testing::make_donor(db(), "김민지", "minji@example.org");
    auto loaded = db().write(
        actor(), [&](store::Unit& u) { return auth::UnsubscribeSigner::load(u, *secrets_, true); });
    ASSERT_TRUE(loaded) << loaded.status().to_string();
    signer_ = std::make_unique<auth::UnsubscribeSigner>(*loaded);
    dir_ = std::filesystem::temp_directory_path() / ("steward-unsub-" + std::to_string(::getpid()) +
                                                     "-" + (is_postgresql() ? "pg" : "lite"));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    testing::DatabaseTest::TearDown();
  }
  Status unsubscribe(const std::string& token) {
    store::Actor system{"system:unsubscribe", ""};
    return db().write(system, [&](store::Unit& u) -> Status {
      auto signer = auth::UnsubscribeSigner::load(u, *secrets_, false);
      if (!signer) return signer.status();
      auto target = auth::resolve_unsubscribe(u, *signer, token);
      if (!target) return target.status();
      auto done = store::email_preferences::unsubscribe(u, target->constituent_id, target->email);
      return done ? Status::ok() : done.status();
    });
  }
  std::string token() { return signer_->token(donor_, "minji@example.org"); }
  appeals::RunOptions run_options(testing::RecordingMailer& mailer) {
    appeals::RunOptions o;
    o.deliver = mailer.fn();
    o.token = [this](long long id, const std::string& email) { return signer_->token(id, email); };
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
  }
  Result<appeals::StartedSend> start() {
    appeals::StartRequest req;
    req.audience = {setup_.appeal_id, setup_.segment_id, "appeal"};
    req.mailer = "org.steward.test.mailer";
    return db().write(actor(), [&](store::Unit& u) { return appeals::start_appeal_send(u, req); });
  }

  testing::AppealSetup setup_;
  long long fund_ = 0;
  long long donor_ = 0;
  std::filesystem::path dir_;
  std::shared_ptr<auth::SecretBox> secrets_ = auth::SecretBox::ephemeral();
  std::unique_ptr<auth::UnsubscribeSigner> signer_;
};

TEST_P(UnsubscribeEnforcementTest, TokensAreBoundToDonorAddressAndKey) {
  const auth::UnsubscribeSigner& signer = *signer_;
  std::string t = token();
  EXPECT_TRUE(signer.matches(t, donor_, "minji@example.org"));
  EXPECT_TRUE(signer.matches(t, donor_, "MINJI@example.org"));  // case of the address
  EXPECT_FALSE(signer.matches(t, donor_, "other@example.org"));
  EXPECT_FALSE(signer.matches(t, donor_ + 1, "minji@example.org"));
  EXPECT_FALSE(signer.matches(t, donor_, "minji@example.org", "other-purpose"));
  EXPECT_FALSE(
      auth::UnsubscribeSigner(std::string(32, 'x')).matches(t, donor_, "minji@example.org"));
  // The key is sealed with the server's secret box: another key file cannot open it.
  auto other = db().read([&](store::Unit& u) {
    return auth::UnsubscribeSigner::load(u, *auth::SecretBox::ephemeral(), false);
  });
  EXPECT_FALSE(other);
  auto id = auth::unsubscribe_token_constituent(t);
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, donor_);
  std::string tampered = t;
  tampered[5] = tampered[5] == 'x' ? 'y' : 'x';
  EXPECT_FALSE(unsubscribe(tampered));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituents WHERE do_not_email = TRUE"),
            0);
}

TEST_P(UnsubscribeEnforcementTest, AnUnsubscribedDonorGetsNoAppealsButStillTheirReceipts) {
  testing::record_gift_for(db(), donor_, 50000, "2026-03-01", fund_);
  // An appeal send frozen before the unsubscribe...
  auto started = start();
  ASSERT_TRUE(started) << started.status().to_string();
  ASSERT_TRUE(unsubscribe(token()));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituents WHERE do_not_email = TRUE"),
            0);

  // ...skips them at the last moment.
  testing::RecordingMailer mailer;
  auto run = appeals::run_appeal_send(db(), started->send_id, run_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_EQ(run->skipped, 1);
  EXPECT_TRUE(mailer.sent.empty());
  // A new appeal send leaves them out.
  testing::SegmentFixtures f(db());
  long long appeal2 = f.appeal(setup_.campaign_id, "SPRING-EMAIL");
  auto preview = db().read([&](store::Unit& u) {
    return appeals::appeal_audience(u, {appeal2, setup_.segment_id, "appeal"});
  });
  ASSERT_TRUE(preview);
  EXPECT_EQ(preview->excluded.unsubscribed, 1);
  EXPECT_TRUE(preview->recipients.empty());
  // Thank-yous are transactional: still emailed.
  ThankYouOptions thanks;
  thanks.send = true;
  thanks.mailer_id = "org.steward.test.mailer";
  auto thanked = send_thank_yous(db(), actor(), thanks, mailer.fn());
  ASSERT_TRUE(thanked) << thanked.status().to_string();
  EXPECT_EQ(thanked->count("accepted"), 1);
  // So is the year-end statement (the receipt).
  StatementOptions statements;
  statements.year = 2026;
  statements.send = true;
  statements.dir = dir_;
  statements.mailer_id = "org.steward.test.mailer";
  auto issued = issue_statements(db(), actor(), statements, mailer.fn());
  ASSERT_TRUE(issued) << issued.status().to_string();
  EXPECT_EQ(issued->count("accepted"), 1);
  ASSERT_EQ(mailer.sent.size(), 2u);
  for (const auto& m : mailer.sent) {
    EXPECT_EQ(testing::address_of(m.to.front()), "minji@example.org");
    bool list_unsubscribe = false;
    for (const auto& [name, value] : m.headers) list_unsubscribe |= name == "List-Unsubscribe";
    EXPECT_FALSE(list_unsubscribe) << "receipts carry no appeal unsubscribe";
  }
}

TEST_P(UnsubscribeEnforcementTest, ADoNotEmailDonorIsSentNothingByAnyPath) {
  testing::record_gift_for(db(), donor_, 50000, "2026-03-01", fund_);
  testing::set_do_not_email(db(), donor_, true);
  testing::RecordingMailer mailer;
  auto started = start();
  EXPECT_FALSE(started) << "nobody left for the appeal";
  ThankYouOptions thanks;
  thanks.send = true;
  thanks.mailer_id = "org.steward.test.mailer";
  auto thanked = send_thank_yous(db(), actor(), thanks, mailer.fn());
  ASSERT_TRUE(thanked) << thanked.status().to_string();
  EXPECT_EQ(thanked->count("accepted"), 0);
  StatementOptions statements;
  statements.year = 2026;
  statements.send = true;
  statements.dir = dir_;
  statements.mailer_id = "org.steward.test.mailer";
  auto issued = issue_statements(db(), actor(), statements, mailer.fn());
  ASSERT_TRUE(issued) << issued.status().to_string();
  EXPECT_EQ(issued->count("accepted"), 0);
  EXPECT_EQ(issued->count("printed"), 1);
  EXPECT_TRUE(mailer.sent.empty());
}

STEWARD_INSTANTIATE_DATABASE_TEST(UnsubscribeEnforcementTest);

}  // namespace
}  // namespace steward::engine

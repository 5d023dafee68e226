// Receipts and year-end statements: numbered once per donor per year, never reused, reissued as a
// replacement with the same number; refunds and in-kind values handled; emailed with the PDF
// attached to donors who can be emailed, printed in one PDF for the rest.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/gift_service.hpp"
#include "engine/mail_starter_templates.hpp"
#include "engine/year_end_statements.hpp"
#include "store/gift_repository.hpp"
#include "store/receipt_repository.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/pdf_text.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

struct Outbox {
  std::vector<sdk::MailMessage> sent;
  bool defer = false;
  DeliverFn fn() {
    return [this](const sdk::MailMessage& m) -> Result<std::vector<sdk::RecipientStatus>> {
      sent.push_back(m);
      if (defer) {
        return std::vector<sdk::RecipientStatus>{
            {m.to.front(), sdk::DeliveryState::kDeferred, "451 4.3.0 try later"}};
      }
      return std::vector<sdk::RecipientStatus>{
          {m.to.front(), sdk::DeliveryState::kAccepted, "250 2.0.0 queued"}};
    };
  }
};

class YearEndStatementsTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    testing::set_setting(db(), "organization_name", "새희망 선교회");
    testing::set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
    testing::set_mail_setting(db(), "mail.tax_id", "12-3456789");
    testing::set_mail_setting(db(), "mail.legal_text",
                              "No goods or services were provided in exchange for these gifts.");
    fund_ = testing::make_fund(db(), "SHELTER");
    dir_ = std::filesystem::temp_directory_path() /
           ("steward-statements-" + std::to_string(::getpid()) + "-" +
            (is_postgresql() ? "pg" : "lite"));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    testing::DatabaseTest::TearDown();
  }
  Result<StatementRun> run(bool send, bool reissue = false,
                           std::optional<long long> only = std::nullopt) {
    StatementOptions options;
    options.year = 2026;
    options.send = send;
    options.reissue = reissue;
    options.constituent_id = only;
    options.dir = dir_;
    options.mailer_id = "org.steward.test.mailer";
    return issue_statements(db(), actor(), options, outbox_.fn());
  }
  void refund(long long gift, std::optional<long long> minor) {
    auto r = db().write(actor(), [&](store::Unit& u) -> Status {
      store::gifts::RefundInput in;
      if (minor) in.amount = sdk::Money{*minor, "USD"};
      in.refunded_on = "2026-06-01";
      auto g = store::gifts::refund(u, gift, in);
      return g ? Status::ok() : g.status();
    });
    ASSERT_TRUE(r) << r.message();
  }
  long long fund_ = 0;
  std::filesystem::path dir_;
  Outbox outbox_;
};

TEST(StatementPeriod, CalendarAndFiscalYears) {
  auto cal = statement_period(2026, "calendar", 7);
  EXPECT_EQ(cal.from, "2026-01-01");
  EXPECT_EQ(cal.to, "2026-12-31");
  auto fy = statement_period(2026, "fiscal", 7);
  EXPECT_EQ(fy.from, "2025-07-01");
  EXPECT_EQ(fy.to, "2026-06-30");
  auto feb = statement_period(2024, "fiscal", 3);
  EXPECT_EQ(feb.to, "2024-02-29");
  EXPECT_EQ(statement_period(2026, "fiscal", 1).basis, "calendar");
}

TEST_P(YearEndStatementsTest, PrintedStatementListsNetGiftsInKindAndNumber) {
  long long minji = testing::make_donor(db(), "김민지", "");
  testing::dedupe::add_address(db(), minji, "서울시 강남구 테헤란로 1", "06236", true);
  testing::record_gift_for(db(), minji, 10000, "2026-02-01", fund_);
  long long partial = testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_);
  long long full = testing::record_gift_for(db(), minji, 7777, "2026-04-01", fund_);
  testing::record_gift_for(db(), minji, 99999, "2025-12-31", fund_);  // another year
  auto in_kind = testing::gift_input(minji, 1, "2026-05-01", fund_);
  in_kind.payment_method = "in_kind";
  in_kind.in_kind_description = "겨울 외투 20벌";
  in_kind.amount = {50000, "USD"};
  in_kind.allocations.at(0).amount = {50000, "USD"};
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) { return record_gift(u, in_kind); }));
  refund(partial, 20000);
  refund(full, std::nullopt);

  auto dry = run(false);
  ASSERT_TRUE(dry) << dry.status().message();
  ASSERT_EQ(dry->outcomes.size(), 1u);
  EXPECT_EQ(dry->outcomes[0].receipt_number, "new");
  EXPECT_EQ(dry->outcomes[0].totals, "$400.00");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM receipts"), 0);

  auto sent = run(true);
  ASSERT_TRUE(sent) << sent.status().message();
  ASSERT_EQ(sent->outcomes.size(), 1u);
  const auto& o = sent->outcomes[0];
  EXPECT_EQ(o.state, "printed") << o.detail;
  EXPECT_EQ(o.receipt_number, "2026-000001");
  EXPECT_EQ(o.gift_count, 3);
  ASSERT_FALSE(sent->print_path.empty());
  std::string text = testing::pdf_file_text(sent->print_path.string());
  EXPECT_NE(text.find("김민지"), std::string::npos) << text;
  EXPECT_NE(text.find("2026-000001"), std::string::npos) << text;
  EXPECT_NE(text.find("$100.00"), std::string::npos) << text;
  EXPECT_NE(text.find("$300.00"), std::string::npos) << "partial refund shows the net\n" << text;
  EXPECT_EQ(text.find("$77.77"), std::string::npos) << "refunded gifts do not appear";
  EXPECT_EQ(text.find("$999.99"), std::string::npos) << "other years do not appear";
  EXPECT_NE(text.find("겨울 외투 20벌"), std::string::npos) << text;
  EXPECT_EQ(text.find("$500.00"), std::string::npos) << "in-kind gifts have no value";
  EXPECT_NE(text.find("$400.00"), std::string::npos) << text;
  EXPECT_NE(text.find("12-3456789"), std::string::npos) << text;
  EXPECT_NE(text.find("No goods or services"), std::string::npos) << text;
  EXPECT_TRUE(std::filesystem::exists(o.pdf_path));
  EXPECT_TRUE(outbox_.sent.empty());
}

TEST_P(YearEndStatementsTest, NumbersAreUniqueAndReissueKeepsTheNumber) {
  long long a = testing::make_donor(db(), "김민지", "");
  long long b = testing::make_donor(db(), "Jane Doe", "");
  testing::record_gift_for(db(), a, 10000, "2026-02-01", fund_);
  testing::record_gift_for(db(), b, 20000, "2026-02-01", fund_);
  auto first = run(true);
  ASSERT_TRUE(first) << first.status().message();
  ASSERT_EQ(first->outcomes.size(), 2u);
  EXPECT_EQ(first->outcomes[0].receipt_number, "2026-000001");
  EXPECT_EQ(first->outcomes[1].receipt_number, "2026-000002");
  EXPECT_EQ(first->printed, 2);

  auto again = run(true);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->count("skipped"), 2);
  EXPECT_TRUE(again->print_path.empty());

  testing::record_gift_for(db(), a, 5000, "2026-09-01", fund_);
  auto replacement = run(true, true, a);
  ASSERT_TRUE(replacement) << replacement.status().message();
  ASSERT_EQ(replacement->outcomes.size(), 1u);
  EXPECT_EQ(replacement->outcomes[0].receipt_number, "2026-000001");
  EXPECT_TRUE(replacement->outcomes[0].replacement);
  std::string text = testing::pdf_file_text(replacement->print_path.string());
  EXPECT_NE(text.find("재발행"), std::string::npos) << text;
  EXPECT_NE(text.find("$150.00"), std::string::npos) << text;

  long long c = testing::make_donor(db(), "Sam New", "");
  testing::record_gift_for(db(), c, 1000, "2026-10-01", fund_);
  auto later = run(true);
  ASSERT_TRUE(later);
  ASSERT_EQ(later->count("printed"), 1);
  for (const auto& o : later->outcomes) {
    if (o.state == "printed") {
      EXPECT_EQ(o.receipt_number, "2026-000003");
    }
  }
  auto del = db().write(actor(), [](store::Unit& u) -> Status {
    try {
      u.sql() << "DELETE FROM receipts";
    } catch (const std::exception& e) {
      return Status::conflict(e.what());
    }
    return Status::ok();
  });
  EXPECT_FALSE(del) << "receipts are never deleted";
}

TEST_P(YearEndStatementsTest, EmailsThePdfToDonorsWhoCanBeEmailedOnce) {
  long long minji = testing::make_donor(db(), "김민지", "minji@example.com");
  long long jane = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  testing::set_do_not_email(db(), jane, true);
  testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  testing::record_gift_for(db(), jane, 2500, "2026-03-01", fund_);
  auto sent = run(true);
  ASSERT_TRUE(sent) << sent.status().message();
  EXPECT_EQ(sent->count("accepted"), 1);
  EXPECT_EQ(sent->count("printed"), 1);
  ASSERT_EQ(outbox_.sent.size(), 1u);
  const auto& m = outbox_.sent[0];
  EXPECT_NE(m.to[0].find("minji@example.com"), std::string::npos);
  EXPECT_NE(m.subject.find("2026"), std::string::npos);
  EXPECT_NE(m.text.find("50,000원"), std::string::npos) << m.text;
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_NE(m.attachments[0].file_name.find("2026-00000"), std::string::npos);
  std::string pdf = testing::pdf_text(m.attachments[0].bytes);
  EXPECT_NE(pdf.find("김민지"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("50,000원"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("영수증 번호"), std::string::npos) << pdf;
  std::string printed = testing::pdf_file_text(sent->print_path.string());
  EXPECT_NE(printed.find("Jane Doe"), std::string::npos);
  EXPECT_EQ(printed.find("김민지"), std::string::npos);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM mail_messages WHERE purpose = "
                               "'year_end' AND state = 'accepted'"),
            1);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM receipts WHERE email_state = "
                               "'accepted'"),
            1);
  auto again = run(true);
  ASSERT_TRUE(again);
  EXPECT_EQ(outbox_.sent.size(), 1u) << "never emailed twice";
}

TEST_P(YearEndStatementsTest, ADeferredEmailIsSentAgainWithTheSameNumberNotAsAReplacement) {
  long long minji = testing::make_donor(db(), "김민지", "minji@example.com");
  testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  outbox_.defer = true;
  auto first = run(true);
  ASSERT_TRUE(first) << first.status().message();
  EXPECT_EQ(first->count("deferred"), 1);
  outbox_.defer = false;
  auto second = run(true);
  ASSERT_TRUE(second) << second.status().message();
  ASSERT_EQ(second->count("accepted"), 1);
  EXPECT_EQ(second->outcomes[0].receipt_number, "2026-000001");
  EXPECT_FALSE(second->outcomes[0].replacement);
  EXPECT_EQ(outbox_.sent.size(), 2u);
  auto third = run(true);
  ASSERT_TRUE(third);
  EXPECT_EQ(outbox_.sent.size(), 2u) << "accepted: not emailed again";
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM receipt_sequences"), 1);
}

TEST_P(YearEndStatementsTest, BadYearNamesTheField) {
  StatementOptions options;
  options.year = 26;
  auto r = issue_statements(db(), actor(), options, outbox_.fn());
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find("year"), std::string::npos);
}

STEWARD_INSTANTIATE_DATABASE_TEST(YearEndStatementsTest);

}  // namespace
}  // namespace steward::engine

// Printed thank-you letters: donors who cannot be emailed get one letter per page in one PDF
// (mode 0600), each gift marked acknowledged by letter once, never twice.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "engine/mail_starter_templates.hpp"
#include "engine/thank_you_letters.hpp"
#include "store/mail_settings.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/pdf_text.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

class ThankYouLettersTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    testing::set_setting(db(), "organization_name", "새희망 선교회");
    testing::set_mail_setting(db(), "mail.org_address", "PO Box 1\nLos Angeles, CA 90001");
    testing::set_mail_setting(db(), "mail.signer_name", "이은혜");
    fund_ = testing::make_fund(db(), "SHELTER");
    ASSERT_TRUE(db().write(actor(), [](store::Unit& u) { return install_starter_templates(u); }));
    dir_ =
        std::filesystem::temp_directory_path() /
        ("steward-letters-" + std::to_string(::getpid()) + "-" + (is_postgresql() ? "pg" : "lite"));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    testing::DatabaseTest::TearDown();
  }
  Result<LetterRun> print(bool send) {
    LetterOptions options;
    options.send = send;
    options.dir = dir_;
    return print_thank_you_letters(db(), actor(), options);
  }
  long long fund_ = 0;
  std::filesystem::path dir_;
};

TEST_P(ThankYouLettersTest, LettersForDonorsWhoCannotBeEmailedOncePerGift) {
  long long minji = testing::make_donor(db(), "김민지", "");
  testing::dedupe::add_address(db(), minji, "서울시 강남구 테헤란로 1", "06236", true);
  long long jane = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  testing::set_do_not_email(db(), jane, true);
  long long emailable = testing::make_donor(db(), "Sam Email", "sam@example.com");
  long long g1 = testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  long long g2 = testing::record_gift_for(db(), jane, 123450, "2026-03-02", fund_);
  testing::record_gift_for(db(), emailable, 1000, "2026-03-03", fund_);

  auto dry = print(false);
  ASSERT_TRUE(dry) << dry.status().message();
  EXPECT_EQ(dry->letters, 2);
  EXPECT_TRUE(dry->path.empty());
  EXPECT_FALSE(std::filesystem::exists(dir_));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE acknowledged_at IS NULL"),
            3);

  auto run = print(true);
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(run->letters, 2);
  ASSERT_FALSE(run->path.empty());
  struct stat st {};
  ASSERT_EQ(::stat(run->path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(testing::pdf_file_pages(run->path.string()), 2);
  std::string text = testing::pdf_file_text(run->path.string());
  EXPECT_NE(text.find("김민지 귀하"), std::string::npos) << text;
  EXPECT_NE(text.find("테헤란로"), std::string::npos) << text;
  EXPECT_NE(text.find("50,000원"), std::string::npos) << text;
  EXPECT_NE(text.find("$1,234.50"), std::string::npos) << text;
  EXPECT_NE(text.find("Jane Doe"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sam Email"), std::string::npos) << "emailable donors get no letter";
  // The address is printed once (in the window), not again in the body.
  EXPECT_EQ(text.find("테헤란로"), text.rfind("테헤란로")) << text;

  for (long long g : {g1, g2}) {
    EXPECT_EQ(
        testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE id = " + std::to_string(g) +
                                     " AND acknowledgment_method = 'letter' AND "
                                     "acknowledged_at IS NOT NULL"),
        1);
  }
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE action = "
                               "'acknowledge'"),
            2);

  auto again = print(true);
  ASSERT_TRUE(again) << again.status().message();
  EXPECT_EQ(again->letters, 0);
  EXPECT_TRUE(again->path.empty());
}

TEST_P(ThankYouLettersTest, ARolledBackPageLeavesNoPdfAndItsLettersStayDue) {
  long long jane = testing::make_donor(db(), "Jane Doe", "");
  long long gift = testing::record_gift_for(db(), jane, 123450, "2026-03-02", fund_);
  LetterOptions options;
  options.send = true;
  options.dir = dir_;
  // The unit fails after the PDF is written (as a kill before the commit would leave it).
  options.on_printed = [](store::Unit&, const LetterRun& run) -> Status {
    EXPECT_EQ(run.letters, 1);
    return Status::unavailable("the run's record could not be written");
  };
  auto failed = print_thank_you_letters(db(), actor(), options);
  ASSERT_FALSE(failed);
  std::size_t files = 0;
  if (std::filesystem::exists(dir_)) {
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir_)) ++files;
  }
  EXPECT_EQ(files, 0u) << "neither a letters PDF nor its temporary file stays";
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE id = " +
                                         std::to_string(gift) + " AND acknowledged_at IS NULL"),
            1);

  auto run = print(true);  // the next run prints it, once
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(run->letters, 1);
  std::vector<std::filesystem::path> left;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) left.push_back(e.path());
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0], run->path);
  EXPECT_EQ(testing::pdf_file_pages(run->path.string()), 1);
}

TEST_P(ThankYouLettersTest, A4PaperFromTheSetting) {
  testing::set_mail_setting(db(), "mail.paper_size", "a4");
  long long minji = testing::make_donor(db(), "김민지", "");
  testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  auto run = print(true);
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(run->letters, 1);
  EXPECT_NE(testing::pdf_file_info(run->path.string()).find("(A4)"), std::string::npos);
  EXPECT_EQ(run->outcomes.at(0).detail, "no postal address");
}

TEST_P(ThankYouLettersTest, PaperSizeSettingIsChecked) {
  auto bad = db().write(actor(), [](store::Unit& u) {
    return store::mail_settings::set(u, "mail.paper_size", "legal");
  });
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.message().find("mail.paper_size"), std::string::npos);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ThankYouLettersTest);

}  // namespace
}  // namespace steward::engine

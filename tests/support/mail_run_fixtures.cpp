#include "support/mail_run_fixtures.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "engine/mail_starter_templates.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"

namespace steward::testing {

void MailRunFixture::SetUp() {
  DatabaseTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  set_setting(db(), "organization_name", "새희망 선교회");
  set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
  set_mail_setting(db(), "mail.org_address", "PO Box 1\nLos Angeles, CA 90001");
  fund_ = make_fund(db(), "SHELTER");
  ASSERT_TRUE(
      db().write(actor(), [](store::Unit& u) { return engine::install_starter_templates(u); }));
  dir_ = std::filesystem::temp_directory_path() /
         ("steward-mail-run-" + std::to_string(::getpid()) + "-" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir_);
}

void MailRunFixture::TearDown() {
  std::filesystem::remove_all(dir_);
  DatabaseTest::TearDown();
}

long long MailRunFixture::give(const std::string& name, const std::string& email, bool letter,
                               const std::string& day) {
  long long donor = make_donor(db(), name, email);
  if (letter) set_do_not_email(db(), donor, true);
  record_gift_for(db(), donor, 5000, day, fund_);
  return donor;
}

long long MailRunFixture::make_tribute(long long donor, long long notify) {
  long long gift = 0;
  Status s = db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "SELECT MAX(id) FROM gifts WHERE constituent_id = :d", soci::use(donor),
        soci::into(gift);
    const std::string type = "in_memory";
    const std::string name = "김철수";
    u.sql() << "UPDATE gifts SET tribute_type = :t, tribute_name = :n, tribute_notify_id = :c "
               "WHERE id = :g",
        soci::use(type), soci::use(name), soci::use(notify), soci::use(gift);
    return Status::ok();
  });
  EXPECT_TRUE(s) << s.to_string();
  return gift;
}

Result<engine::mail_runs::StartedRun> MailRunFixture::start_thank() {
  engine::mail_runs::ThankRequest r;
  r.dir = dir_.string();
  return db().write(actor(),
                    [&](store::Unit& u) { return engine::mail_runs::start_thank_run(u, r); });
}

Result<engine::mail_runs::StartedRun> MailRunFixture::start_statements(int year) {
  engine::mail_runs::StatementRequest r;
  r.year = year;
  r.dir = dir_.string();
  return db().write(actor(),
                    [&](store::Unit& u) { return engine::mail_runs::start_statement_run(u, r); });
}

engine::mail_runs::RunOptions MailRunFixture::run_options(RecordingMailer& mailer) {
  engine::mail_runs::RunOptions o;
  o.deliver = mailer.fn();
  o.mailer_id = "org.steward.test.mailer";
  return o;
}

engine::mail_runs::Progress MailRunFixture::progress_of(long long run_id) {
  auto p = db().read([&](store::Unit& u) { return engine::mail_runs::progress(u, run_id); });
  EXPECT_TRUE(p) << p.status().to_string();
  return p ? *p : engine::mail_runs::Progress{};
}

nlohmann::json MailRunFixture::json_of(long long run_id) {
  auto j = db().read([&](store::Unit& u) { return engine::mail_runs::run_json(u, run_id); });
  EXPECT_TRUE(j) << j.status().to_string();
  return j ? *j : nlohmann::json::object();
}

std::size_t MailRunFixture::files_in_dir() const { return pdfs_in_dir().size(); }

std::vector<std::filesystem::path> MailRunFixture::pdfs_in_dir() const {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::exists(dir_)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

}  // namespace steward::testing

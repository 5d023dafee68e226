// A database test for mail runs (engine/mail_run.hpp): the mail settings a run needs, the
// starter templates, a fund, a private folder for letters and statements, and helpers to give
// gifts, start runs and read their progress. Derive with TEST_P and
// STEWARD_INSTANTIATE_DATABASE_TEST, like any DatabaseTest.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/mail_run.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {

class MailRunFixture : public DatabaseTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A donor (a primary email unless empty; do not email when `letter`) with one gift of $50 on
  // `day`; returns the donor's id.
  long long give(const std::string& name, const std::string& email, bool letter = false,
                 const std::string& day = "2026-03-01");
  // The donor's gift becomes a tribute gift naming `notify` to be told; returns the gift id.
  long long make_tribute(long long donor, long long notify);

  Result<engine::mail_runs::StartedRun> start_thank();
  Result<engine::mail_runs::StartedRun> start_statements(int year = 2026);
  engine::mail_runs::RunOptions run_options(RecordingMailer& mailer);
  engine::mail_runs::Progress progress_of(long long run_id);
  nlohmann::json json_of(long long run_id);
  std::size_t files_in_dir() const;
  std::vector<std::filesystem::path> pdfs_in_dir() const;

  long long fund_ = 0;
  std::filesystem::path dir_;
};

}  // namespace steward::testing

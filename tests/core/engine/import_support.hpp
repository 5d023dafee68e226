// Shared base for the import pipeline suites: stage and commit steward-lines files.
#pragma once

#include <gtest/gtest.h>

#include "engine/import_commit.hpp"
#include "engine/import_stage.hpp"
#include "support/gift_fixtures.hpp"
#include "support/import_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {

class ImportTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    general = make_fund(db(), "GEN");
  }

  Result<engine::imports::Preview> stage(const std::vector<Line>& lines,
                                         engine::imports::StageOptions options = {},
                                         const std::string& name = "payments.txt") {
    return stage_text(lines_file(lines), options, name);
  }
  Result<engine::imports::Preview> stage_text(const std::string& text,
                                              engine::imports::StageOptions options = {},
                                              const std::string& name = "payments.txt") {
    TempFile file(name, text);
    options.path = file.path();
    options.plugin_id = kLinesPluginId;
    if (!options.default_fund_code) options.default_fund_code = "GEN";
    auto importer = lines_importer();
    return engine::imports::stage_import(db(), actor(), *importer, options);
  }
  // Stages and commits; fails the test on error.
  engine::imports::CommitSummary import(const std::vector<Line>& lines,
                                        engine::imports::StageOptions options = {}) {
    auto preview = stage(lines, options);
    EXPECT_TRUE(preview) << preview.status().to_string();
    if (!preview) return {};
    auto done = engine::imports::commit_import(db(), actor(), preview->import_id);
    EXPECT_TRUE(done) << done.status().to_string();
    return done ? *done : engine::imports::CommitSummary{};
  }
  long long count(const std::string& sql) { return query_int(db(), sql); }
  // A second fresh database of the same backend with the GEN fund, for comparing two commits.
  std::unique_ptr<TestDatabase> fresh_db() {
    std::string why;
    auto other = TestDatabase::create(GetParam(), why);
    EXPECT_TRUE(other) << why;
    if (!other) return other;
    other->migrate();
    make_fund(other->db(), "GEN");
    return other;
  }
  long long gifts() { return count("SELECT COUNT(*) FROM gifts WHERE deleted_at IS NULL"); }

  long long general = 0;
};

// Stages `lines` (the steward-lines importer, default fund GEN) into `db`; the import's id.
inline Result<long long> stage_lines(store::Database& db, const store::Actor& actor,
                                     const std::vector<Line>& lines) {
  TempFile file("payments.txt", lines_file(lines));
  engine::imports::StageOptions stage;
  stage.path = file.path();
  stage.plugin_id = kLinesPluginId;
  stage.default_fund_code = "GEN";
  auto importer = lines_importer();
  auto preview = engine::imports::stage_import(db, actor, *importer, stage);
  if (!preview) return preview.status();
  return preview->import_id;
}

inline Line pay(const std::string& id, long long amount, const std::string& name,
                const std::string& email = "") {
  Line l;
  l.id = id;
  l.amount = amount;
  l.name = name;
  l.email = email;
  return l;
}

}  // namespace steward::testing

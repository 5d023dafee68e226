// `steward import` run as an admin would, with the steward-lines fixture plugin installed
// (isolated in its own process, as importers are by default).
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;

class ImportCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    plugins_ = dir_ / "plugins";
    std::filesystem::create_directories(plugins_);
    std::filesystem::permissions(plugins_, std::filesystem::perms(0755));
    auto db = steward::store::Database::open(db_);
    ASSERT_TRUE(db.is_ok()) << db.status().to_string();
    steward::Status s = (*db)->write({}, [](steward::store::Unit& u) {
      u.sql() << "INSERT INTO funds (code, name) VALUES ('GEN', 'General'), ('MED', 'Medical')";
      return steward::Status::ok();
    });
    ASSERT_TRUE(s.is_ok()) << s.to_string();
    std::string fixture = std::string(STEWARD_PLUGIN_FIXTURE_DIR) + "/import_lines.so";
    CliRun install = run("plugins install " + fixture);
    ASSERT_EQ(install.exit_code, 0) << install.output;
    CliRun enable = run("plugins enable org.steward.test.import-lines");
    ASSERT_EQ(enable.exit_code, 0) << enable.output;
  }
  CliRun run(const std::string& args) {
    return steward_db("--plugin-dir " + plugins_.string() + " " + args);
  }
  CliRun run_json(const std::string& args) {
    return steward_db_stdout("--plugin-dir " + plugins_.string() + " " + args);
  }
  std::string write_file(const std::string& name, const std::string& body) {
    auto path = dir_ / name;
    std::ofstream(path) << "#steward-lines v1\n" << body;
    return path.string();
  }
  std::filesystem::path plugins_;
};

const char* kTwo =
    "payment|ch_1||2026-01-05|5000|USD||김민지|minji@example.org|||||의료 지원||||cus_1||card\n"
    "payment|ch_2||2026-01-06|2500|USD||Jane Doe|jane@example.org|||||||||||card\n";

TEST_F(ImportCliTest, DryRunThenImportThenImportAgain) {
  std::string file = write_file("payments.txt", kTwo);
  CliRun dry = run("import " + file + " --dry-run --default-fund GEN");
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("dry run"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("김민지"), std::string::npos) << dry.output;
  CliRun none = run_json("import status --json");
  EXPECT_EQ(nlohmann::json::parse(none.output, nullptr, false).size(), 0u) << none.output;

  CliRun rule = run("import rules add --pattern 의료 --fund MED");
  ASSERT_EQ(rule.exit_code, 0) << rule.output;
  CliRun done = run_json("import " + file + " --default-fund GEN --json");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  auto j = nlohmann::json::parse(done.output, nullptr, false);
  ASSERT_TRUE(j.is_object()) << done.output;
  EXPECT_EQ(j["totals"]["gifts"], 2);
  EXPECT_EQ(j["status"], "committed");

  CliRun again = run("import " + file + " --default-fund GEN");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 gift(s)"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("2 duplicate(s)"), std::string::npos) << again.output;

  CliRun status = run("import status 1");
  ASSERT_EQ(status.exit_code, 0) << status.output;
  EXPECT_NE(status.output.find("committed"), std::string::npos) << status.output;
}

TEST_F(ImportCliTest, ReviewThenResume) {
  std::string file = write_file("review.txt", kTwo);
  CliRun staged = run("import " + file + " --policy review --default-fund GEN --stage-only");
  ASSERT_EQ(staged.exit_code, 0) << staged.output;
  EXPECT_NE(staged.output.find("steward import resume 1"), std::string::npos) << staged.output;
  CliRun list = run("import review 1");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("row 1"), std::string::npos) << list.output;
  CliRun bad = run("import review 1 --row 1 --constituent 999");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("constituent"), std::string::npos) << bad.output;
  CliRun decide = run("import review 1 --row 1 --new");
  ASSERT_EQ(decide.exit_code, 0) << decide.output;
  CliRun resume = run("import resume 1");
  ASSERT_EQ(resume.exit_code, 0) << resume.output;
  EXPECT_NE(resume.output.find("1 gift(s)"), std::string::npos) << resume.output;
  EXPECT_NE(resume.output.find("1 waiting for review"), std::string::npos) << resume.output;
}

TEST_F(ImportCliTest, UnknownFilesAndBadOptionsAreClearErrors) {
  auto path = dir_ / "letter.pdf";
  std::ofstream(path) << "%PDF-1.4\n";
  CliRun unknown = run("import " + path.string());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("org.steward.test.import-lines=0"), std::string::npos)
      << unknown.output;
  CliRun plugin = run("import " + path.string() + " --plugin org.example.nope.nope");
  EXPECT_EQ(plugin.exit_code, 1);
  EXPECT_NE(plugin.output.find("plugin"), std::string::npos) << plugin.output;
  std::string file = write_file("p.txt", kTwo);
  CliRun fund = run("import " + file + " --default-fund NOPE");
  EXPECT_EQ(fund.exit_code, 1);
  EXPECT_NE(fund.output.find("default_fund"), std::string::npos) << fund.output;
  CliRun missing = run("import");
  EXPECT_NE(missing.exit_code, 0);
}

TEST_F(ImportCliTest, RatesThenCancel) {
  // Decision 0154: exchange rates for foreign payments, and cancelling an import.
  CliRun set = run("import rates set EUR 2026-11-01 1.0875");
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_NE(set.output.find("1 EUR = 1.0875 USD from 2026-11-01"), std::string::npos) << set.output;
  CliRun bad = run("import rates set EUR 2026-11-01 1,0875");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("rate"), std::string::npos) << bad.output;
  CliRun list = run("import rates list");
  EXPECT_NE(list.output.find("EUR  2026-11-01  1.0875 USD"), std::string::npos) << list.output;

  std::string file = write_file("cancel.txt", kTwo);
  CliRun staged = run("import " + file + " --default-fund GEN --stage-only");
  ASSERT_EQ(staged.exit_code, 0) << staged.output;
  CliRun cancel = run("import cancel 1");
  ASSERT_EQ(cancel.exit_code, 0) << cancel.output;
  EXPECT_NE(cancel.output.find("cancelled; nothing was applied"), std::string::npos)
      << cancel.output;
  CliRun resume = run("import resume 1");
  EXPECT_EQ(resume.exit_code, 1);
  EXPECT_NE(resume.output.find("cancelled"), std::string::npos) << resume.output;
  CliRun done = run("import " + file + " --default-fund GEN");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  CliRun late = run("import cancel 2");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_NE(late.output.find("committed and cannot be cancelled"), std::string::npos)
      << late.output;
}

}  // namespace

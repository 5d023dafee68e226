// `steward reports ...` through the real binary with the built-in report plugins
// (build/plugins/report-*.so, built with the binary): list, params, run in every format,
// parameter errors naming the parameter, and --as a user without the restricted grant.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/user.hpp"
#include "store/user_repository.hpp"
#include "support/cli_runner.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"

namespace {

using steward::testing::CliRun;
namespace fs = std::filesystem;

fs::path built_plugins() { return fs::path(STEWARD_BIN).parent_path().parent_path() / "plugins"; }

class ReportsCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    plugins_ = "--plugin-dir " + (dir_ / "plugins").string() + " ";
    for (const char* name : {"report-giving-trends", "report-lybunt"}) {
      fs::path so = built_plugins() / (std::string(name) + ".so");
      ASSERT_TRUE(fs::exists(so)) << so;
      CliRun install = steward_db(plugins_ + "plugins install " + so.string());
      ASSERT_EQ(install.exit_code, 0) << install.output;
    }
    for (const char* id : {"org.steward.report.giving-trends", "org.steward.report.lybunt"}) {
      CliRun enable = steward_db(plugins_ + "plugins enable " + id);
      ASSERT_EQ(enable.exit_code, 0) << enable.output;
    }
    auto opened = steward::store::Database::open(db_);
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    auto& db = **opened;
    auto open = steward::testing::make_person(db, "=HYPERLINK(\"x\") 김");
    auto hidden = steward::testing::make_person(db, "Hidden donor");
    steward::testing::make_restricted(db, hidden);
    steward::testing::give(db, open, 12345, "2025-01-10");
    steward::testing::give(db, hidden, 50000, "2025-01-11");
    steward::domain::NewUser analyst;
    analyst.username = "analyst.kim";
    analyst.display_name = "Analyst";
    analyst.role = steward::auth::Role::kAnalyst;
    analyst.password = "a long enough passphrase 2026";
    auto user = db.write({"test", ""}, [&](steward::store::Unit& u) {
      return steward::store::users::create(u, analyst);
    });
    ASSERT_TRUE(user.is_ok()) << user.status().to_string();
  }
  std::string plugins_;
  const std::string trends_ =
      "reports run org.steward.report.giving-trends --param from=2025-01-01 "
      "--param to=2025-01-31 --param compare_last_year=false ";
};

TEST_F(ReportsCliTest, ListsAndDescribesReports) {
  CliRun list = steward_db(plugins_ + "reports list");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("org.steward.report.lybunt"), std::string::npos) << list.output;
  CliRun params = steward_db(plugins_ + "reports params org.steward.report.giving-trends");
  ASSERT_EQ(params.exit_code, 0) << params.output;
  EXPECT_NE(params.output.find("month|quarter|year|fiscal_year"), std::string::npos)
      << params.output;
}

TEST_F(ReportsCliTest, RunsInEveryFormat) {
  CliRun table = steward_db(plugins_ + trends_);
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("623.45 USD"), std::string::npos) << table.output;

  CliRun json = steward_db_stdout(plugins_ + trends_ + "--format json");
  ASSERT_EQ(json.exit_code, 0) << json.output;
  auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["rows"][0][1]["minor"], 62345);
  EXPECT_EQ(j["parameters"]["grain"], "month");

  fs::path csv = dir_ / "trends.csv";
  CliRun csv_run = steward_db(plugins_ + trends_ +
                              "--param group_by=region --format csv --output " + csv.string());
  ASSERT_EQ(csv_run.exit_code, 0) << csv_run.output;
  std::ifstream in(csv);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(text.find("623.45,USD"), std::string::npos) << text;

  fs::path xlsx = dir_ / "trends.xlsx";
  CliRun xlsx_run = steward_db(plugins_ + trends_ + "--format xlsx --output " + xlsx.string());
  ASSERT_EQ(xlsx_run.exit_code, 0) << xlsx_run.output;
  std::ifstream book(xlsx, std::ios::binary);
  std::string head(2, '\0');
  book.read(head.data(), 2);
  EXPECT_EQ(head, "PK");  // a zip container
}

TEST_F(ReportsCliTest, LybuntCsvNeutralisesFormulasInNames) {
  CliRun csv = steward_db_stdout(plugins_ +
                                 "reports run org.steward.report.lybunt --param as_of=2026-02-01 "
                                 "--param fiscal_year_start_month=1 --format csv --as analyst.kim");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NE(csv.output.find("\"'=HYPERLINK(\"\"x\"\") 김\""), std::string::npos) << csv.output;
  EXPECT_EQ(csv.output.find("Hidden donor"), std::string::npos) << csv.output;
  CliRun all = steward_db_stdout(plugins_ +
                                 "reports run org.steward.report.lybunt --param as_of=2026-02-01 "
                                 "--param fiscal_year_start_month=1 --format csv");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_NE(all.output.find("Hidden donor"), std::string::npos) << all.output;
}

TEST_F(ReportsCliTest, BadParametersAreNamed) {
  CliRun bad = steward_db(plugins_ + trends_ + "--param grain=week");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("grain: must be one of"), std::string::npos) << bad.output;
  CliRun unknown = steward_db(plugins_ + trends_ + "--param colour=red");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("colour: unknown parameter"), std::string::npos) << unknown.output;
  CliRun missing = steward_db(plugins_ + "reports run org.example.nothing");
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("not installed"), std::string::npos) << missing.output;
}

}  // namespace

// Report downloads over real HTTP with the fixture report (its label comes back as a text cell,
// then 1234 KRW): CSV (type, attachment name, UTF-8 BOM for Excel, formula-injection escaping of
// = + - @, Hangul round trip) and XLSX (type, attachment name, a zip that opens, a typed number
// and a Hangul string read back with unzip), the workbook's temporary file in TMPDIR, and the
// analytics query's downloads and errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "../plugins/plugin_dir.hpp"
#include "plugins/plugin_service.hpp"
#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `unzip -p archive member`, or nullopt when unzip is not installed.
std::optional<std::string> unzip_member(const std::string& bytes, const std::string& member) {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) return std::nullopt;
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / ("steward-xlsx-test-" + std::to_string(::getpid()) + ".xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string cmd = "unzip -p '" + path.string() + "' '" + member + "'";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

class ApiReportDownloadsTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  void install() {
    auto file = dir.add("good_report");
    auto r = db().write(actor(), [&](store::Unit& u) -> Status {
      auto rec = plugins::install_plugin(u, dir.path(), dir.path() / file, std::nullopt);
      if (!rec) return rec.status();
      auto on = plugins::enable_plugin(u, dir.path(), "org.steward.test.report");
      return on ? Status::ok() : on.status();
    });
    ASSERT_TRUE(r.is_ok()) << r.to_string();
  }
  std::string label_run(const std::string& label) {
    nlohmann::json body = {{"parameters", {{"label", label}}}};
    return body.dump();
  }
  PluginDir dir;
  const std::string base = "/api/v1/reports/org.steward.test.report/run";
};

TEST_P(ApiReportDownloadsTest, CsvIsExcelReadyAndNeutralisesFormulas) {
  ASSERT_NO_FATAL_FAILURE(install());
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply csv = analyst.post(base + "?format=csv", label_run("후원 합계"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"),
            "attachment; filename=\"org.steward.test.report.csv\"");
  ASSERT_GE(csv.body.size(), 3u);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");  // the BOM Excel needs for UTF-8
  EXPECT_NE(csv.body.find("\r\n후원 합계,1234,KRW\r\n"), std::string::npos) << csv.body;

  for (const char* formula : {"=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)"}) {
    SCOPED_TRACE(formula);
    HttpReply r = analyst.post(base + "?format=csv", label_run(formula));
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string line = r.body.substr(r.body.find("\r\n") + 2);
    EXPECT_EQ(line.front() == '"' ? line[1] : line[0], '\'') << line;
  }
}

TEST_P(ApiReportDownloadsTest, XlsxOpensWithTypedCellsAndHangul) {
  ASSERT_NO_FATAL_FAILURE(install());
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  HttpReply book = analyst.post(base + "?format=xlsx", label_run("후원 합계"));
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_EQ(book.header("content-type"), kXlsx);
  EXPECT_EQ(book.header("content-disposition"),
            "attachment; filename=\"org.steward.test.report.xlsx\"");
  ASSERT_GE(book.body.size(), 4u);
  EXPECT_EQ(book.body.substr(0, 4), std::string("PK\x03\x04", 4));  // a zip archive
  auto strings = unzip_member(book.body, "xl/sharedStrings.xml");
  if (!strings) GTEST_SKIP() << "unzip is not installed";
  EXPECT_NE(strings->find("후원 합계"), std::string::npos) << *strings;
  auto sheet = unzip_member(book.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<v>1234</v>"), std::string::npos) << *sheet;  // a number, not text
}

TEST_P(ApiReportDownloadsTest, TheWorkbookIsWrittenInTmpdir) {
  ASSERT_NO_FATAL_FAILURE(install());
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  const auto fresh = std::filesystem::temp_directory_path() /
                     ("steward-tmpdir-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(fresh);
  ::setenv("TMPDIR", (fresh / "missing").c_str(), 1);
  HttpReply refused = analyst.post(base + "?format=xlsx", label_run("x"));
  ::setenv("TMPDIR", fresh.c_str(), 1);
  HttpReply made = analyst.post(base + "?format=xlsx", label_run("x"));
  if (old)
    ::setenv("TMPDIR", saved.c_str(), 1);
  else
    ::unsetenv("TMPDIR");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("temporary directory"), std::string::npos) << refused.body;
  EXPECT_EQ(made.status, 200) << made.body;
  EXPECT_TRUE(std::filesystem::is_empty(fresh));  // the temporary file is gone
  std::filesystem::remove_all(fresh);
}

TEST_P(ApiReportDownloadsTest, AnalyticsQueryAnswersJsonCsvAndXlsx) {
  auto donor = make_person(db(), "김 후원자");
  give(db(), donor, 5000, "2025-03-01");
  give(db(), donor, 7000, "2025-04-01");
  auto analyst = sign_in_as("analyst1", auth::Role::kAnalyst);
  const std::string q = R"({"measures":["amount","median"],"dimensions":["period"],"grain":"year",)"
                        R"("from":"2025-01-01","to":"2025-12-31"})";
  HttpReply j = analyst.post("/api/v1/analytics/query", q);
  ASSERT_EQ(j.status, 200) << j.body;
  EXPECT_EQ(j.json()["rows"][0][0], "2025");
  EXPECT_EQ(j.json()["rows"][0][1]["minor"], 12000);
  EXPECT_EQ(j.json()["rows"][0][2]["minor"], 6000);
  EXPECT_EQ(j.json()["truncated"], false);

  HttpReply csv = analyst.request("POST", "/api/v1/analytics/query", q, {{"Accept", "text/csv"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"analytics.csv\"");
  EXPECT_NE(csv.body.find("2025,120.00,USD,60.00,USD"), std::string::npos) << csv.body;

  HttpReply book = analyst.post("/api/v1/analytics/query?format=xlsx", q);
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_EQ(book.header("content-type"), kXlsx);
  EXPECT_EQ(book.body.substr(0, 4), std::string("PK\x03\x04", 4));

  HttpReply bad = analyst.post("/api/v1/analytics/query", R"({"measures":["profit"]})");
  EXPECT_EQ(bad.status, 422) << bad.body;  // the house status for invalid fields
  EXPECT_NE(bad.body.find("measures[0]"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("profit"), std::string::npos) << bad.body;
  HttpReply junk = analyst.post("/api/v1/analytics/query", "{not json");
  EXPECT_EQ(junk.status / 100, 4) << junk.body;

  auto viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.post("/api/v1/analytics/query", q).status, 403);

  // The three answered queries are in the audit trail with who asked, the query, the format
  // and the size of the answer; the refused ones are not.
  const std::string runs =
      "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'analytics_query' AND action = 'run'"
      " AND actor LIKE 'user:analyst1%'";
  EXPECT_EQ(query_int(db(), runs), 3);
  EXPECT_EQ(query_int(db(), runs + " AND after_json LIKE '%\"format\":\"xlsx\"%'"
                                   " AND after_json LIKE '%\"rows\":1%'"
                                   " AND after_json LIKE '%\"measures\":[\"amount\",\"median\"]%'"),
            1);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                      "'analytics_query' AND actor LIKE 'user:viewer1%'"),
            0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiReportDownloadsTest);

}  // namespace
}  // namespace steward::testing

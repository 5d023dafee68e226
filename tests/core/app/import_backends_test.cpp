// The same payment files imported by the real `steward import` into SQLite and into PostgreSQL
// give the same gifts, donors, allocations, payment identities and row outcomes (issue 6,
// "the same results on SQLite and PostgreSQL"), and importing them again adds nothing on either.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "import_snapshot.hpp"

namespace steward {
namespace {

namespace fs = std::filesystem;
using testing::TestBackend;

// Hand-written lines with what generated files lack: a charge without customer id matched by
// email, Hangul with a comma, a partial and a full refund, an unknown fund name (default fund),
// a bad amount (error row), a failed charge (skipped) and the same charge twice.
const char* kVariations =
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Converted Amount,"
    "Converted Amount Refunded,Converted Currency,Decline Reason,Description,Fee,"
    "Refunded date (UTC),Statement Descriptor,Status,Seller Message,Taxes On Fee,Card ID,"
    "Customer ID,Customer Description,Customer Email,Invoice ID,Transfer,fund (metadata)\n"
    "ch_V1,2026-01-05 14:05:00,50.00,0.00,usd,true,,,,,Donation,1.75,,S,Paid,,0.00,card_1,"
    "cus_V1,\"김, 민지\",minji@example.kr,,,Medical Support\n"
    "ch_V2,2026-01-06 10:00:00,75.00,25.00,usd,true,,,,,Gift,2.48,2026-01-09 10:00:00,S,Paid,,"
    "0.00,card_2,,Jane Doe,minji@example.kr,,,\n"
    "ch_V3,2026-01-07 10:00:00,20.00,20.00,usd,true,,,,,,0.88,2026-01-08 10:00:00,S,Refunded,,"
    "0.00,card_3,cus_V3,Park Jiwoo,jiwoo@example.org,,,Somewhere Unknown\n"
    "ch_V4,2026-01-08 10:00:00,abc,0.00,usd,true,,,,,,0.00,,S,Paid,,0.00,card_4,cus_V4,Bad "
    "Amount,bad@example.org,,,\n"
    "ch_V5,2026-01-09 10:00:00,30.00,0.00,usd,false,,,,card_declined,,0.00,,S,Failed,,0.00,"
    "card_5,cus_V5,Declined Person,declined@example.org,,,\n"
    "ch_V1,2026-01-05 14:05:00,50.00,0.00,usd,true,,,,,Donation,1.75,,S,Paid,,0.00,card_1,"
    "cus_V1,\"김, 민지\",minji@example.kr,,,Medical Support\n"
    "ch_V6,2026-01-10 10:00:00,1000.00,0.00,usd,true,,,,,Monthly gift,29.30,,S,Paid,,0.00,"
    "card_6,cus_V1,김민지,minji@example.kr,,,SAFE\n";

TEST(ImportBackendsTest, SqliteAndPostgresqlGiveTheSameResults) {
  fs::path dir = fs::temp_directory_path() / ("steward-backends-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string generated = testing::write_generated_file((dir / "gen.csv").string(), 400, 3);
  std::string variations = (dir / "variations.csv").string();
  std::ofstream(variations, std::ios::binary) << kVariations;

  std::map<TestBackend, testing::ImportSnapshot> result;
  for (TestBackend backend : {TestBackend::kSqlite, TestBackend::kPostgresql}) {
    std::string name = testing::backend_name(backend);
    fs::path plugins = dir / ("plugins-" + name);
    fs::create_directories(plugins);
    fs::permissions(plugins, fs::perms(0755));
    auto t = testing::import_database(backend, plugins.string());
    if (!t) {
      fs::remove_all(dir);
      GTEST_SKIP() << "PostgreSQL not configured (STEWARD_TEST_PG_URL)";
    }
    auto import = [&](const std::string& file) {
      return testing::run_command(std::string(STEWARD_BIN) + " --database " +
                                  testing::shell_quote(t->url()) + " --plugin-dir " +
                                  testing::shell_quote(plugins.string()) + " import " + file +
                                  " --default-fund GEN --json");
    };
    for (const std::string& file : {variations, generated}) {
      testing::CommandRun run = import(file);
      ASSERT_EQ(run.exit_code, 0) << name << ": " << run.output;
    }
    result[backend] = testing::snapshot(t->db());
    long long gifts = static_cast<long long>(result[backend].gifts.size());
    EXPECT_GT(gifts, 300) << name;
    EXPECT_EQ(result[backend].duplicate_gifts, 0) << name;
    EXPECT_EQ(result[backend].gift_audits_missing, 0) << name;
    EXPECT_EQ(testing::query_int(t->db(),
                                 "SELECT COUNT(*) FROM import_rows WHERE outcome = "
                                 "'error'"),
              1)
        << name;
    EXPECT_EQ(testing::query_int(t->db(),
                                 "SELECT COUNT(*) FROM constituents WHERE display_name "
                                 "LIKE '김%'") > 0,
              true)
        << name;
    for (const std::string& file : {variations, generated}) {
      testing::CommandRun again = import(file);
      ASSERT_EQ(again.exit_code, 0) << name << ": " << again.output;
    }
    EXPECT_EQ(testing::query_int(t->db(), "SELECT COUNT(*) FROM gifts"), gifts)
        << name << ": importing again added gifts";
  }
  testing::expect_same(result[TestBackend::kSqlite], result[TestBackend::kPostgresql],
                       "SQLite vs PostgreSQL");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace steward

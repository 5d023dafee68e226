// `steward backup` and `steward restore` through the real binary: a backup of the demo
// organisation restored into a fresh database holds exactly the same rows in every table, on
// SQLite and on PostgreSQL (when STEWARD_TEST_PG_URL is set); encrypted backups need the right
// passphrase and refuse a damaged or truncated file; a restore never overwrites a database.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/row_reader.hpp"
#include "support/cli_runner.hpp"

namespace steward::testing {
namespace {

namespace fs = std::filesystem;
const std::string kPassphrase = "north star lantern 1987";

// Every table's rows as sorted text lines (the backup and restore audit rows left out).
std::map<std::string, std::vector<std::string>> snapshot(const std::string& url) {
  auto opened = store::Database::open(url);
  EXPECT_TRUE(opened) << opened.status().to_string();
  std::map<std::string, std::vector<std::string>> out;
  if (!opened) return out;
  store::Database& db = **opened;
  auto r = db.read([&](store::Unit& u) -> Status {
    std::vector<std::string> tables;
    std::string list_sql =
        db.is_postgresql()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
              "current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    soci::rowset<std::string> names = (u.sql().prepare << list_sql);
    for (const auto& n : names) tables.push_back(n);
    for (const auto& t : tables) {
      std::string sql = "SELECT * FROM " + t;
      if (t == "audit_events") sql += " WHERE action NOT IN ('backup', 'restore')";
      soci::rowset<soci::row> rows = (u.sql().prepare << sql);
      auto& lines = out[t];
      for (const soci::row& row : rows) {
        store::RowReader reader(row);
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
          line += reader.opt_text(i).value_or("NULL") + "|";
        lines.push_back(line);
      }
      std::sort(lines.begin(), lines.end());
    }
    return Status::ok();
  });
  EXPECT_TRUE(r) << r.to_string();
  return out;
}

void expect_same(const std::map<std::string, std::vector<std::string>>& a,
                 const std::map<std::string, std::vector<std::string>>& b) {
  ASSERT_EQ(a.size(), b.size());
  std::size_t rows = 0;
  for (const auto& [table, lines] : a) {
    auto it = b.find(table);
    ASSERT_NE(it, b.end()) << table;
    EXPECT_EQ(lines, it->second) << "table " << table << " differs";
    rows += lines.size();
  }
  EXPECT_GT(a.at("constituents").size(), 10u);
  EXPECT_GT(a.at("gifts").size(), 10u);
  EXPECT_GT(rows, 100u);
}

class BackupCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
    CliRun demo = steward_db("demo load");
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
  }
  std::string restored_url() { return "sqlite:" + (dir_ / "restored.db").string(); }
};

TEST_F(BackupCliTest, APlainBackupRestoresEveryRowOfEveryTable) {
  const std::string file = (dir_ / "steward.backup").string();
  CliRun backup = steward_db("backup " + file);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_NE(backup.output.find("not encrypted"), std::string::npos) << backup.output;
  EXPECT_EQ(fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all),
            fs::perms::none);
  CliRun restore = run_steward("--database " + restored_url() + " restore " + file);
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  expect_same(snapshot(db_), snapshot(restored_url()));
  // The backup is in the audit trail of the database it was taken from.
  auto source = store::Database::open(db_);
  ASSERT_TRUE(source);
  auto audited = (*source)->read([](store::Unit& u) -> Result<long long> {
    long long n = 0;
    u.sql() << "SELECT COUNT(*) FROM audit_events WHERE action = 'backup'", soci::into(n);
    return n;
  });
  ASSERT_TRUE(audited);
  EXPECT_EQ(*audited, 1);
  CliRun again = run_steward("--database " + restored_url() + " restore " + file);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
}

TEST_F(BackupCliTest, AnEncryptedBackupNeedsItsPassphraseAndRefusesDamage) {
  const std::string file = (dir_ / "secret.backup").string();
  CliRun shortpass = steward_db("backup " + file + " --encrypt", "short");
  EXPECT_EQ(shortpass.exit_code, 1);
  EXPECT_NE(shortpass.output.find("at least 12"), std::string::npos) << shortpass.output;
  CliRun backup = steward_db("backup " + file + " --encrypt", kPassphrase);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  // No donor name is readable in the file.
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.find("Hope Bridge"), std::string::npos);

  CliRun wrong =
      run_steward("--database " + restored_url() + " restore " + file, "not the right passphrase");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.output.find("wrong passphrase"), std::string::npos) << wrong.output;
  EXPECT_FALSE(fs::exists(dir_ / "restored.db"));

  const std::string cut = (dir_ / "cut.backup").string();
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() - 100);
  CliRun truncated = run_steward("--database " + restored_url() + " restore " + cut, kPassphrase);
  EXPECT_EQ(truncated.exit_code, 1);
  EXPECT_NE(truncated.output.find("damaged or incomplete"), std::string::npos) << truncated.output;
  EXPECT_FALSE(fs::exists(dir_ / "restored.db"));

  CliRun right = run_steward("--database " + restored_url() + " restore " + file, kPassphrase);
  ASSERT_EQ(right.exit_code, 0) << right.output;
  expect_same(snapshot(db_), snapshot(restored_url()));
}

TEST_F(BackupCliTest, NotABackupFileIsRefused) {
  const std::string file = (dir_ / "notes.txt").string();
  std::ofstream(file) << "hello\n";
  CliRun r = run_steward("--database " + restored_url() + " restore " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("is not a Steward backup file"), std::string::npos) << r.output;
}

// PostgreSQL: two fresh databases on the test server, dropped afterwards.
class PgBackupCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const char* url = std::getenv("STEWARD_TEST_PG_URL");
    if (!url || !*url) GTEST_SKIP() << "STEWARD_TEST_PG_URL is not set";
    admin_url_ = url;
    std::string suffix = std::to_string(::getpid());
    source_ = create_database("steward_bk_src_" + suffix);
    target_ = create_database("steward_bk_dst_" + suffix);
  }
  void TearDown() override {
    for (const auto& name : created_)
      admin_exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    CliTest::TearDown();
  }
  void admin_exec(const std::string& sql) {
    auto db = store::Database::open(admin_url_, {1, 5000});
    ASSERT_TRUE(db) << db.status().to_string();
    auto r = (*db)->read([&](store::Unit& u) {
      u.sql() << sql;
      return Status::ok();
    });
    ASSERT_TRUE(r) << r.to_string();
  }
  std::string create_database(const std::string& name) {
    admin_exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin_exec("CREATE DATABASE " + name);
    created_.push_back(name);
    std::string url = admin_url_.substr(0, admin_url_.find('?'));
    return url.substr(0, url.rfind('/') + 1) + name;
  }
  CliRun on(const std::string& url, const std::string& args, const std::string& input = "") {
    return run_steward("--database " + url + " " + args, input);
  }
  std::string admin_url_, source_, target_;
  std::vector<std::string> created_;
};

TEST_F(PgBackupCliTest, AnEncryptedPgDumpRestoresEveryRowOfEveryTable) {
  ASSERT_EQ(on(source_, "migrate").exit_code, 0);
  CliRun demo = on(source_, "demo load");
  ASSERT_EQ(demo.exit_code, 0) << demo.output;
  const std::string file = (dir_ / "pg.backup").string();
  CliRun backup = on(source_, "backup " + file + " --encrypt", kPassphrase);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_NE(backup.output.find("postgresql, encrypted"), std::string::npos) << backup.output;
  CliRun restore = on(target_, "restore " + file, kPassphrase);
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  expect_same(snapshot(source_), snapshot(target_));
  // A database that already has tables is never restored into.
  CliRun again = on(target_, "restore " + file, kPassphrase);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already has tables"), std::string::npos) << again.output;
  // A SQLite backup does not go into PostgreSQL.
  ASSERT_EQ(steward_db("migrate").exit_code, 0);
  const std::string lite = (dir_ / "lite.backup").string();
  ASSERT_EQ(steward_db("backup " + lite).exit_code, 0);
  std::string empty = create_database("steward_bk_empty_" + std::to_string(::getpid()));
  CliRun mismatch = on(empty, "restore " + lite);
  EXPECT_EQ(mismatch.exit_code, 1);
  EXPECT_NE(mismatch.output.find("restore it into a sqlite database"), std::string::npos)
      << mismatch.output;
}

}  // namespace
}  // namespace steward::testing

#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::store {
namespace {

using testing::DatabaseTest;
using testing::query_int;

class MigrationsTest : public DatabaseTest {
 protected:
  bool migrate_on_setup() const override { return false; }
};

TEST_P(MigrationsTest, FreshDatabaseGetsEveryMigrationRecorded) {
  MigrationRunner runner(db());
  auto applied = runner.migrate();
  ASSERT_TRUE(applied.is_ok()) << applied.status().to_string();
  EXPECT_EQ(*applied, static_cast<int>(embedded_migrations(db().backend()).size()));
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM schema_migrations"), *applied);
  EXPECT_TRUE(runner.check_current().is_ok());
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents"), 0);
}

TEST_P(MigrationsTest, SecondRunAppliesNothing) {
  MigrationRunner runner(db());
  ASSERT_TRUE(runner.migrate().is_ok());
  auto again = runner.migrate();
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(*again, 0);
}

TEST_P(MigrationsTest, PartialDatabaseGetsOnlyThePendingMigrations) {
  std::vector<Migration> all = embedded_migrations(db().backend());
  all.push_back({9001, "add_test_table", "CREATE TABLE zz_later (id INTEGER PRIMARY KEY);"});
  std::vector<Migration> older(all.begin(), all.end() - 1);
  ASSERT_TRUE(MigrationRunner(db(), older).migrate().is_ok());

  MigrationRunner newer(db(), all);
  Status current = newer.check_current();
  EXPECT_EQ(current.code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(current.message().find("1 migration(s) pending"), std::string::npos);
  auto applied = newer.migrate();
  ASSERT_TRUE(applied.is_ok()) << applied.status().to_string();
  EXPECT_EQ(*applied, 1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM zz_later"), 0);
  auto states = newer.status();
  ASSERT_TRUE(states.is_ok());
  for (const auto& s : *states) EXPECT_TRUE(s.applied) << s.name;
}

TEST_P(MigrationsTest, FailingMigrationLeavesNothingBehind) {
  std::vector<Migration> all = embedded_migrations(db().backend());
  all.push_back(
      {9002, "broken", "CREATE TABLE zz_half (id INTEGER PRIMARY KEY); THIS IS NOT SQL;"});
  auto applied = MigrationRunner(db(), all).migrate();
  ASSERT_FALSE(applied.is_ok());
  EXPECT_NE(applied.status().message().find("9002_broken"), std::string::npos);
  // The good migrations landed; the broken one left neither its table nor its record.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM schema_migrations WHERE version = 9002"), 0);
  auto tables = db().read([&](Unit& u) -> Result<long long> {
    long long n = 0;
    if (u.is_postgresql()) {
      u.sql() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'zz_half' "
                 "AND table_schema = current_schema()",
          soci::into(n);
    } else {
      u.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'zz_half'", soci::into(n);
    }
    return n;
  });
  ASSERT_TRUE(tables.is_ok());
  EXPECT_EQ(*tables, 0);
}

TEST_P(MigrationsTest, TamperedChecksumIsRefusedWithARemedy) {
  std::vector<Migration> all = embedded_migrations(db().backend());
  ASSERT_TRUE(MigrationRunner(db(), all).migrate().is_ok());
  all.front().sql += "\n-- edited after landing\n";
  MigrationRunner tampered(db(), all);
  auto result = tampered.migrate();
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(result.status().message().find("0001_initial was changed"), std::string::npos);
  EXPECT_NE(result.status().message().find("new migration"), std::string::npos);
  EXPECT_FALSE(tampered.check_current().is_ok());
}

TEST_P(MigrationsTest, DatabaseNewerThanBinaryIsRefused) {
  std::vector<Migration> all = embedded_migrations(db().backend());
  all.push_back({9003, "from_the_future", "CREATE TABLE zz_future (id INTEGER PRIMARY KEY);"});
  ASSERT_TRUE(MigrationRunner(db(), all).migrate().is_ok());
  MigrationRunner older(db());  // the binary's own list, without 9003
  auto result = older.migrate();
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(result.status().message().find("newer than this binary"), std::string::npos);
  EXPECT_NE(result.status().message().find("9003_from_the_future"), std::string::npos);
}

STEWARD_INSTANTIATE_DATABASE_TEST(MigrationsTest);

TEST(MigrationChecksum, IsSha256Hex) {
  EXPECT_EQ(migration_checksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(EmbeddedMigrations, BothDialectsHaveTheSameVersions) {
  const auto& lite = embedded_migrations(Backend::kSqlite);
  const auto& pg = embedded_migrations(Backend::kPostgresql);
  ASSERT_EQ(lite.size(), pg.size());
  ASSERT_FALSE(lite.empty());
  for (std::size_t i = 0; i < lite.size(); ++i) {
    EXPECT_EQ(lite[i].version, pg[i].version);
    EXPECT_EQ(lite[i].name, pg[i].name);
    EXPECT_EQ(lite[i].version, static_cast<int>(i + 1)) << "versions are 1, 2, 3... without gaps";
  }
}

}  // namespace
}  // namespace steward::store

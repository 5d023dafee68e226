// A fresh, migrated database for one test, on SQLite or on PostgreSQL.
//
// SQLite: a new file in a temporary folder. PostgreSQL: a new schema in the server named by
// STEWARD_TEST_PG_URL (scripts/test starts a throw-away cluster and sets it), selected through
// the connection's search_path, dropped when the test ends. Without STEWARD_TEST_PG_URL the
// PostgreSQL half of a suite is skipped, unless STEWARD_REQUIRE_PG=1, when it fails.
//
// Write a database suite as:
//   class GiftRepositoryTest : public steward::testing::DatabaseTest {};
//   TEST_P(GiftRepositoryTest, RefundKeepsSummaryExact) { ... db() ... actor() ... }
//   STEWARD_INSTANTIATE_DATABASE_TEST(GiftRepositoryTest);
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace steward::testing {

enum class TestBackend { kSqlite, kPostgresql };
std::string backend_name(TestBackend backend);

class TestDatabase {
 public:
  // Creates an empty database (no migrations applied). Returns nullptr with `why` set when the
  // backend is not available (PostgreSQL without STEWARD_TEST_PG_URL).
  static std::unique_ptr<TestDatabase> create(TestBackend backend, std::string& why);
  ~TestDatabase();

  // The URL of this test's database (opens the same schema or file again).
  const std::string& url() const { return url_; }
  store::Database& db() { return *db_; }
  // Applies the embedded migrations; fails the test on error.
  void migrate();

 private:
  TestDatabase() = default;
  std::string url_;
  std::string cleanup_;  // SQLite: folder to remove; PostgreSQL: schema to drop
  std::string admin_url_;
  std::unique_ptr<store::Database> db_;
};

// Base fixture for database suites: SetUp() gives each test a fresh, migrated database.
class DatabaseTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  store::Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }
  const store::Actor& actor() const { return actor_; }
  bool is_postgresql() const { return GetParam() == TestBackend::kPostgresql; }
  // Whether SetUp() migrates (suites about migrations turn this off).
  virtual bool migrate_on_setup() const { return true; }

 private:
  std::unique_ptr<TestDatabase> test_db_;
  store::Actor actor_{"test:runner", "127.0.0.1"};
};

// Reads one integer from a query with no parameters (for assertions on counts).
long long query_int(store::Database& db, const std::string& sql);

}  // namespace steward::testing

#define STEWARD_INSTANTIATE_DATABASE_TEST(Suite)                                  \
  INSTANTIATE_TEST_SUITE_P(                                                       \
      Backends, Suite,                                                            \
      ::testing::Values(::steward::testing::TestBackend::kSqlite,                 \
                        ::steward::testing::TestBackend::kPostgresql),            \
      [](const ::testing::TestParamInfo<::steward::testing::TestBackend>& info) { \
        return ::steward::testing::backend_name(info.param);                      \
      })

// Both dialects must define the same tables with the same columns: the storage layer and the
// reporting contract are written once for both.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using Schema = std::map<std::string, std::set<std::string>>;

Schema read_schema(Database& db) {
  Schema schema;
  auto r = db.read([&](Unit& u) -> Status {
    if (u.is_postgresql()) {
      soci::rowset<soci::row> rows =
          (u.sql().prepare << "SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE table_schema = current_schema()");
      for (const auto& row : rows) schema[row.get<std::string>(0)].insert(row.get<std::string>(1));
    } else {
      std::vector<std::string> tables;
      soci::rowset<std::string> names =
          (u.sql().prepare << "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                              "AND name NOT LIKE 'sqlite_%'");
      for (const auto& n : names) {
        // fts_*: SQLite's FTS5 search indexes and their shadow tables (the PostgreSQL
        // counterpart is a GIN index, not a table).
        if (n.rfind("fts_", 0) != 0) tables.push_back(n);
      }
      for (const auto& t : tables) {
        soci::rowset<soci::row> cols = (u.sql().prepare << "PRAGMA table_info(" + t + ")");
        for (const auto& c : cols) schema[t].insert(c.get<std::string>(1));
      }
    }
    return Status::ok();
  });
  EXPECT_TRUE(r.is_ok()) << r.to_string();
  return schema;
}

TEST(SchemaParity, SqliteAndPostgresqlDefineTheSameTablesAndColumns) {
  std::string why;
  auto pg = testing::TestDatabase::create(testing::TestBackend::kPostgresql, why);
  if (!pg) {
    const char* require = std::getenv("STEWARD_REQUIRE_PG");
    if (require && std::string(require) == "1") FAIL() << why;
    GTEST_SKIP() << why;
  }
  auto lite = testing::TestDatabase::create(testing::TestBackend::kSqlite, why);
  ASSERT_TRUE(lite) << why;
  lite->migrate();
  pg->migrate();
  Schema a = read_schema(lite->db());
  Schema b = read_schema(pg->db());
  ASSERT_GT(a.size(), 20u);
  for (const auto& [table, cols] : a) {
    ASSERT_TRUE(b.count(table)) << "table " << table << " exists only on SQLite";
    for (const auto& c : cols) {
      EXPECT_TRUE(b[table].count(c)) << table << "." << c << " exists only on SQLite";
    }
  }
  for (const auto& [table, cols] : b) {
    ASSERT_TRUE(a.count(table)) << "table " << table << " exists only on PostgreSQL";
    for (const auto& c : cols) {
      EXPECT_TRUE(a[table].count(c)) << table << "." << c << " exists only on PostgreSQL";
    }
  }
}

TEST(SchemaConventions, EveryTableHasCreatedAndUpdatedTimestamps) {
  std::string why;
  auto lite = testing::TestDatabase::create(testing::TestBackend::kSqlite, why);
  ASSERT_TRUE(lite) << why;
  lite->migrate();
  for (const auto& [table, cols] : read_schema(lite->db())) {
    // Views (the analytics_* and report_* reporting contracts, the quick search's source text)
    // carry their source rows' columns.
    if (table == "schema_migrations" || table.rfind("analytics_", 0) == 0 ||
        table.rfind("report_", 0) == 0 || table == "constituent_search_source")
      continue;
    EXPECT_TRUE(cols.count("created_at")) << table << " has no created_at";
    EXPECT_TRUE(cols.count("updated_at")) << table << " has no updated_at";
  }
}

}  // namespace
}  // namespace steward::store

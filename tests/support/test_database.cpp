#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "store/migrations.hpp"

namespace steward::testing {
namespace {

std::atomic<int> g_counter{0};

std::string unique_suffix() {
  return std::to_string(getpid()) + "_" + std::to_string(g_counter++) + "_" +
         std::to_string(std::rand() % 100000);
}

}  // namespace

std::string backend_name(TestBackend backend) {
  return backend == TestBackend::kSqlite ? "SQLite" : "PostgreSQL";
}

std::unique_ptr<TestDatabase> TestDatabase::create(TestBackend backend, std::string& why) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  if (backend == TestBackend::kSqlite) {
    auto dir = std::filesystem::temp_directory_path() / ("steward-test-" + unique_suffix());
    std::filesystem::create_directories(dir);
    t->cleanup_ = dir.string();
    t->url_ = "sqlite:" + (dir / "steward.db").string();
  } else {
    const char* base = std::getenv("STEWARD_TEST_PG_URL");
    if (!base || !*base) {
      why = "STEWARD_TEST_PG_URL is not set (scripts/test starts PostgreSQL and sets it)";
      return nullptr;
    }
    t->admin_url_ = base;
    std::string schema = "t_" + unique_suffix();
    auto admin = store::Database::open(t->admin_url_, {1, 5000});
    if (!admin) {
      why = "cannot reach the test PostgreSQL: " + admin.status().message();
      return nullptr;
    }
    Status made = (*admin)->write(store::Actor{}, [&](store::Unit& u) {
      u.sql() << "CREATE SCHEMA " + schema;
      return Status::ok();
    });
    if (!made) {
      why = made.message();
      return nullptr;
    }
    t->cleanup_ = schema;
    std::string sep = t->admin_url_.find('?') == std::string::npos ? "?" : "&";
    t->url_ = t->admin_url_ + sep + "options=-csearch_path%3D" + schema;
  }
  auto opened = store::Database::open(t->url_, {2, 5000});
  if (!opened) {
    why = opened.status().message();
    return nullptr;
  }
  t->db_ = std::move(opened.value());
  return t;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (admin_url_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_, ignored);
    return;
  }
  auto admin = store::Database::open(admin_url_, {1, 5000});
  if (admin) {
    (void)(*admin)->write(store::Actor{}, [&](store::Unit& u) {
      u.sql() << "DROP SCHEMA " + cleanup_ + " CASCADE";
      return Status::ok();
    });
  }
}

void TestDatabase::migrate() {
  auto applied = store::MigrationRunner(*db_).migrate();
  ASSERT_TRUE(applied.is_ok()) << applied.status().to_string();
}

void DatabaseTest::SetUp() {
  std::string why;
  test_db_ = TestDatabase::create(GetParam(), why);
  if (!test_db_) {
    const char* require = std::getenv("STEWARD_REQUIRE_PG");
    if (GetParam() == TestBackend::kPostgresql && !(require && std::string(require) == "1")) {
      GTEST_SKIP() << why;
    }
    FAIL() << "cannot create a " << backend_name(GetParam()) << " test database: " << why;
  }
  if (migrate_on_setup()) test_db_->migrate();
}

void DatabaseTest::TearDown() { test_db_.reset(); }

long long query_int(store::Database& db, const std::string& sql) {
  long long value = -1;
  auto r = db.read([&](store::Unit& u) -> Result<long long> {
    u.sql() << sql, soci::into(value);
    return value;
  });
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : -1;
}

}  // namespace steward::testing

// Units of work that read and then write, run from several threads at once: every one commits.
// On SQLite this needs BEGIN IMMEDIATE (store/database.hpp, WriteTransaction); with a deferred
// BEGIN a unit whose read snapshot went stale fails at once with SQLITE_BUSY.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward {
namespace {

class WriteConcurrencyTest : public testing::DatabaseTest {};

TEST_P(WriteConcurrencyTest, ConcurrentReadThenWriteUnitsAllCommit) {
  constexpr int kThreads = 4;
  constexpr int kUnits = 40;
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex error_mutex;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kUnits; ++i) {
        Status s = db().write(actor(), [&](store::Unit& u) {
          long long n = 0;
          u.sql() << "SELECT COUNT(*) FROM settings", soci::into(n);
          std::string key = "test." + std::to_string(t) + "." + std::to_string(i);
          std::string value = std::to_string(n);
          u.sql() << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key),
              soci::use(value);
          return Status::ok();
        });
        if (!s) {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (first_error.empty()) first_error = s.to_string();
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0) << first_error;
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM settings WHERE key LIKE 'test.%'"),
            kThreads * kUnits);
}

STEWARD_INSTANTIATE_DATABASE_TEST(WriteConcurrencyTest);

}  // namespace
}  // namespace steward

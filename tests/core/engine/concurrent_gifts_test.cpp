// Gifts for one donor recorded from several threads at once all land, and the donor's giving
// summary counts every one of them. On PostgreSQL each gift's summary recompute used to find no
// row and insert one, so the second of two concurrent first gifts failed on the summary's unique
// key (a 409 over HTTP); the recompute now takes the donor's row lock first.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "engine/gift_service.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward {
namespace {

class ConcurrentGiftsTest : public testing::DatabaseTest {};

TEST_P(ConcurrentGiftsTest, GiftsForOneDonorFromFourThreadsAllLandAndAreAllCounted) {
  long long donor = testing::make_person(db(), "김민지");
  long long fund = testing::make_fund(db(), "MED");
  constexpr int kThreads = 4;
  constexpr int kGifts = 10;
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex error_mutex;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kGifts; ++i) {
        long long amount = 1000 + t * 100 + i;  // all different, so none looks like a repeat
        auto recorded = db().write(actor(), [&](store::Unit& u) {
          return engine::record_gift(u, testing::gift_input(donor, amount, "2026-03-01", fund));
        });
        if (!recorded) {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (first_error.empty()) first_error = recorded.status().to_string();
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0) << first_error;
  const std::string id = std::to_string(donor);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE constituent_id = " + id),
            kThreads * kGifts);
  EXPECT_EQ(testing::query_int(
                db(), "SELECT gift_count FROM giving_summaries WHERE constituent_id = " + id),
            kThreads * kGifts);
  EXPECT_EQ(testing::query_int(
                db(), "SELECT lifetime_minor FROM giving_summaries WHERE constituent_id = " + id),
            kThreads * kGifts * 1000 + kGifts * 100 * (0 + 1 + 2 + 3) + kThreads * 45);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ConcurrentGiftsTest);

}  // namespace
}  // namespace steward

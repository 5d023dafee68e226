// The demo's random numbers must be the same on every standard library: they come from
// std::mt19937_64 (whose output the standard fixes) through our own distributions.
#include "engine/demo_random.hpp"

#include <gtest/gtest.h>

namespace steward::engine::demo {
namespace {

TEST(DemoRandomTest, TheGeneratorIsTheStandardMersenneTwister) {
  Rng rng(5489u);  // std::mt19937_64's default seed; the standard fixes its 10000th output
  std::uint64_t last = 0;
  for (int i = 0; i < 10000; ++i) last = rng.below(UINT64_MAX);
  // below(UINT64_MAX) rejects only UINT64_MAX itself, so this is the raw 10000th output.
  EXPECT_EQ(last, 9981545732273789042ull);
}

TEST(DemoRandomTest, DistributionsStayInRangeAndCoverIt) {
  Rng rng(42);
  int seen[7] = {};
  for (int i = 0; i < 7000; ++i) {
    int v = rng.range(3, 9);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 9);
    ++seen[v - 3];
    double u = rng.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  for (int count : seen) EXPECT_GT(count, 800);
  int heavy = 0;
  for (int i = 0; i < 1000; ++i) heavy += rng.weighted({1, 9}) == 1 ? 1 : 0;
  EXPECT_GT(heavy, 850);
  EXPECT_EQ(rng.range(5, 5), 5);
}

}  // namespace
}  // namespace steward::engine::demo

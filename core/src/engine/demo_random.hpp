// The demo organisation's random numbers: std::mt19937_64 (whose output the standard fixes) with
// our own distributions, because std::uniform_int_distribution and friends may differ between
// standard libraries, and the demo must be the same everywhere for a given seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace steward::engine::demo {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : gen_(seed) {}

  // Uniform in [0, n) without modulo bias (n > 0).
  std::uint64_t below(std::uint64_t n) {
    if (n <= 1) return 0;
    std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
    std::uint64_t x = gen_();
    while (x >= limit) x = gen_();
    return x % n;
  }
  // Uniform integer in [lo, hi].
  int range(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(items.size()))];
  }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(below(N))];
  }
  // Index chosen with probability proportional to weights[i] (non-negative, not all zero).
  std::size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace steward::engine::demo

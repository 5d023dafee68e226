// Synthetic organisations of any size for benchmarks and load tests: the demo ministry's donors,
// funds, campaigns, recurring plans, pledges, refunds, soft credits and activity, scaled to
// 1,000–1,000,000 constituents and up to 20 years of giving.
//
// The constituents are generated and written in chunks (each chunk in its own transaction, so
// memory stays flat and a 10-million-gift load does not hold one huge transaction); every chunk
// is a demo-shaped population with its own seed, so the same seed and size give the same data.
// Giving summaries are rebuilt set-based at the end, and one audit event ("demo_generate")
// records the options and counts. The database must be empty of constituents.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "engine/demo_loader.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct GenerateOptions {
  std::uint64_t seed = 1;
  std::optional<std::string> today;  // "YYYY-MM-DD"; default: today (UTC)
  long long constituents = 1000;     // 50..1,000,000
  int years = 3;                     // 1..20 years of giving up to today
  int chunk = 5000;                  // constituents per transaction (50..20000)
};

struct GenerateProgress {
  long long constituents_written = 0, constituents_total = 0, gifts_written = 0;
};

// Errors: kInvalid naming "constituents", "years", "chunk" or "today"; kPreconditionFailed when
// the database already has constituents. A failure part-way leaves the chunks already committed
// (the report of the error says how many); load into a fresh database.
Result<DemoReport> generate_organization(
    store::Database& db, const store::Actor& actor, const GenerateOptions& options,
    const std::function<void(const GenerateProgress&)>& progress = {});

}  // namespace steward::engine

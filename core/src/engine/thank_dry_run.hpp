// The dry run of a thank-you run (steward mail thank --dry-run, POST /api/v1/mail/thank with
// "send": false): what the run would do, answered quickly however long the queue is.
//   - counts: every due gift and tribute notice, counted without rendering (thank_run_counts);
//   - a sample: the first `sample_limit` tribute notices, emails and letters rendered exactly as
//     the run would render them (its own steps, in dry-run mode), so template mistakes show.
// Writes nothing but the starter templates (installed on first use, as every mail command does).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/thank_run_counts.hpp"
#include "engine/thank_you_letters.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/tribute_notices.hpp"

namespace steward::engine {

inline constexpr int kDefaultSampleLimit = 20;

struct ThankDryRunRequest {
  std::optional<std::string> since;
  std::optional<long long> gift_id;
  std::optional<print::PaperSize> paper;
  int sample_limit = kDefaultSampleLimit;  // 1..500
};

struct ThankDryRun {
  ThankCounts counts;
  int sample_limit = 0;
  TributeNoticeRun tributes;  // at most sample_limit notices
  ThankYouReport messages;    // the emails among the first sample_limit queued gifts
  LetterRun letters;          // the letters among them
};

// Errors: kInvalid naming "since" or "sample_limit".
Result<ThankDryRun> thank_dry_run(store::Database& db, const store::Actor& actor,
                                  const ThankDryRunRequest& request);

}  // namespace steward::engine

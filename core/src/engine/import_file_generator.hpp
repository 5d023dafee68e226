// Synthetic payment files for the import benchmark and tests (issue 10: "it can also write import
// files"): `steward demo generate-file --format stripe --rows N --seed S --out FILE`.
//
// The Stripe file is the Dashboard's unified payments export (the columns of
// tests/plugins/import-stripe/data/payments_unified.csv, with a "fund (metadata)" column). It is
// realistic enough to exercise matching and dedupe: about 5% of charges come from repeat
// customers (same cus_ id and email), names are Hangul (3 in 10) or Latin and differ between
// customers up to about 1.4 million of them (so no payment goes to review because its name
// matches another donor's), about 3% are refunded (1 in 3 of those partially), and the fund
// metadata names one of kGeneratedFunds or is empty (the import's default fund). The same seed
// writes the same bytes. Memory stays flat: rows are written as they are drawn.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::engine {

struct ImportFileOptions {
  std::string format = "stripe";  // only "stripe" so far
  long long rows = 1000;          // charges (lines after the header), 1..100,000,000
  std::uint64_t seed = 1;
  std::string first_day = "2025-01-01";  // charges are spread over the year from this day
};

struct ImportFileReport {
  long long rows = 0;
  long long customers = 0;    // distinct cus_ ids
  long long repeat_rows = 0;  // charges by a customer seen before
  long long refunded_rows = 0;
  long long total_minor = 0;           // sum of Amount, in cents (USD)
  long long total_refunded_minor = 0;  // sum of Amount Refunded
  long long bytes = 0;
};

// Fund codes/names the fund metadata column uses ("" rows fall to the default fund).
struct GeneratedFund {
  const char* code;
  const char* name;
};
extern const std::vector<GeneratedFund> kGeneratedFunds;

// Errors: kInvalid naming "format" or "rows".
Result<ImportFileReport> write_import_file(std::ostream& out, const ImportFileOptions& options);

}  // namespace steward::engine

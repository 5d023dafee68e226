// Committing a staged import (docs/imports.md, "Commit and resume").
//
// commit_import() applies the rows not yet committed in chunks, one transaction per chunk: the
// chunk's gifts, refunds, new donors, payment identities and row outcomes commit together, with
// one "commit_chunk" audit event on the import (the gifts and donors have their own). Payments go
// first, then refunds and reversals (so a refund listed before its charge, as newest-first
// exports do, still finds the gift). A commit that dies part-way leaves the import "committing":
// running commit_import() again (steward import resume) continues with the first uncommitted row
// and, because every line has an identity, never applies one twice. Rows waiting for review stay
// pending; decide_review() records the choice and, on an import already committed, applies the
// row at once.
#pragma once

#include <functional>
#include <optional>

#include "engine/import_apply.hpp"
#include "store/database.hpp"
#include "store/import_repository.hpp"

namespace steward::engine::imports {

struct CommitProgress {
  long long rows_done = 0;
  long long rows_total = 0;
  ApplyTotals totals;
  double seconds = 0;
};

struct CommitOptions {
  int chunk_rows = 5000;  // one transaction each (decision 0153)
  // Test hook: called inside each chunk's transaction after its rows are applied; a non-ok
  // Status rolls that chunk back and stops the commit (simulates a crash at chunk `index`).
  std::function<Status(int index)> before_chunk_commit;
  std::function<void(const CommitProgress&)> on_progress;
  // Every row through apply_row with its giving summaries recomputed at once, as before decision
  // 0200 (tests compare the bulk commit with it).
  bool row_by_row = false;
};

struct CommitSummary {
  long long import_id = 0;
  std::string status;  // committed, or stopped (a cancel was requested; still resumable)
  ApplyTotals totals;  // of this run
  long long pending_review = 0;
  double seconds = 0;
  long long bulk_rows = 0;  // rows written by the bulk path (engine/import_bulk.hpp)
};

// Errors: kNotFound (import), kPreconditionFailed (import failed, cancelled or still staging),
// or the failure that stopped a chunk (the import stays "committing", resumable).
Result<CommitSummary> commit_import(store::Database& db, const store::Actor& actor,
                                    long long import_id, const CommitOptions& options = {});

struct ReviewDecision {
  std::optional<long long> constituent_id;  // attach to this donor
  bool create_new = false;                  // or create a new donor from the row
};
// Errors: kInvalid naming "constituent" (missing/deleted donor) or "decision" (neither or
// both); kNotFound (row); kPreconditionFailed (row already committed, or not a payment).
Result<store::imports::ImportRow> decide_review(store::Database& db, const store::Actor& actor,
                                                long long import_id, long long seq,
                                                const ReviewDecision& decision);

// The import's matcher settings (processor, policy, default fund).
Result<Matcher> matcher_for(store::Unit& unit, const store::imports::ImportRecord& record);

}  // namespace steward::engine::imports

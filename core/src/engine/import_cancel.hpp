// Cancelling an import (docs/imports.md, "Cancel"; decision 0154):
//   staged / previewed -> cancelled at once (nothing was applied);
//   committing         -> a cancel request: the committer stops at its next chunk boundary
//                         (rows applied so far stay applied; the import stays "committing" and
//                         `steward import resume ID` finishes it). Cancelling again once it has
//                         stopped (or while nothing is committing it) closes it as cancelled,
//                         keeping the rows already applied and applying no more;
//   committed          -> refused (kPreconditionFailed): refund or delete its gifts instead;
//   cancelled / failed -> refused (kPreconditionFailed).
// Every cancel is audited ("cancel" or "cancel_request" on the import).
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::engine::imports {

struct CancelResult {
  long long import_id = 0;
  std::string status;     // cancelled, or committing when the commit was asked to stop
  bool stopping = false;  // a running commit stops at its next chunk boundary
  long long rows_committed = 0;
  std::string message;
};

Result<CancelResult> cancel_import(store::Database& db, const store::Actor& actor,
                                   long long import_id);

// Inside a commit's chunk: whether a cancel was requested.
Result<bool> cancel_requested(store::Unit& unit, long long import_id);
// At the start of a commit (resume): forgets an earlier request.
Status clear_cancel_request(store::Unit& unit, long long import_id);

}  // namespace steward::engine::imports

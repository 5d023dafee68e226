// The background job kind "import.commit" (docs/jobs.md): payload {"import_id": N}. Commits (or
// resumes) the import with engine::imports::commit_import; a retried job continues where the
// previous attempt stopped and never applies a line twice.
#pragma once

#include <optional>
#include <string>

#include "domain/job.hpp"
#include "store/database.hpp"

namespace steward::engine::imports {

inline constexpr const char* kCommitJobKind = "import.commit";

Status import_commit_job(store::Database& db, const domain::Job& job);
// Queues the commit of an import (unique per import while queued or running).
Result<domain::Job> enqueue_commit(store::Unit& unit, long long import_id);

}  // namespace steward::engine::imports

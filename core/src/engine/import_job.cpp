#include "engine/import_job.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "engine/import_commit.hpp"
#include "store/job_repository.hpp"

namespace steward::engine::imports {

Status import_commit_job(store::Database& db, const domain::Job& job) {
  nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("import_id") ||
      !payload["import_id"].is_number_integer()) {
    return Status::invalid_field("payload.import_id", "required: the import to commit");
  }
  long long id = payload["import_id"].get<long long>();
  static const store::Actor actor{"system:jobs", ""};
  auto done = commit_import(db, actor, id);
  if (!done) return done.status();
  spdlog::info(
      "import.commit: import {} committed: {} gift(s), {} refund(s), {} duplicate(s), "
      "{} waiting for review, {} error(s)",
      id, done->totals.gifts, done->totals.refunds, done->totals.duplicates, done->pending_review,
      done->totals.errors);
  return Status::ok();
}

Result<domain::Job> enqueue_commit(store::Unit& unit, long long import_id) {
  domain::JobInput in;
  in.kind = kCommitJobKind;
  in.payload = nlohmann::json{{"import_id", import_id}}.dump();
  in.unique_key = std::string(kCommitJobKind) + ":" + std::to_string(import_id);
  in.max_attempts = 5;
  return store::jobs::enqueue(unit, in);
}

}  // namespace steward::engine::imports

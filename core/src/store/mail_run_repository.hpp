// Thank-you and statement runs (mail_runs, migration 0022) and what each did (mail_run_items).
// A run is started by the API or the command line and carried out by the mail.run job
// (engine/mail_run.hpp). Every write is audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::store::mail_runs {

struct RunRecord {
  long long id = 0;
  std::string kind;     // thank | statements
  std::string options;  // JSON
  std::string status;   // queued | running | finished | cancelled | failed
  long long total = 0;
  std::string documents;  // JSON object
  std::optional<std::string> error;
  std::optional<long long> job_id;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> finished_at;
};

struct Item {
  std::string section;  // message | letter | tribute | statement
  long long key = 0;    // the gift (message, letter, tribute) or the donor (statement)
  std::string state;
  nlohmann::json body;
};

// Errors: kInvalid naming "kind".
Result<long long> create(Unit& unit, const std::string& kind, const nlohmann::json& options,
                         long long total);
// Errors: kNotFound.
Result<RunRecord> get(Unit& unit, long long id);
// Every queued or running run of `kind`, newest first.
Result<std::vector<RunRecord>> active_runs(Unit& unit, const std::string& kind);
// Recent runs, newest first.
Result<std::vector<RunRecord>> recent(Unit& unit, int limit);

Status set_job(Unit& unit, long long id, long long job_id);
// queued -> running, -> finished / cancelled / failed (with error). A finished, cancelled or
// failed run keeps its status (kPreconditionFailed naming "status"), except that "running" is
// ignored quietly for them (a late worker). finished_at is set on the final states.
Status set_status(Unit& unit, long long id, const std::string& status,
                  const std::optional<std::string>& error = std::nullopt);
// Merges `documents` ({"letters_pdf": "...", ...}) into the run's; empty values are ignored.
Status add_documents(Unit& unit, long long id, const nlohmann::json& documents);

// Records an item. An item already recorded is left as it is unless `replace`.
Status put_item(Unit& unit, long long run_id, const Item& item, bool replace);
// Every item, in the order recorded.
Result<std::vector<Item>> items(Unit& unit, long long run_id);
// The keys of one section's items.
Result<std::vector<long long>> keys(Unit& unit, long long run_id, const std::string& section);
// state -> count over all items.
Result<std::map<std::string, long long>> state_counts(Unit& unit, long long run_id);

nlohmann::json record_json(const RunRecord& r);

}  // namespace steward::store::mail_runs

// Imports as JSON, shared by the command line (--json) and the HTTP API: previews, commit
// summaries, import records and staged rows. Field names are documented in docs/imports.md.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/import_commit.hpp"
#include "engine/import_stage.hpp"
#include "store/import_repository.hpp"

namespace steward::engine::imports {

// The counts of a commit: {"gifts", "refunds", "duplicates", "review", "errors", ...}.
nlohmann::json totals_json(const ApplyTotals& t);
nlohmann::json preview_json(const Preview& p);
nlohmann::json summary_json(const CommitSummary& s);
nlohmann::json import_json(const store::imports::ImportRecord& r);
nlohmann::json row_json(const store::imports::ImportRow& r);

}  // namespace steward::engine::imports

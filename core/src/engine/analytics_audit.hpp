// The audit trail of analytics queries (issue 8, docs/reporting.md): like a report run, every
// answered query is recorded (action "run", entity "analytics_query") with who asked, the query
// as given, the answer's size, whether it was a download and whether restricted donors were
// counted, so an administrator can see who took which numbers or lists away.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/analytics_query.hpp"
#include "store/database.hpp"

namespace steward::engine::analytics {

// format: "json", "csv", "xlsx" or "table" (the command line's text).
Status record_run(store::Database& db, const store::Actor& actor, const nlohmann::json& query,
                  const Answer& answer, const std::string& format, bool sees_restricted);

}  // namespace steward::engine::analytics

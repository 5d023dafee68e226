// A constituent's moves-management stage (store::stages): constituents.stage holds the current
// one, stage_history every change with who made it and why. Writes are audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/stage.hpp"
#include "store/database.hpp"

namespace steward::store::stages {

// Sets the stage (identify, qualify, cultivate, solicit, steward) and appends a history row.
// Setting the current stage again changes nothing and returns no row (nullopt).
// Errors: kInvalid naming stage or note, kNotFound for a missing or deleted constituent.
Result<std::optional<domain::StageChange>> set_stage(Unit& unit, long long constituent_id,
                                                     const std::string& stage,
                                                     const std::optional<std::string>& note);
// Errors: kNotFound.
Result<std::optional<std::string>> current_stage(Unit& unit, long long constituent_id);
// Oldest first.
Result<std::vector<domain::StageChange>> history(Unit& unit, long long constituent_id);

}  // namespace steward::store::stages

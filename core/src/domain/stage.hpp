// The moves-management stage of a constituent: identify -> qualify -> cultivate -> solicit ->
// steward (any move is allowed, backwards too; each is recorded in stage_history).
#pragma once

#include <optional>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::domain {

// identify, qualify, cultivate, solicit, steward; anything else names `stage`.
Status validate_stage(const std::string& stage);

struct StageChange {
  long long id = 0;
  long long constituent_id = 0;
  std::optional<std::string> from_stage;
  std::optional<std::string> to_stage;
  std::optional<std::string> changed_by;
  std::optional<std::string> note;
  std::string created_at;
};

}  // namespace steward::domain

// An interaction: a call, meeting, email, letter, visit or note with a constituent, at an
// instant (UTC). Restricted interactions (pastoral or confidential notes) are hidden from
// lists unless the caller asks for them.
#pragma once

#include <optional>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::domain {

struct InteractionInput {
  long long constituent_id = 0;
  std::string kind = "note";  // call, meeting, email, letter, visit, note
  std::string occurred_at;    // "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<std::string> staff;
  std::string summary;
  std::optional<std::string> details;
  bool restricted = false;
};

struct Interaction : InteractionInput {
  long long id = 0;
  std::optional<std::string> created_by;
  std::string created_at;
  std::string updated_at;
};

// Checks the input; on success rewrites occurred_at to "YYYY-MM-DDTHH:MM:SSZ".
Status validate(InteractionInput& interaction);

}  // namespace steward::domain

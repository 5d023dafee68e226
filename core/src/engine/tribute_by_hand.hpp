// "Handled by hand": staff tell the person a tribute gift names themselves (a restricted donor's
// gift is never notified automatically, decision 0201) and mark it, so the acknowledgment run no
// longer lists it as skipped (decision 0211).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::engine {

// Records the gift's tribute notification as made by hand, with an optional note ("phoned the
// family", up to 500 characters). Answers {"gift_id", "notify_constituent_id", "method":
// "by_hand", "note"}. Errors (nothing written): kNotFound for no such gift; kInvalid naming
// "gift_id" when the gift names nobody to notify, "note" when too long; kConflict naming
// "gift_id" when the notification was already made.
Result<nlohmann::json> mark_tribute_by_hand(store::Unit& unit, long long gift_id,
                                            const std::optional<std::string>& note);

}  // namespace steward::engine

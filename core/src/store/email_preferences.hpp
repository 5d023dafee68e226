// A donor's email preferences as an unsubscribe link changes them: the addresses on file, and
// unsubscribing one from appeals (emails.unsubscribed_at on every row with that address: no
// later appeal is sent to it; receipts, thank-yous, statements and tribute notices still are,
// decision 0211). Audited in the caller's unit (the actor is "system:unsubscribe" for a link).
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::email_preferences {

// Every email address of a constituent that is not deleted or merged (empty when there is none).
Result<std::vector<std::string>> addresses(Unit& unit, long long constituent_id);

// true when something changed, false when the address was already unsubscribed. The donor's do
// not email is left as it is. Errors: kNotFound for the constituent.
Result<bool> unsubscribe(Unit& unit, long long constituent_id, const std::string& address);

}  // namespace steward::store::email_preferences

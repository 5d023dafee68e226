// Which mailer plugin a mail run uses: mail.mailer when set, else the only enabled mailer.
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::engine {

// Errors: kInvalid naming "mail.mailer" when none or several mailers are enabled.
Result<std::string> choose_mailer_id(store::Unit& unit);

}  // namespace steward::engine

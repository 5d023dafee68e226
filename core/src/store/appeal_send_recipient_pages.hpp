// The recipients of an appeal send as the web app's send page reads them: cursor pages by id,
// an optional state filter and each recipient's name. Read only (nothing audited). Recipients
// whose constituent is restricted are left out in the query for callers without restricted
// access (pages stay full); `hidden` counts them so the page can say that some are not shown,
// and `hidden_by_state` counts them per state for the filter buttons' counts.
// See docs/decisions/0213-ui-recipient-pages-erased-records-axe-and-speed.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/appeal_send_repository.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::appeal_sends {

struct RecipientRow : Recipient {
  std::string display_name;
  std::string sort_name;
};

struct RecipientPageRequest {
  long long send_id = 0;
  // "" = every state; one of recipient_filter_states() otherwise.
  std::string state;
  bool include_restricted = false;
  PageRequest page;
};

struct RecipientPage {
  Page<RecipientRow> page;
  long long hidden = 0;  // restricted recipients matching the filter, left out
  // Restricted recipients left out, by stored state (every state, whatever the filter).
  std::map<std::string, long long> hidden_by_state;
};

// The states ?state= accepts: every recipient state, and "failed" (rejected or skipped: those
// the message will never reach without a new send).
const std::vector<std::string>& recipient_filter_states();

// Errors: kInvalid naming "state" for an unknown state; kNotFound when no such send.
Result<RecipientPage> recipient_page(Unit& unit, const RecipientPageRequest& request);

}  // namespace steward::store::appeal_sends

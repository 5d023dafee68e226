// Fixtures for email appeal tests: an organisation ready to send (sender, public URL, starter
// templates, a campaign with an appeal), a saved segment, and a mailer that records what it is
// given ("reject" in an address -> rejected, "defer" -> deferred, `down` -> cannot connect).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "steward/sdk/mailer.hpp"
#include "store/database.hpp"

namespace steward::testing {

struct AppealSetup {
  long long campaign_id = 0;
  long long appeal_id = 0;
  long long segment_id = 0;  // everyone ({})
};
// Sets mail.from, mail.public_url and the organisation name, installs the starter templates,
// and makes a campaign WINTER with appeal WINTER-EMAIL and a segment "Everyone".
AppealSetup make_appeal_setup(store::Database& db);
long long make_segment(store::Database& db, const std::string& name, const std::string& filter);

struct RecordingMailer {
  std::vector<sdk::MailMessage> sent;
  bool down = false;
  // Called after each accepted message (tests stop a run here).
  std::function<void()> after_each;
  std::function<Result<std::vector<sdk::RecipientStatus>>(const sdk::MailMessage&)> fn();
  // How many messages each address got ("a@example.org" -> 1).
  std::map<std::string, int> per_address() const;
};

// The address inside "Name <address>".
std::string address_of(const std::string& to);

}  // namespace steward::testing

// The mail log (mail_messages, migration 0010): one row per message handed to a mailer.
//
// Sending is two units: claim() records the message as "sending" before the mailer is called
// (the unique index mail_messages_one_per_gift lets only one sender claim a gift's thank-you, on
// one node or many), and finish() records the mailer's answer. A row left "sending" means the
// process stopped while the mailer had the message: it is reported, never sent again by itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::mail_messages {

struct MailMessageInput {
  std::string purpose = "thank_you";  // thank_you | tribute | year_end | appeal | other
  std::optional<long long> template_id;
  long long constituent_id = 0;
  std::optional<long long> gift_id;
  std::string address;
  std::string subject;
  std::string message_id;  // "<...@...>"
  std::string mailer;      // the plugin id
};

struct MailMessageRecord : MailMessageInput {
  long long id = 0;
  std::string state;  // sending | accepted | rejected | deferred
  std::optional<std::string> reply;
  std::optional<std::string> sent_at;
  std::string created_at;
};

// Errors: kConflict when the gift already has a thank-you of this purpose sending or accepted.
Result<long long> claim(Unit& unit, const MailMessageInput& input);
// Records the mailer's answer. Errors: kNotFound; kInvalid for an unknown state.
Status finish(Unit& unit, long long id, const std::string& state, const std::string& reply);
Result<MailMessageRecord> get(Unit& unit, long long id);
// Newest first.
Result<std::vector<MailMessageRecord>> for_gift(Unit& unit, long long gift_id);
Result<std::vector<MailMessageRecord>> recent(Unit& unit, int limit);

}  // namespace steward::store::mail_messages

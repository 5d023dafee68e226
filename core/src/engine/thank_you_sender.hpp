// Sending thank-yous for the acknowledgment queue (ack_queue.hpp) through a mailer.
//
// For each gift in the queue whose donor can be emailed, in three steps:
//   1. one write unit: re-read the gift and the donor (still unacknowledged? still emailable?
//      do-not-email is checked here, at the last moment), render the donor's thank_you_email
//      template in the donor's language, and claim the message in the mail log ("sending");
//   2. the mailer delivers it (outside any transaction);
//   3. one write unit: the mail log row gets the mailer's answer and, when accepted, the gift is
//      marked acknowledged (today, method email), both audited, together.
// A gift is thanked once: the claim refuses a gift already sending or accepted (on any node).
// A crash between 1 and 3 leaves the row "sending": reported, never resent by itself.
// A mailer that cannot be reached stops the batch (the rest stay in the queue).
// Donors who cannot be emailed are listed for a letter (printing letters is a later slice).
// A dry run renders every message but claims, sends and marks nothing.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "engine/ack_queue.hpp"
#include "engine/mail_render.hpp"
#include "steward/sdk/mailer.hpp"
#include "store/database.hpp"

namespace steward::engine {

using DeliverFn = std::function<Result<std::vector<sdk::RecipientStatus>>(const sdk::MailMessage&)>;

struct ThankYouOutcome;

// Called with each outcome of a run that sends, in the write unit that makes it durable (the
// unit recording the mailer's answer; a unit of its own for skipped and not attempted), so a
// mail run (mail_run.hpp) keeps its items exactly in step. A non-ok Status rolls that unit back.
using ThankYouHook = std::function<Status(store::Unit&, const ThankYouOutcome&)>;

struct ThankYouOptions {
  AckRule rule;
  bool send = false;      // false: dry run
  std::string mailer_id;  // recorded in the mail log
  // Gifts this run already handled (a resumed mail run): left alone.
  std::set<long long> exclude_gifts;
  // Checked before each email: true stops the run (ThankYouReport::stopped), the rest untouched.
  std::function<bool()> stop_requested;
  ThankYouHook on_outcome;
};

struct ThankYouOutcome {
  long long gift_id = 0;
  long long constituent_id = 0;
  std::string donor_name;
  std::string channel;  // email | letter
  std::string address;
  std::string language;
  std::string subject;
  // would_send (dry run) | accepted | rejected | deferred | letter | skipped | not_attempted
  std::string state;
  std::string detail;  // the server's reply, or why skipped / a letter
  bool personal_call = false;
};

struct ThankYouReport {
  std::vector<ThankYouOutcome> outcomes;
  bool stopped = false;  // stop_requested said so
  // The queue had more than rule.limit gifts: the next page starts here (rule.after).
  std::optional<store::QueueCursor> next;
  int count(const std::string& state) const;
};

// Handles one page of the queue (rule.limit gifts after rule.after); a caller that wants them
// all goes on from `next` until it is empty (mail_run.hpp does).
// Errors (nothing sent): kInvalid for a bad rule or, when sending, mail.from not set.
Result<ThankYouReport> send_thank_yous(store::Database& db, const store::Actor& actor,
                                       const ThankYouOptions& options, const DeliverFn& deliver);

// Renders the message a donor would get for a gift, without sending: the template (current
// version of `template_name` in `language`, or the donor's thank_you_email), the merge fields,
// and the result.
struct MailPreview {
  long long template_id = 0;
  int template_version = 0;
  std::string language;
  nlohmann::json fields;
  RenderedMail rendered;
};
Result<MailPreview> preview_mail(store::Unit& unit, long long constituent_id,
                                 std::optional<long long> gift_id,
                                 const std::optional<std::string>& template_name,
                                 const std::optional<std::string>& language);

}  // namespace steward::engine

// What a thank-you run would do, counted from the queues (the acknowledgment queue and the
// tribute notices due) without rendering or writing anything: how many emails, how many letters,
// and how many skipped and why. The same rules as the run's steps (thank_you_sender,
// thank_you_letters, tribute_notices) decide each gift, so a run started right after does what
// the counts say (MailRunPreviewTest checks it). A message that fails to render, or a donor who
// changes meanwhile, is counted by the run when it meets it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::engine {

struct ThankCounts {
  long long emails = 0;           // thank-you emails
  long long letters = 0;          // thank-you letters
  long long tribute_emails = 0;   // tribute notices by email
  long long tribute_letters = 0;  // tribute notices by letter
  // Skipped, by reason: "in_flight" (a message of an earlier run is sending, outcome unknown),
  // "restricted" (a restricted donor's tribute gift: never notified automatically).
  std::map<std::string, long long> skipped;
  // Why the letters: "do not email", "no email address".
  std::map<std::string, long long> letter_reasons;

  long long skipped_total() const;
  long long total() const;  // every item the run records
  bool any_email() const { return emails + tribute_emails > 0; }
  // {"total", "emailed", "printed", "skipped", "skipped_by_reason", "letters_by_reason",
  //  "messages", "letters", "tribute_notifications"}
  nlohmann::json to_json() const;
};

// Reads every due gift in pages of `page` (1..10000). Errors: kInvalid naming "since".
Result<ThankCounts> count_thank_run(store::Unit& unit, const std::optional<std::string>& since,
                                    std::optional<long long> gift_id, int page = 10000);

}  // namespace steward::engine

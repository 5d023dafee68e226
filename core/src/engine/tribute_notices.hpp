// Tribute notifications, made by the acknowledgment run (steward mail thank, POST
// /api/v1/mail/thank) before the thank-yous: when a gift is made in honour or memory of someone
// and names a person to notify (gifts.tribute_notify_id), that person is told, once, with the
// "tribute" template (starter: tribute-notification) in their language:
//   - by email when they have a primary address (an appeal unsubscribe aside) and are not marked do
//     not email (claim in the mail log -> the mailer, outside any transaction -> record; the mail
//     log's one-per-gift index lets one run win, on one node or many);
//   - otherwise by a printed letter, all of a run's in one PDF (letters-tribute-<time>.pdf, one
//     per page, addressed for a window envelope), recorded in the unit that writes it.
// Each notification is recorded in tribute_notifications (UNIQUE per gift). A rejected or
// deferred email is tried again by the next run. A gift from a *restricted* donor is never
// notified automatically (the notice names the donor to a third party): it is listed, skipped,
// for staff to decide. A dry run renders everything and writes, sends and marks nothing.
// Merge fields: those of the gift and its donor (mail_merge.hpp) plus notify.name,
// notify.addressee and notify.salutation for the person told.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/thank_you_sender.hpp"  // DeliverFn
#include "print/pdf_document.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct TributeNoticeOutcome;
struct TributeNoticeRun;

struct TributeNoticeOptions {
  std::set<long long> exclude_gifts;     // handled already by this mail run
  std::function<bool()> stop_requested;  // checked before each email; stops before the letters
  // When sending: each email's outcome in the unit recording it (a unit of its own for skipped
  // and not attempted), and the letters part in the unit that records and writes them.
  std::function<Status(store::Unit&, const TributeNoticeOutcome&)> on_outcome;
  std::function<Status(store::Unit&, const TributeNoticeRun&)> on_printed;
  std::optional<std::string> since;  // gifts received on or after (YYYY-MM-DD)
  std::optional<long long> gift_id;  // just this gift
  int limit = 500;                   // a page: at most this many due gifts...
  store::QueueCursor after;          // ... after this one (oldest first)
  bool send = false;                 // false: dry run
  std::string mailer_id;             // recorded in the mail log
  std::filesystem::path dir = "var/letters";
  std::optional<print::PaperSize> paper;  // default: mail.paper_size
};

struct TributeNoticeOutcome {
  long long gift_id = 0;
  long long notify_id = 0;
  std::string notify_name;
  std::string donor_name;
  std::string channel;  // email | letter
  std::string address;  // the email address (email)
  std::string language;
  // would_send | would_print | accepted | rejected | deferred | printed | skipped | not_attempted
  std::string state;
  std::string detail;  // the server's reply, or why skipped
};

struct TributeNoticeRun {
  std::vector<TributeNoticeOutcome> outcomes;
  bool stopped = false;        // stop_requested said so: the letters were not printed
  int letters = 0;             // pages in the PDF
  std::filesystem::path path;  // the letters PDF written (empty for a dry run or none)
  std::string pdf;             // its bytes (also for a dry run)
  // More were due than `limit`: the next page starts here (options.after).
  std::optional<store::QueueCursor> next;
  int count(const std::string& state) const;
};

// Handles one page (`limit` due gifts after `after`: its emails, then its letters in one PDF); a
// caller that wants them all goes on from `next` until it is empty (mail_run.hpp does).
// `deliver` may be empty when no mailer is available: emails are then "not_attempted".
// Errors: kInvalid (mail.from not set when there are emails to send, a bad paper size);
// kUnavailable when the letters PDF cannot be made or written (nothing recorded for letters).
Result<TributeNoticeRun> send_tribute_notices(store::Database& db, const store::Actor& actor,
                                              const TributeNoticeOptions& options,
                                              const DeliverFn& deliver);

}  // namespace steward::engine

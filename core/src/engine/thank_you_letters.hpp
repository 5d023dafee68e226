// Printed thank-you letters for the acknowledgment queue: the gifts whose donors cannot be
// emailed (do not email, no usable address) get the donor's thank_you_letter template, one
// letter per page, addressed for a window envelope, in one PDF per run.
//
// In ONE write unit: re-read the queue, mark each letter gift acknowledged (method "letter");
// only the gifts this run marked are printed (a gift another run or node marked first is
// skipped: the UPDATE ... WHERE acknowledged_at IS NULL lets one writer win), render the PDF,
// write it (mode 0600) under a temporary name and commit; only then does it take its name
// (print::PendingFile, decision 0220), so a kill before the commit leaves no letters PDF whose
// letters are printed again. If the PDF cannot be written the unit rolls back: nothing is
// marked. A dry run renders the letters (the PDF bytes are returned) but writes and marks nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/ack_queue.hpp"
#include "print/pdf_document.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct LetterRun;

struct LetterOptions {
  AckRule rule;
  std::set<long long> exclude_gifts;  // handled already by this mail run
  // Called when sending, in the unit that marks the gifts and writes the PDF (after the PDF is
  // written), so a mail run records the letters with them; non-ok rolls everything back.
  std::function<Status(store::Unit&, const LetterRun&)> on_printed;
  bool send = false;                          // false: dry run
  std::filesystem::path dir = "var/letters";  // where the PDF is written
  std::optional<print::PaperSize> paper;      // default: mail.paper_size
};

struct LetterOutcome {
  long long gift_id = 0;
  long long constituent_id = 0;
  std::string donor_name;
  std::string language;
  std::string reason;  // why a letter: "do not email", "no email address"
  std::string state;   // would_print | printed | skipped
  std::string detail;  // e.g. "no postal address", "already acknowledged"
  bool personal_call = false;
};

struct LetterRun {
  std::vector<LetterOutcome> outcomes;
  int letters = 0;             // pages in the PDF (one per letter)
  std::filesystem::path path;  // the PDF written (empty for a dry run or no letters)
  std::string pdf;             // the PDF bytes (also for a dry run)
  // The queue had more than rule.limit gifts: the next page starts here (rule.after).
  std::optional<store::QueueCursor> next;
};

// One page of the queue (rule.limit gifts after rule.after), one PDF for its letters; a caller
// that wants them all goes on from `next`.
// Errors: kInvalid for a bad rule; kUnavailable when the PDF cannot be made or written.
Result<LetterRun> print_thank_you_letters(store::Database& db, const store::Actor& actor,
                                          const LetterOptions& options);

// One letter as a print piece (also used by the preview): the window block is the template's
// own address paragraph when it has one (e.g. "김민지 귀하" + address), else the addressee and
// the donor's primary postal address.
struct LetterPiece {
  print::Piece piece;
  std::string language;
  bool has_postal_address = false;
};
Result<LetterPiece> thank_you_letter_piece(store::Unit& unit, long long constituent_id,
                                           long long gift_id);

}  // namespace steward::engine

// Receipts and year-end giving statements, per donor per statement year (calendar, or fiscal
// with mail.statement_year = fiscal and the fiscal_year_start_month setting).
//
// A dry run lists each donor with gifts in the period, the gift count and totals, and the
// receipt number they already have ("new" otherwise): nothing is numbered, written or sent.
// Sending, per donor, in one write unit: issue the receipt (a new number from the year's
// sequence, or the same number again marked as a replacement), render the statement PDF, write
// it (mode 0600) as <dir>/statement-<number>.pdf; donors who can be emailed (a primary address,
// not do-not-email: checked in this unit; an appeal unsubscribe does not stop receipts) get the
// year_end template with the PDF attached: the receipt is claimed for email ("sending") here, the
// mailer runs outside any transaction, and a second unit records the answer (mail log + receipt).
// Everyone else's statement goes into one combined PDF for printing,
// <dir>/statements-<year>-<time>.pdf. A receipt already emailed and accepted is not emailed again
// by a later run unless `reissue`; one whose email was deferred or rejected is emailed again (same
// number, not a replacement).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/statement_document.hpp"
#include "engine/thank_you_sender.hpp"
#include "print/pdf_document.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct StatementOutcome;

struct StatementOptions {
  int year = 0;
  std::set<long long> exclude_constituents;  // handled already by this mail run
  std::function<bool()> stop_requested;      // checked before each donor when sending
  // When sending: each outcome in the unit that makes it durable (the issuing unit for printed
  // and skipped, the recording unit for emails); non-ok rolls that unit back.
  std::function<Status(store::Unit&, const StatementOutcome&)> on_outcome;
  bool combined_print = true;  // false: no combined print PDF (a mail run makes its own)
  bool send = false;           // false: dry run
  std::optional<long long> constituent_id;
  // Issue again donors who already have a receipt for the year (same number, "replacement").
  // Without it, donors with a receipt are skipped.
  bool reissue = false;
  std::filesystem::path dir = "var/statements";
  std::optional<print::PaperSize> paper;  // default: mail.paper_size
  std::string mailer_id;                  // recorded in the mail log
};

struct StatementOutcome {
  long long constituent_id = 0;
  std::string donor_name;
  std::string receipt_number;  // "new" in a dry run for a donor without one
  bool replacement = false;
  long long gift_count = 0;
  std::string totals;
  std::string channel;  // email | print
  std::string address;
  // would_issue | printed | accepted | rejected | deferred | not_attempted | skipped
  std::string state;
  std::string detail;
  std::filesystem::path pdf_path;  // this donor's statement
};

struct StatementRun {
  StatementPeriod period;
  std::vector<StatementOutcome> outcomes;
  std::filesystem::path print_path;  // the combined PDF for printing (empty when none)
  int printed = 0;
  bool stopped = false;  // stop_requested said so
  int count(const std::string& state) const;
};

// A dry run (send false) lists every donor (preview_statements with no sample limit).
// Errors (nothing issued): kInvalid naming "year"; when sending with emailable donors, mail.from
// not set; kUnavailable when a PDF cannot be written.
Result<StatementRun> issue_statements(store::Database& db, const store::Actor& actor,
                                      const StatementOptions& options, const DeliverFn& deliver);

// What a statement run would do (the dry run): every donor in the period counted without
// rendering anything (emailed, printed, skipped by reason: "already_issued"), and the first
// `sample_limit` donors listed as issue_statements' dry run lists them (state would_issue or
// skipped, receipt number or "new", totals, channel). A run started right after does what the
// counts say. Writes nothing but the starter templates. Errors: kInvalid naming "year" or
// "sample_limit" (>= 1).
struct StatementCounts {
  long long total = 0;
  long long emailed = 0;
  long long printed = 0;
  std::map<std::string, long long> skipped;  // reason -> count
  long long skipped_total() const;
  nlohmann::json to_json()
      const;  // {"total", "emailed", "printed", "skipped", "skipped_by_reason"}
};
struct StatementPreview {
  StatementPeriod period;
  StatementCounts counts;
  int sample_limit = 0;
  std::vector<StatementOutcome> sample;
};
Result<StatementPreview> preview_statements(store::Database& db, const store::Actor& actor,
                                            const StatementOptions& options, int sample_limit);

// One PDF of the statements of `constituent_ids` as issued for `year` (their receipt numbers,
// "replacement" when reissued), each starting on its own page, for printing; written (mode 0600)
// as <dir>/statements-<year>-<time>.pdf. Donors without a receipt are left out. Returns the path,
// empty when there was nothing to print.
Result<std::filesystem::path> print_issued_statements(store::Database& db, int year,
                                                      const std::vector<long long>& constituent_ids,
                                                      const std::filesystem::path& dir,
                                                      const std::optional<print::PaperSize>& paper);

// The statement a donor would get (for a preview or a download), without issuing anything.
Result<std::string> statement_preview_pdf(store::Unit& unit, long long constituent_id, int year);

}  // namespace steward::engine

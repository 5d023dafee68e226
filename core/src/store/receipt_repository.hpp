// Receipts for year-end giving statements (migration 0015): one per donor per statement year,
// numbered "<year>-<6 digits>" from a per-year sequence. A number is never reused: rows are
// never deleted, and issuing the statement again keeps the number (issue_count + 1).
#pragma once

#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::store::receipts {

struct ReceiptRecord {
  long long id = 0;
  std::string receipt_number;
  long long constituent_id = 0;
  int year = 0;
  std::string period_start;
  std::string period_end;
  long long gift_count = 0;
  std::string totals;  // the printed totals, e.g. "$1,234.50; 50,000원"
  int issue_count = 1;
  std::optional<std::string> email_state;
  std::string created_at;
};

struct IssueInput {
  long long constituent_id = 0;
  int year = 0;
  std::string period_start;
  std::string period_end;
  long long gift_count = 0;
  std::string totals;
};

// "2026-000123".
std::string format_number(int year, long long n);

Result<std::optional<ReceiptRecord>> find(Unit& unit, long long constituent_id, int year);
Result<ReceiptRecord> get_by_number(Unit& unit, const std::string& receipt_number);

// Issues the donor's receipt for the year: a new number the first time, else the same number
// again with issue_count + 1 (a replacement). Audited. Errors: kInvalid naming the field.
Result<ReceiptRecord> issue(Unit& unit, const IssueInput& input);

// Claims the receipt for emailing: true when it was not emailed (or the last try was rejected or
// deferred) and is now "sending"; false when another sender has it or it was accepted.
Result<bool> claim_email(Unit& unit, long long receipt_id);
// Records the mailer's answer (accepted | rejected | deferred). Audited.
Status finish_email(Unit& unit, long long receipt_id, const std::string& state);

}  // namespace steward::store::receipts

// One donor's year-end giving statement / receipt as a print piece (pure: no database).
// Every counted gift with its date, fund and net amount, the totals per currency, the receipt
// number (marked as a replacement when issued again), the organisation's legal text and tax id.
// In-kind gifts are listed with their description and no value (the donor values them).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "print/pdf_document.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine {

struct StatementPeriod {
  int year = 0;
  std::string from;   // YYYY-MM-DD
  std::string to;     // YYYY-MM-DD
  std::string basis;  // calendar | fiscal
};

// The period a statement year covers: calendar, or the fiscal year ending in `year` when the
// fiscal year starts in month `fiscal_start_month` > 1 (FY2026 from July = 2025-07-01..2026-06-30).
StatementPeriod statement_period(int year, const std::string& basis, unsigned fiscal_start_month);

struct StatementContent {
  std::string language = "en";
  std::string receipt_number;  // empty in a dry run
  bool replacement = false;
  StatementPeriod period;
  std::vector<store::statement_queries::StatementGift> gifts;
  std::vector<std::string> return_address;
  std::vector<std::string> recipient;
  std::string letter_text;  // the rendered year_end template text
  std::string legal_text;   // mail.legal_text
  std::string tax_id;       // mail.tax_id
  std::string org_name;
};

// Totals of the counted (not in-kind) gifts, per currency, formatted and joined by "; ".
std::string statement_totals(const std::vector<store::statement_queries::StatementGift>& gifts,
                             const std::string& language);
long long statement_gift_count(const std::vector<store::statement_queries::StatementGift>& gifts);

print::Piece statement_piece(const StatementContent& content);

}  // namespace steward::engine

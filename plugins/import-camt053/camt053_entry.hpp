// camt053_entry.hpp: one camt.053 <Ntry> element -> PaymentRecords (see docs/formats/camt053.md).
//
// parse_entry() reads one complete entry (its XML text, any namespace prefix) with pugixml and
// appends zero or more records and issues to `out`:
//  - a credit (CdtDbtInd CRDT) is a kPayment, one per TxDtls (a batch gives several records);
//  - a debit with RvslInd true, return information (TxDtls/RtrInf) or a return/reversal bank
//    transaction code (UPDD, RRTN, PRDD, RPCR) is a kReversal of the original collection;
//  - other debits, credits that reverse a debit of ours, and entries not booked (Sts PDNG/INFO)
//    are skipped without an issue and counted in EntryCounts.
// Problems (malformed XML, amount, date, currency) become ParseIssues at the entry's line and
// byte offset (the line of the bad element when known); the entry is then skipped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "steward/sdk/importer.hpp"
#include "xml_element_scanner.hpp"

namespace steward::plugins::camt053 {

struct StatementContext {
  std::string account;          // Stmt/Acct/Id/IBAN or Othr/Id
  std::string currency;         // Stmt/Acct/Ccy (used when an amount has no Ccy attribute)
  std::string statement_id;     // Stmt/Id
  std::size_t entry_index = 0;  // 1-based position of this entry in its statement
};

struct EntryCounts {
  std::size_t entries = 0;
  std::size_t records = 0;
  std::size_t skipped_debits = 0;      // ordinary outgoing payments
  std::size_t skipped_not_booked = 0;  // Sts PDNG / INFO
  std::size_t skipped_other = 0;       // credits reversing one of our debits
  std::size_t entries_with_issues = 0;
};

void parse_entry(std::string_view xml, ElementPosition at, const StatementContext& statement,
                 sdk::ParseOutput& out, EntryCounts& counts);

// Reads Stmt/Acct into `statement` (account id and currency). Returns false on malformed XML.
bool parse_account(std::string_view xml, StatementContext& statement);

}  // namespace steward::plugins::camt053

// The constituents list's quick search (decision 0185): what a person typed, matched anywhere in
// a constituent's names, emails, postal codes and (for phone-like text) phone digits. The
// constituent_search table holds that text per constituent, kept current by triggers; an index
// over it (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) answers text of three characters or
// more, and shorter text is checked against every row of that table.
#pragma once

#include <string>
#include <string_view>

#include "store/database.hpp"

namespace steward::store::constituents {

struct SearchTerms {
  bool active = false;   // there is something to search for
  bool indexed = false;  // long enough for the index to answer
  std::string text;      // the bound form of the text (an FTS phrase or a LIKE pattern)
  std::string digits;    // the same for the phone digits, or `text` again
};

// The terms for `search` (trimmed of spaces and tabs) on `unit`'s backend.
SearchTerms search_terms(const Unit& unit, std::string_view search);

// " AND ..." keeping constituents `c` that match; it binds, in order, an int (1 when active),
// `terms.text` and `terms.digits`.
std::string search_clause(const Unit& unit, const SearchTerms& terms);

}  // namespace steward::store::constituents

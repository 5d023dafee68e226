#include "store/constituent_search.hpp"

#include "domain/contact.hpp"
#include "domain/text.hpp"
#include "store/sql_like.hpp"

namespace steward::store::constituents {
namespace {

// The trigram indexes need three characters (code points, not bytes: 김민지 is three).
constexpr std::size_t kIndexedMinimum = 3;

// An FTS5 phrase: with the trigram tokenizer it matches the text as a substring.
std::string fts_phrase(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string search_trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

SearchTerms search_terms(const Unit& unit, std::string_view search) {
  SearchTerms terms;
  std::string text = search_trimmed(search);
  if (text.empty()) return terms;
  terms.active = true;
  // Phone digits are searched only when the text looks like a phone number.
  std::string digits = domain::phone_digits(text);
  bool phone_like =
      digits.size() >= 3 && text.find_first_not_of("0123456789 +-().") == std::string::npos;
  terms.indexed = domain::code_points(text) >= kIndexedMinimum;
  if (terms.indexed && !unit.is_postgresql()) {
    terms.text = fts_phrase(ascii_lower(text));
    terms.digits = phone_like ? fts_phrase(digits) : terms.text;
  } else {
    terms.text = contains_pattern(ascii_lower(text));
    terms.digits = phone_like ? contains_pattern(digits) : terms.text;
  }
  return terms;
}

std::string search_clause(const Unit& unit, const SearchTerms& terms) {
  const std::string esc(kLikeEscape);
  // PostgreSQL's lower() folds every script, as it did when the text was stored.
  const std::string text = unit.is_postgresql() ? "lower(:search_text)" : ":search_text";
  const std::string digits = unit.is_postgresql() ? "lower(:search_digits)" : ":search_digits";
  if (terms.active && terms.indexed) {
    if (unit.is_postgresql()) {
      return " AND :search_on = 1 AND c.id IN (SELECT constituent_id FROM constituent_search "
             "WHERE doc LIKE " +
             text + " " + esc +
             " UNION SELECT constituent_id FROM constituent_search WHERE doc LIKE " + digits + " " +
             esc + ")";
    }
    return " AND :search_on = 1 AND c.id IN (SELECT rowid FROM fts_constituents WHERE "
           "fts_constituents MATCH :search_text UNION SELECT rowid FROM fts_constituents WHERE "
           "fts_constituents MATCH :search_digits)";
  }
  if (!terms.active) return " AND (:search_on = 0 OR :search_text = :search_digits)";
  // Short text: every search text is read once, and the matches sorted.
  return " AND :search_on = 1 AND c.id IN (SELECT constituent_id FROM constituent_search WHERE "
         "doc LIKE " +
         text + " " + esc + " OR doc LIKE " + digits + " " + esc + ")";
}

}  // namespace steward::store::constituents

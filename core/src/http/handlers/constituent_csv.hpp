// CSV of constituents, shared by every export (constituents.csv, segment members): UTF-8 with
// a byte-order mark (so Excel shows Hangul; the caller writes kCsvBom first), CRLF lines,
// RFC 4180 quoting. A cell starting with = + - @ tab or CR is prefixed with a single quote so a
// spreadsheet never runs it as a formula.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "domain/constituent.hpp"
#include "http/message.hpp"
#include "store/database.hpp"

namespace steward::http {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One cell: neutralised (a leading = + - @ tab or CR gets a single quote) and quoted.
std::string csv_cell(const std::string& text);
// One CSV line (neutralised and quoted cells, CRLF).
void csv_row(std::ostringstream& out, const std::vector<std::string>& cells);
// The columns of a constituent row.
const std::vector<std::string>& constituent_csv_header();
// One row per constituent: the record with its primary email, phone and address and its tags.
Status append_constituent_row(store::Unit& u, const domain::Constituent& c,
                              std::ostringstream& out);
// A 200 text/csv attachment.
Response csv_response(std::string body, const std::string& filename);

}  // namespace steward::http

// Rendering a report's table for a medium: JSON (the API and `--format json`), CSV (UTF-8 with
// a BOM, formula-neutralised text cells: the rule of the constituent export), XLSX (typed cells
// through libxlsxwriter: money as numbers with a currency format, dates as dates, integers and
// numbers as numbers), and an aligned text table for the terminal.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "steward/sdk/report.hpp"
#include "steward/sdk/result.hpp"

namespace steward::http {

// {"columns":[{name,label,type}], "rows":[[...]], "chart":{kind,x,y}|null}. Money cells are
// {"minor": 1250, "currency": "USD", "amount": "12.50"}; dates "YYYY-MM-DD"; NULL null.
nlohmann::json report_table_json(const sdk::Table& table);
nlohmann::json report_value_json(const sdk::Value& value);
nlohmann::json parameter_specs_json(const std::vector<sdk::ParameterSpec>& specs);

// Header row of column labels (names when a label is empty), then one line per row. Money as a
// plain decimal ("12.50") with its currency in a separate "<column>_currency" column.
std::string report_table_csv(const sdk::Table& table);

// The workbook's bytes (one sheet named `sheet`, a header row, typed cells).
Result<std::string> report_table_xlsx(const sdk::Table& table, const std::string& sheet);

// Columns padded to their widest cell (UTF-8 aware), a rule under the header.
std::string report_table_text(const sdk::Table& table);

}  // namespace steward::http

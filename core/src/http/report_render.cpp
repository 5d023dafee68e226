#include "http/report_render.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "domain/money.hpp"
#include "domain/report_parameters.hpp"
#include "http/handlers/constituent_csv.hpp"

namespace steward::http {
namespace {

using sdk::ValueType;

const char* chart_kind_name(sdk::ChartKind kind) {
  switch (kind) {
    case sdk::ChartKind::kBar:
      return "bar";
    case sdk::ChartKind::kLine:
      return "line";
    case sdk::ChartKind::kPie:
      return "pie";
  }
  return "bar";
}

bool numeric(const sdk::Value& v) {
  auto t = sdk::type_of(v);
  return t == ValueType::kInteger || t == ValueType::kNumber || t == ValueType::kMoney;
}

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    // Hangul and other East Asian wide characters (3-byte UTF-8 from U+1100) take two columns.
    width += (len >= 3) ? 2 : 1;
    i += len;
  }
  return width;
}

}  // namespace

nlohmann::json report_value_json(const sdk::Value& value) {
  switch (sdk::type_of(value)) {
    case ValueType::kNull:
      return nullptr;
    case ValueType::kBoolean:
      return std::get<bool>(value);
    case ValueType::kInteger:
      return std::get<std::int64_t>(value);
    case ValueType::kNumber:
      return std::get<double>(value);
    case ValueType::kText:
      return std::get<std::string>(value);
    case ValueType::kDate:
      return std::get<sdk::Date>(value).iso();
    case ValueType::kMoney: {
      const auto& m = std::get<sdk::Money>(value);
      return {{"minor", m.minor}, {"currency", m.currency}, {"amount", domain::format_decimal(m)}};
    }
  }
  return nullptr;
}

nlohmann::json report_table_json(const sdk::Table& table) {
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& c : table.columns)
    columns.push_back(
        {{"name", c.name}, {"label", c.label}, {"type", sdk::value_type_name(c.type)}});
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : table.rows) {
    nlohmann::json row = nlohmann::json::array();
    for (const auto& v : r) row.push_back(report_value_json(v));
    rows.push_back(std::move(row));
  }
  nlohmann::json chart = nullptr;
  if (table.chart)
    chart = {{"kind", chart_kind_name(table.chart->kind)},
             {"x", table.chart->x_column},
             {"y", table.chart->y_columns}};
  return {{"columns", columns}, {"rows", rows}, {"chart", chart}};
}

nlohmann::json parameter_specs_json(const std::vector<sdk::ParameterSpec>& specs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : specs) {
    nlohmann::json p = {{"name", s.name},
                        {"label", s.label},
                        {"type", sdk::value_type_name(s.type)},
                        {"required", s.required},
                        {"default", report_value_json(s.default_value)}};
    if (!s.choices.empty()) p["choices"] = s.choices;
    out.push_back(std::move(p));
  }
  return out;
}

std::string report_table_csv(const sdk::Table& table) {
  std::ostringstream out;
  out << kCsvBom;
  std::vector<std::string> header;
  for (const auto& c : table.columns) {
    header.push_back(c.label.empty() ? c.name : c.label);
    if (c.type == ValueType::kMoney)
      header.push_back((c.label.empty() ? c.name : c.label) + " currency");
  }
  csv_row(out, header);
  for (const auto& r : table.rows) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (i) out << ',';
      const auto& v = r[i];
      // Numbers we produced cannot carry a formula: written as they are (a negative amount
      // stays a number). Text goes through the export's neutralising rule.
      out << (numeric(v) ? domain::value_text(v) : csv_cell(domain::value_text(v)));
      if (table.columns[i].type == ValueType::kMoney) {
        out << ',';
        if (auto* m = std::get_if<sdk::Money>(&v)) out << csv_cell(m->currency);
      }
    }
    out << "\r\n";
  }
  return out.str();
}

Result<std::string> report_table_xlsx(const sdk::Table& table, const std::string& sheet_name) {
  // A unique file in TMPDIR (std::filesystem::temp_directory_path; /tmp when unset), removed
  // once its bytes are read.
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec)
    return Status::unavailable("no temporary directory for the workbook (TMPDIR): " + ec.message());
  std::string path_text = (dir / "steward-report-XXXXXX").string();
  std::vector<char> path_buf(path_text.begin(), path_text.end());
  path_buf.push_back('\0');
  char* path = path_buf.data();
  int fd = mkstemp(path);
  if (fd < 0)
    return Status::unavailable("cannot create a temporary file for the workbook in " +
                               dir.string());
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    std::remove(path);
    return Status::unavailable("cannot start the workbook");
  }
  // Excel refuses these characters in sheet names (and libxlsxwriter with them).
  // At most 31 characters (UTF-8 code points, so Hangul is never cut in half).
  std::string name;
  int chars = 0;
  for (char ch : sheet_name) {
    const bool lead = (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    if (lead && ++chars > 31) break;
    name += ch;
  }
  for (char& ch : name)
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = ' ';
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.empty() ? nullptr : name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  std::map<std::string, lxw_format*> money_formats;
  auto money_format = [&](const std::string& currency) {
    auto it = money_formats.find(currency);
    if (it != money_formats.end()) return it->second;
    int digits = domain::minor_unit_digits(currency);
    std::string pattern = "#,##0";
    if (digits > 0) pattern += "." + std::string(static_cast<std::size_t>(digits), '0');
    pattern += " \"" + currency + "\"";
    lxw_format* f = workbook_add_format(wb);
    format_set_num_format(f, pattern.c_str());
    money_formats[currency] = f;
    return f;
  };
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto& col = table.columns[c];
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                           (col.label.empty() ? col.name : col.label).c_str(), bold);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const auto& v = table.rows[r][c];
      switch (sdk::type_of(v)) {
        case ValueType::kNull:
          break;
        case ValueType::kBoolean:
          worksheet_write_boolean(ws, row, col, std::get<bool>(v) ? 1 : 0, nullptr);
          break;
        case ValueType::kInteger:
          worksheet_write_number(ws, row, col, static_cast<double>(std::get<std::int64_t>(v)),
                                 nullptr);
          break;
        case ValueType::kNumber:
          worksheet_write_number(ws, row, col, std::get<double>(v), nullptr);
          break;
        case ValueType::kText:
          // Strings are stored as shared strings, never formulas.
          worksheet_write_string(ws, row, col, std::get<std::string>(v).c_str(), nullptr);
          break;
        case ValueType::kDate: {
          const auto& d = std::get<sdk::Date>(v);
          lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0.0};
          worksheet_write_datetime(ws, row, col, &dt, date);
          break;
        }
        case ValueType::kMoney: {
          const auto& m = std::get<sdk::Money>(v);
          double scale = 1;
          for (int i = 0; i < domain::minor_unit_digits(m.currency); ++i) scale *= 10;
          worksheet_write_number(ws, row, col, static_cast<double>(m.minor) / scale,
                                 money_format(m.currency));
          break;
        }
      }
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path);
    return Status::internal(std::string("cannot write the workbook: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  return bytes;
}

std::string report_table_text(const sdk::Table& table) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.label.empty() ? c.name : c.label);
  cells.push_back(header);
  for (const auto& r : table.rows) {
    std::vector<std::string> line;
    for (const auto& v : r) {
      std::string text = domain::value_text(v);
      if (auto* m = std::get_if<sdk::Money>(&v)) text += " " + m->currency;
      line.push_back(text);
    }
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(table.columns.size(), 0);
  for (const auto& line : cells)
    for (std::size_t i = 0; i < line.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(line[i]));
  std::ostringstream out;
  for (std::size_t l = 0; l < cells.size(); ++l) {
    for (std::size_t i = 0; i < cells[l].size() && i < widths.size(); ++i) {
      const std::string& text = cells[l][i];
      const std::size_t pad = widths[i] - display_width(text);
      const bool right = l > 0 && i < table.rows[l - 1].size() && numeric(table.rows[l - 1][i]);
      if (i) out << "  ";
      if (right)
        out << std::string(pad, ' ') << text;
      else
        out << text << (i + 1 < cells[l].size() ? std::string(pad, ' ') : "");
    }
    out << "\n";
    if (l == 0) {
      std::size_t total = 0;
      for (auto w : widths) total += w + 2;
      out << std::string(total > 2 ? total - 2 : 0, '-') << "\n";
    }
  }
  return out.str();
}

}  // namespace steward::http

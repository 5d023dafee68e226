#include "support/table_dump.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/row_reader.hpp"

namespace steward::testing {

std::string table_dump(store::Database& db, const std::string& sql) {
  auto text = db.read([&](store::Unit& u) -> Result<std::string> {
    std::ostringstream out;
    soci::rowset<soci::row> rows = (u.sql().prepare << sql);
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << (i ? "|" : "") << r.opt_text(i).value_or("NULL");
      }
      out << "\n";
    }
    return out.str();
  });
  EXPECT_TRUE(text) << text.status().to_string();
  return text ? *text : std::string();
}

std::string audit_dump_without_times(store::Database& db) {
  std::string raw = table_dump(
      db,
      "SELECT action, entity_type, entity_id, COALESCE(before_json, ''), "
      "COALESCE(after_json, '') FROM audit_events WHERE entity_type <> 'import' ORDER BY id");
  std::istringstream in(raw);
  std::string line, out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
      std::size_t bar = line.find('|', start);
      cells.push_back(line.substr(start, bar - start));
      start = bar + 1;
    }
    nlohmann::json after = nlohmann::json::parse(line.substr(start), nullptr, false);
    if (after.is_object()) {
      after.erase("created_at");
      after.erase("updated_at");
    }
    out += cells[0] + "|" + cells[1] + "|" + cells[2] + "|" + cells[3] + "|" +
           (after.is_discarded() ? line.substr(start) : after.dump()) + "\n";
  }
  return out;
}

}  // namespace steward::testing

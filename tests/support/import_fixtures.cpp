#include "support/import_fixtures.hpp"

#include <unistd.h>

#include <fstream>

#include "plugins/fixtures/lines_importer.hpp"

namespace steward::testing {

std::unique_ptr<plugins::PluginHandle> lines_importer() {
  return std::make_unique<DirectImporter>(fixture::lines_manifest(),
                                          std::make_unique<fixture::LinesImporter>());
}

std::string Line::text() const {
  std::vector<std::string> cells = {
      kind,     id,       account, date,        std::to_string(amount),
      currency, fee,      name,    email,       line1,
      city,     postal,   country, description, fund_hint,
      campaign, original, payer,   recurring,   method};
  if (!converted.empty() || !interval.empty() || !appeal.empty()) {
    cells.insert(cells.end(), {converted, interval, appeal});
  }
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "|" : "") + cells[i];
  return out;
}

std::string lines_file(const std::vector<Line>& lines) {
  std::string out = "#steward-lines v1\n";
  for (const Line& l : lines) out += l.text() + "\n";
  return out;
}

TempFile::TempFile(const std::string& name, const std::string& content) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "steward-import-XXXXXX").string();
  dir_ = ::mkdtemp(tmpl.data());
  path_ = dir_ / name;
  std::ofstream(path_, std::ios::binary) << content;
}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace steward::testing

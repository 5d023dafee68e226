// steward/plugin_common/csv_importer.hpp: the row driver shared by the CSV importer plugins.
//
// A plugin derives from CsvImporterCore (besides sdk::ImporterPlugin), forwards start/feed/finish
// to begin/feed_bytes/end, and implements on_header (map the columns; a non-ok Status means the
// file is not of this format and stops the import) and on_row (one data row -> records/issues).
// The core turns reader problems (an oversized record, a quoted field left open at the end) into
// ParseIssues, skips rows whose field count does not match the header (a row cut short or
// shifted by hand editing would otherwise be mis-mapped), and reports an empty file.
//
// Issues that start with "skipped: " are rows the importer left out on purpose (a failed
// charge, a pending payment, a currency conversion), not damage in the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steward/plugin_common/charset.hpp"
#include "steward/plugin_common/csv_reader.hpp"
#include "steward/plugin_common/header_index.hpp"
#include "steward/sdk/importer.hpp"

namespace steward::plugin_common {

class CsvImporterCore {
 public:
  explicit CsvImporterCore(CsvOptions options = {});
  virtual ~CsvImporterCore() = default;
  CsvImporterCore(const CsvImporterCore&) = delete;
  CsvImporterCore& operator=(const CsvImporterCore&) = delete;

  void begin();
  // The file's bytes (decoded to UTF-8 first when an encoding is set).
  Status feed_bytes(std::string_view bytes, sdk::ParseOutput& out);
  Status end(sdk::ParseOutput& out);

 protected:
  virtual Status on_header(const HeaderIndex& header) = 0;
  virtual void on_row(const CsvRecord& row, sdk::ParseOutput& out) = 0;
  virtual void on_begin() {}

  const HeaderIndex& header() const { return header_; }
  void set_delimiter(char delimiter);
  // The file's encoding (charset.hpp names); UTF-8 when never called.
  Status set_encoding(std::string_view encoding) { return decoder_.open(encoding); }
  // Records before the header to ignore (a bank export's title and account lines).
  void set_skip_records(std::size_t count) { skip_records_ = count; }
  // Appends an issue for `row`.
  static void issue(sdk::ParseOutput& out, const CsvRecord& row, std::string field,
                    std::string message);
  // "skipped: <why>" issue.
  static void skipped(sdk::ParseOutput& out, const CsvRecord& row, std::string field,
                      const std::string& why);
  // The row's non-empty cells as (header name, text) pairs, for PaymentRecord::raw.
  std::vector<std::pair<std::string, std::string>> raw(const CsvRecord& row) const;

 private:
  Status drain(sdk::ParseOutput& out);
  Status parse(std::string_view text, sdk::ParseOutput& out);

  CsvReader reader_;
  Utf8Decoder decoder_;
  std::string decoded_;
  std::vector<CsvRecord> pending_;
  HeaderIndex header_;
  bool have_header_ = false;
  std::size_t skip_records_ = 0;
  std::size_t skipped_records_ = 0;
  Status failed_;
};

// The address when any part is filled (a two-letter country upper-cased), else nothing.
std::optional<sdk::PostalAddress> filled_address(sdk::PostalAddress address);

// The first record of a file's head (for detect()): the header row, or nothing when the head
// holds no complete record or the record is unreadable.
// `skip` records are passed over first.
std::optional<std::vector<std::string>> first_record(std::string_view head, char delimiter = ',',
                                                     std::size_t skip = 0);

}  // namespace steward::plugin_common

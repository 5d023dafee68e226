// camt053_importer.hpp: the ISO 20022 camt.053 bank-statement importer
// (org.steward.import.camt053). See docs/formats/camt053.md for the field mapping and
// docs/decisions/0152-bank-statement-importers.md for the choices.
//
// Memory stays flat whatever the file size: the scanner keeps only the bytes of the entry being
// read; each complete <Ntry> is parsed on its own with pugixml. Versions .001.02 and later are
// read by local element name, so any namespace (or prefix) works.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "camt053_entry.hpp"
#include "steward/sdk/plugin.hpp"
#include "xml_element_scanner.hpp"

namespace steward::plugins::camt053 {

inline constexpr std::size_t kDefaultMaxEntryBytes = 1024 * 1024;

class Camt053Importer : public sdk::ImporterPlugin, private XmlElementScanner::Handler {
 public:
  explicit Camt053Importer(std::size_t max_entry_bytes = kDefaultMaxEntryBytes)
      : scanner_(max_entry_bytes), max_entry_bytes_(max_entry_bytes) {}

  int detect(std::string_view file_name, std::string_view head) const override;
  Status start(std::string_view file_name) override;
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override;
  Status finish(sdk::ParseOutput& out) override;

  // What the last file held: entries read, records made, entries skipped without an issue.
  const EntryCounts& counts() const { return counts_; }
  std::size_t statements() const { return statements_; }
  // Bytes the scanner holds between calls (one entry plus one chunk at most).
  std::size_t buffered_bytes() const { return scanner_.buffered_bytes(); }

 private:
  bool on_start(std::string_view local_name, std::string_view parent, ElementPosition at) override;
  void on_end(std::string_view local_name) override;
  void on_element(std::string_view local_name, std::string_view xml, ElementPosition at) override;
  void on_oversized(std::string_view local_name, ElementPosition at) override;
  void check_head(std::string_view bytes);
  void fail(Status status) {
    if (!failed_) failed_ = std::move(status);
  }

  XmlElementScanner scanner_;
  std::size_t max_entry_bytes_;
  sdk::ParseOutput* out_ = nullptr;
  std::optional<Status> failed_;
  std::size_t bytes_seen_ = 0;
  bool head_checked_ = false;
  bool saw_root_ = false;
  bool saw_statements_ = false;
  bool saw_statements_end_ = false;
  bool in_statement_ = false;
  std::size_t statements_ = 0;
  StatementContext statement_;
  EntryCounts counts_;
};

}  // namespace steward::plugins::camt053

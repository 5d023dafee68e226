// ofx_importer.hpp: the OFX / QFX bank and credit-card statement importer
// (org.steward.import.ofx). See docs/formats/ofx.md for the field mapping and
// docs/decisions/0152-bank-statement-importers.md for the choices.
//
// feed() writes the bytes to a private temporary file (libofx reads only from a path).
// finish() runs libofx over the file and, in step with libofx's transaction callbacks, reads the
// same file through OfxScanner; each libofx transaction (account, currency, names, corrections)
// is joined to its scanned twin (exact TRNAMT and DTPOSTED text, position) by FITID in file
// order. Only the scanned transactions between two matches are held, so memory does not grow
// with the file beyond the records themselves. The file is deleted before finish() returns.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "libofx_runner.hpp"
#include "ofx_scanner.hpp"
#include "steward/sdk/plugin.hpp"
#include "temp_file.hpp"

namespace steward::plugins::ofx {

class ScanCursor;

inline constexpr std::size_t kDefaultMaxEntryBytes = 256 * 1024;

struct OfxCounts {
  std::size_t transactions = 0;  // STMTTRN read by libofx
  std::size_t records = 0;
  std::size_t skipped_debits = 0;  // money out, and corrections of money out
  std::size_t skipped_other = 0;   // zero amounts, investment-account cash lines
  std::size_t with_issues = 0;
};

class OfxImporter : public sdk::ImporterPlugin {
 public:
  explicit OfxImporter(std::size_t max_entry_bytes = kDefaultMaxEntryBytes)
      : scanner_(max_entry_bytes), max_entry_bytes_(max_entry_bytes) {}

  int detect(std::string_view file_name, std::string_view head) const override;
  Status start(std::string_view file_name) override;
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override;
  Status finish(sdk::ParseOutput& out) override;

  const OfxCounts& counts() const { return counts_; }
  std::size_t statements() const { return statements_; }

 private:
  void check_head(std::string_view bytes);
  void note_ofx_tag(std::string_view bytes);
  void take(const LibofxTransaction& t, ScanCursor& cursor, sdk::ParseOutput& out);
  void report_untaken(const ScannedTransaction& s, sdk::ParseOutput& out);
  void convert(const LibofxTransaction& t, const ScannedTransaction& s, sdk::ParseOutput& out);

  OfxScanner scanner_;
  std::size_t max_entry_bytes_;
  TempFile temp_;
  std::optional<Status> failed_;
  std::size_t bytes_seen_ = 0;
  bool head_checked_ = false;
  bool saw_ofx_tag_ = false;
  std::string tail_;  // the last bytes fed, for "<OFX>" split across chunks
  bool started_ = false;
  std::size_t statements_ = 0;
  OfxCounts counts_;
};

}  // namespace steward::plugins::ofx

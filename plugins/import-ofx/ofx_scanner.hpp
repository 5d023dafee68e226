// ofx_scanner.hpp: a light streaming pass over OFX bytes (SGML 1.x or XML 2.x) that records,
// for every <STMTTRN>, its line, byte offset and leaf fields as written in the file.
//
// libofx (which does the real parse) gives amounts as doubles, dates as UTC time_t and no
// positions; this pass keeps the exact TRNAMT and DTPOSTED text and where each transaction
// sits, so amounts stay exact, dates stay the bank's civil date and issues name their line.
// Memory: only the transaction being read is kept; one larger than `max_entry_bytes` is marked
// oversized and its text dropped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace steward::plugins::ofx {

struct ScannedField {
  std::string tag;  // upper case, e.g. "TRNAMT"
  std::string value;
  std::size_t line = 0;
  std::size_t offset = 0;
};

struct ScannedTransaction {
  std::size_t line = 0;
  std::size_t offset = 0;
  bool complete = false;  // its </STMTTRN> (or the next STMTTRN) was seen
  bool oversized = false;
  std::vector<ScannedField> fields;  // in file order; aggregates with an empty value
  const ScannedField* find(std::string_view tag) const;
  std::string value(std::string_view tag) const;  // first non-empty value of `tag`
};

class OfxScanner {
 public:
  explicit OfxScanner(std::size_t max_entry_bytes) : max_entry_(max_entry_bytes) {}
  void reset();
  void feed(std::string_view bytes);
  void finish();  // flushes a value cut by the end of the file

  bool saw_ofx() const { return saw_ofx_; }
  bool saw_ofx_end() const { return saw_ofx_end_; }
  std::size_t ofx_line() const { return ofx_line_; }  // line of the <OFX> tag
  std::size_t end_line() const { return base_line_; }
  std::size_t end_offset() const { return base_offset_ + buf_.size(); }
  std::vector<ScannedTransaction>& transactions() { return done_; }
  // A tag or value grew past the limit with no end in sight; scanning stopped.
  bool markup_overflow() const { return overflow_; }

 private:
  bool step(bool at_eof);
  void compact(std::size_t upto);
  std::size_t line_at(std::size_t index) const;
  void close_transaction();

  std::size_t max_entry_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t base_line_ = 1;
  std::size_t base_offset_ = 0;
  bool saw_ofx_ = false;
  bool saw_ofx_end_ = false;
  std::size_t ofx_line_ = 0;
  bool in_txn_ = false;
  bool skipping_text_ = false;
  std::size_t txn_bytes_ = 0;
  ScannedTransaction current_;
  std::vector<ScannedTransaction> done_;
  bool overflow_ = false;
  std::string head_;            // the file's first bytes, until its charset is known
  bool charset_known_ = false;  // (ofx_charset.hpp)
  std::string charset_;
};

}  // namespace steward::plugins::ofx

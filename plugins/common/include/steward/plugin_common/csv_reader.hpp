// steward/plugin_common/csv_reader.hpp: a streaming RFC 4180 CSV reader.
//
// Feed it consecutive chunks of a file split anywhere (even inside a quoted field, a CRLF or a
// UTF-8 sequence); it returns each complete record with the 1-based physical line where the
// record starts and the byte offset of its first byte. It handles a UTF-8 byte order mark,
// CRLF, LF and lone CR line ends, quoted fields with delimiters, doubled quotes and line breaks
// inside (CRLF and CR inside a field become LF), and tolerates stray quotes (taken literally).
// Blank lines are skipped.
//
// Memory stays bounded: a record longer than `max_record_bytes` is not kept; the reader skips
// to its end and returns it with `error` set, then carries on with the next record. A quoted
// field still open at the end of the file comes back from finish() with `error` set.
//
// Thread-safety: one reader per file, used from one thread at a time.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace steward::plugin_common {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;    // 1-based physical line where the record starts
  std::size_t offset = 0;  // byte offset of the record's first byte from the start of the file
  std::string error;       // non-empty: the record could not be read (fields are then empty)
};

struct CsvOptions {
  char delimiter = ',';
  std::size_t max_record_bytes = std::size_t{4} << 20;  // 4 MiB
};

class CsvReader {
 public:
  explicit CsvReader(CsvOptions options = {});

  // Starts a new file.
  void reset();
  // Appends every record completed by `bytes` to `out`.
  void feed(std::string_view bytes, std::vector<CsvRecord>& out);
  // End of file: appends the last record (if the file does not end with a line break).
  void finish(std::vector<CsvRecord>& out);

  std::size_t bytes_read() const { return offset_; }
  const CsvOptions& options() const { return options_; }

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  void byte(char c, std::vector<CsvRecord>& out);
  std::size_t take_run(std::string_view bytes);
  void append(char c);
  void end_field();
  void end_record(std::vector<CsvRecord>& out);
  void begin_record_if_needed();

  CsvOptions options_;
  std::array<bool, 256> stop_quoted_{};    // bytes that end a run inside a quoted field
  std::array<bool, 256> stop_unquoted_{};  // ... inside an unquoted field
  State state_ = State::kFieldStart;
  std::vector<std::string> fields_;
  std::string field_;
  std::size_t offset_ = 0;  // bytes consumed so far
  std::size_t pos_ = 0;     // offset of the byte being processed
  std::size_t line_ = 1;    // current physical line
  std::size_t record_line_ = 0;
  std::size_t record_offset_ = 0;
  std::size_t record_bytes_ = 0;
  bool in_record_ = false;
  bool content_ = false;  // the record has a non-empty field or a quote
  bool overflow_ = false;
  bool pending_cr_ = false;
  bool quoted_cr_ = false;       // the previous byte was a CR inside a quoted field
  std::size_t bom_matched_ = 0;  // bytes of a leading UTF-8 BOM seen so far
  bool bom_done_ = false;
};

}  // namespace steward::plugin_common

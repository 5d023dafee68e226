#include "steward/plugin_common/csv_reader.hpp"

#include <utility>

namespace steward::plugin_common {

namespace {
constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
}

CsvReader::CsvReader(CsvOptions options) : options_(options) {
  stop_quoted_.fill(false);
  stop_unquoted_.fill(false);
  for (unsigned char c : {'"', '\r', '\n'}) stop_quoted_[c] = true;
  for (unsigned char c : {static_cast<unsigned char>(options_.delimiter),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('\n')}) {
    stop_unquoted_[c] = true;
  }
}

void CsvReader::reset() {
  state_ = State::kFieldStart;
  fields_.clear();
  field_.clear();
  offset_ = 0;
  pos_ = 0;
  line_ = 1;
  record_line_ = 0;
  record_offset_ = 0;
  record_bytes_ = 0;
  in_record_ = false;
  content_ = false;
  overflow_ = false;
  pending_cr_ = false;
  quoted_cr_ = false;
  bom_matched_ = 0;
  bom_done_ = false;
}

std::size_t CsvReader::take_run(std::string_view bytes) {
  // Inside a field, ordinary bytes up to the next quote, delimiter or line end are taken at once.
  if (!in_record_ || pending_cr_ || !bom_done_) return 0;
  const bool* stop = nullptr;
  if (state_ == State::kQuoted) {
    stop = stop_quoted_.data();
  } else if (state_ == State::kUnquoted) {
    stop = stop_unquoted_.data();
  } else {
    return 0;
  }
  const char* begin = bytes.data();
  const char* end = begin + bytes.size();
  const char* p = begin;
  while (p != end && !stop[static_cast<unsigned char>(*p)]) ++p;
  const auto n = static_cast<std::size_t>(p - begin);
  if (n == 0) return 0;
  content_ = true;
  quoted_cr_ = false;
  record_bytes_ += n;
  if (record_bytes_ > options_.max_record_bytes && !overflow_) {
    overflow_ = true;
    fields_.clear();
    field_.clear();
    field_.shrink_to_fit();
  }
  if (!overflow_) field_.append(bytes.substr(0, n));
  offset_ += n;
  return n;
}

void CsvReader::feed(std::string_view bytes, std::vector<CsvRecord>& out) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (std::size_t run = take_run(bytes.substr(i))) {
      i += run;
      continue;
    }
    char c = bytes[i++];
    if (!bom_done_) {
      if (static_cast<unsigned char>(c) == kBom[bom_matched_]) {
        ++bom_matched_;
        ++offset_;
        if (bom_matched_ == 3) bom_done_ = true;
        continue;
      }
      // Not a BOM after all: replay the bytes held back, then this one.
      bom_done_ = true;
      for (std::size_t k = 0; k < bom_matched_; ++k) {
        pos_ = k;
        byte(static_cast<char>(kBom[k]), out);
      }
    }
    pos_ = offset_;
    byte(c, out);
    ++offset_;
  }
}

void CsvReader::finish(std::vector<CsvRecord>& out) {
  if (!bom_done_) {
    bom_done_ = true;
    for (std::size_t i = 0; i < bom_matched_; ++i) {
      pos_ = i;
      byte(static_cast<char>(kBom[i]), out);
    }
  }
  pending_cr_ = false;
  if (!in_record_) return;
  if (state_ == State::kQuoted) {
    CsvRecord record;
    record.line = record_line_;
    record.offset = record_offset_;
    record.error = "a quoted field is not closed at the end of the file (is the file truncated?)";
    out.push_back(std::move(record));
    fields_.clear();
    field_.clear();
    in_record_ = false;
    state_ = State::kFieldStart;
    return;
  }
  end_record(out);
}

void CsvReader::begin_record_if_needed() {
  if (in_record_) return;
  in_record_ = true;
  content_ = false;
  overflow_ = false;
  record_line_ = line_;
  record_offset_ = pos_;
  record_bytes_ = 0;
}

void CsvReader::append(char c) {
  content_ = true;
  if (overflow_) return;
  field_.push_back(c);
}

void CsvReader::end_field() {
  if (!overflow_) fields_.push_back(std::move(field_));
  field_.clear();
  state_ = State::kFieldStart;
}

void CsvReader::end_record(std::vector<CsvRecord>& out) {
  end_field();
  if (content_ || overflow_ || fields_.size() > 1) {
    CsvRecord record;
    record.line = record_line_;
    record.offset = record_offset_;
    if (overflow_) {
      record.error = "the record is longer than " + std::to_string(options_.max_record_bytes) +
                     " bytes; skipped";
    } else {
      record.fields = std::move(fields_);
    }
    out.push_back(std::move(record));
  }
  fields_.clear();
  in_record_ = false;
  overflow_ = false;
  content_ = false;
  state_ = State::kFieldStart;
}

void CsvReader::byte(char c, std::vector<CsvRecord>& out) {
  if (pending_cr_) {
    pending_cr_ = false;
    if (c == '\n') return;  // the LF of a CRLF already ended the record and the line
  }
  begin_record_if_needed();
  if (++record_bytes_ > options_.max_record_bytes && !overflow_) {
    overflow_ = true;
    fields_.clear();
    field_.clear();
    field_.shrink_to_fit();
  }
  const bool line_end = c == '\n' || c == '\r';
  const bool after_cr = quoted_cr_;
  quoted_cr_ = c == '\r' && state_ == State::kQuoted;
  switch (state_) {
    case State::kQuoted:
      if (c == '"') {
        state_ = State::kQuoteInQuoted;
      } else if (c == '\r') {
        append('\n');  // line breaks inside fields become LF
      } else if (c != '\n' || !after_cr) {
        append(c);
      }
      break;
    case State::kQuoteInQuoted:
      if (c == '"') {
        append('"');
        state_ = State::kQuoted;
        break;
      }
      if (c == options_.delimiter) {
        end_field();
      } else if (line_end) {
        end_record(out);
      } else {
        append(c);  // text after a closing quote: kept (lenient)
        state_ = State::kUnquoted;
      }
      break;
    case State::kFieldStart:
      if (c == '"') {
        content_ = true;
        state_ = State::kQuoted;
        break;
      }
      [[fallthrough]];
    case State::kUnquoted:
      if (c == options_.delimiter) {
        end_field();
      } else if (line_end) {
        end_record(out);
      } else {
        append(c);
        state_ = State::kUnquoted;
      }
      break;
  }
  if (c == '\n') {
    ++line_;
  } else if (c == '\r' && state_ != State::kQuoted) {
    ++line_;
    pending_cr_ = true;  // a following LF belongs to this line end
  }
}

}  // namespace steward::plugin_common

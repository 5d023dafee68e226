#include "ofx_importer.hpp"

#include <algorithm>
#include <cctype>

#include "ofx_values.hpp"
#include "scan_cursor.hpp"

namespace steward::plugins::ofx {
namespace {

bool contains_ofx_tag(std::string_view head) {
  for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    auto tag = head.substr(at + 1, 4);
    if (tag.size() == 4 && (tag[0] == 'O' || tag[0] == 'o') && (tag[1] == 'F' || tag[1] == 'f') &&
        (tag[2] == 'X' || tag[2] == 'x') && tag[3] == '>')
      return true;
  }
  return false;
}

}  // namespace

int OfxImporter::detect(std::string_view file_name, std::string_view head) const {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return 0;
  head.remove_prefix(first);
  if (head.starts_with("OFXHEADER:")) return 95;
  if (head.starts_with("<?xml") || head.starts_with("<?OFX")) {
    if (head.find("<?OFX") != std::string_view::npos &&
        head.find("OFXHEADER") != std::string_view::npos)
      return 95;
  }
  bool ofx_name = file_name.ends_with(".ofx") || file_name.ends_with(".OFX") ||
                  file_name.ends_with(".qfx") || file_name.ends_with(".QFX");
  if (head.starts_with("<") && contains_ofx_tag(head)) return ofx_name ? 80 : 60;
  return 0;
}

Status OfxImporter::start(std::string_view) {
  scanner_.reset();
  failed_.reset();
  bytes_seen_ = 0;
  head_checked_ = false;
  saw_ofx_tag_ = false;
  tail_.clear();
  statements_ = 0;
  counts_ = {};
  started_ = true;
  return temp_.create("steward-ofx-");
}

void OfxImporter::check_head(std::string_view bytes) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < bytes.size() && !head_checked_; ++i) {
    std::size_t at = bytes_seen_ + i;
    char c = bytes[i];
    if (at < kBom.size() && c == kBom[at]) continue;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    head_checked_ = true;
    if (c != '<' && c != 'O') {
      failed_ = Status::invalid_field("file",
                                      "not an OFX file (it starts with neither "
                                      "OFXHEADER: nor an XML/SGML tag)");
    }
  }
}

Status OfxImporter::feed(std::string_view bytes, sdk::ParseOutput&) {
  if (!started_) return Status::internal("feed() called before start()");
  if (failed_) return *failed_;
  check_head(bytes);
  bytes_seen_ += bytes.size();
  if (failed_) {
    temp_.remove();
    return *failed_;
  }
  if (auto s = temp_.write(bytes); !s) {
    temp_.remove();
    failed_ = s;
    return s;
  }
  note_ofx_tag(bytes);
  return Status::ok();
}

// Remembers whether "<OFX>" (any case) has been seen, across chunk boundaries.
void OfxImporter::note_ofx_tag(std::string_view bytes) {
  if (saw_ofx_tag_) return;
  std::string window = tail_ + std::string(bytes);
  for (auto& c : window) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (window.find("<OFX>") != std::string::npos) saw_ofx_tag_ = true;
  tail_ = window.size() > 4 ? window.substr(window.size() - 4) : window;
}

Status OfxImporter::finish(sdk::ParseOutput& out) {
  if (!started_) return Status::internal("finish() called before start()");
  started_ = false;
  if (failed_) {
    temp_.remove();
    return *failed_;
  }
  if (auto s = temp_.close(); !s) {
    temp_.remove();
    return s;
  }
  if (bytes_seen_ == 0) {
    temp_.remove();
    return Status::invalid_field("file", "the file is empty");
  }
  if (!saw_ofx_tag_) {
    temp_.remove();
    return Status::invalid_field("file", "not an OFX file (no <OFX> element)");
  }
  sdk::ParseOutput local;
  ScanCursor cursor(temp_.path(), scanner_);
  LibofxResult parsed =
      run_libofx(temp_.path(), [&](const LibofxTransaction& t) { take(t, cursor, local); });
  cursor.drain();
  temp_.remove();
  if (cursor.read_failed()) return Status::unavailable("cannot read back the temporary file");
  if (scanner_.markup_overflow()) {
    return Status::invalid_field("file",
                                 "a tag or value near line " + std::to_string(scanner_.end_line()) +
                                     " is larger than " + std::to_string(max_entry_bytes_ / 1024) +
                                     " KiB: not an OFX statement");
  }
  statements_ = parsed.statements;
  while (!cursor.pending().empty()) {
    report_untaken(cursor.pending().front(), local);
    cursor.pending().pop_front();
  }
  const std::size_t line_shift = scanner_.ofx_line() > 0 ? scanner_.ofx_line() - 1 : 0;
  for (const auto& e : parsed.errors) {
    local.issues.push_back({e.line == 0 ? 0 : e.line + line_shift, 0, "OFX", "libofx: " + e.text});
  }
  if (!scanner_.saw_ofx_end()) {
    local.issues.push_back({scanner_.end_line(), scanner_.end_offset(), "OFX",
                            "the file ends before </OFX> (truncated)"});
  }
  std::stable_sort(
      local.issues.begin(), local.issues.end(),
      [](const sdk::ParseIssue& a, const sdk::ParseIssue& b) { return a.line < b.line; });
  for (auto& r : local.records) out.records.push_back(std::move(r));
  for (auto& i : local.issues) out.issues.push_back(std::move(i));
  return Status::ok();
}

// One libofx transaction: find its scanned twin (FITID, in file order), report the scanned
// transactions skipped on the way, and convert.
void OfxImporter::take(const LibofxTransaction& t, ScanCursor& cursor, sdk::ParseOutput& out) {
  ++counts_.transactions;
  auto& pending = cursor.pending();
  std::size_t j = 0;
  for (;;) {
    while (j < pending.size() && pending[j].value("FITID") != t.fitid) ++j;
    if (j < pending.size() || !cursor.pull()) break;
  }
  if (j == pending.size()) {
    out.issues.push_back({0, 0, "FITID",
                          "libofx read a transaction (FITID \"" + t.fitid +
                              "\") that could not be located in the file; skipped"});
    ++counts_.with_issues;
    return;
  }
  for (; j > 0; --j) {
    report_untaken(pending.front(), out);
    pending.pop_front();
  }
  ScannedTransaction s = std::move(pending.front());
  pending.pop_front();
  if (t.investment) {
    ++counts_.skipped_other;
    return;
  }
  if (!s.complete || s.oversized) {
    report_untaken(s, out);
    return;
  }
  convert(t, s, out);
}

void OfxImporter::report_untaken(const ScannedTransaction& s, sdk::ParseOutput& out) {
  if (s.oversized) {
    out.issues.push_back(
        {s.line, s.offset, "STMTTRN",
         "transaction larger than " + std::to_string(max_entry_bytes_ / 1024) + " KiB; skipped"});
  } else if (!s.complete) {
    out.issues.push_back(
        {s.line, s.offset, "STMTTRN",
         "the file ends inside this transaction (truncated); it was not imported"});
  } else {
    out.issues.push_back({s.line, s.offset, "STMTTRN",
                          "libofx could not read this transaction (see the OFX issues); skipped"});
  }
  ++counts_.with_issues;
}

}  // namespace steward::plugins::ofx

#include "ofx_importer.hpp"

#include <algorithm>

#include "ofx_values.hpp"

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
  scanner_.feed(bytes);
  if (scanner_.markup_overflow()) {
    temp_.remove();
    failed_ = Status::invalid_field(
        "file", "a tag or value near line " + std::to_string(scanner_.end_line()) +
                    " is larger than " + std::to_string(max_entry_bytes_ / 1024) +
                    " KiB: not an OFX statement");
    return *failed_;
  }
  return Status::ok();
}

Status OfxImporter::finish(sdk::ParseOutput& out) {
  if (!started_) return Status::internal("finish() called before start()");
  started_ = false;
  if (failed_) {
    temp_.remove();
    return *failed_;
  }
  scanner_.finish();
  if (auto s = temp_.close(); !s) {
    temp_.remove();
    return s;
  }
  if (bytes_seen_ == 0) {
    temp_.remove();
    return Status::invalid_field("file", "the file is empty");
  }
  if (!scanner_.saw_ofx()) {
    temp_.remove();
    return Status::invalid_field("file", "not an OFX file (no <OFX> element)");
  }
  LibofxResult parsed = run_libofx(temp_.path());
  temp_.remove();
  statements_ = parsed.statements;
  std::size_t first_issue = out.issues.size();
  const std::size_t line_shift = scanner_.ofx_line() > 0 ? scanner_.ofx_line() - 1 : 0;
  for (const auto& e : parsed.errors) {
    out.issues.push_back({e.line == 0 ? 0 : e.line + line_shift, 0, "OFX", "libofx: " + e.text});
  }
  auto& scanned = scanner_.transactions();
  std::vector<bool> used(scanned.size(), false);
  std::size_t cursor = 0;
  for (const auto& t : parsed.transactions) {
    ++counts_.transactions;
    std::size_t j = cursor;
    while (j < scanned.size() && scanned[j].value("FITID") != t.fitid) ++j;
    if (j == scanned.size()) {
      out.issues.push_back({0, 0, "FITID",
                            "libofx read a transaction (FITID \"" + t.fitid +
                                "\") that could not be located in the file; skipped"});
      ++counts_.with_issues;
      continue;
    }
    used[j] = true;
    cursor = j + 1;
    if (t.investment) {
      ++counts_.skipped_other;
      continue;
    }
    if (!scanned[j].complete || scanned[j].oversized) continue;  // reported below
    convert(t, scanned[j], out);
  }
  for (std::size_t i = 0; i < scanned.size(); ++i) {
    const auto& s = scanned[i];
    if (s.oversized) {
      out.issues.push_back(
          {s.line, s.offset, "STMTTRN",
           "transaction larger than " + std::to_string(max_entry_bytes_ / 1024) + " KiB; skipped"});
    } else if (!s.complete) {
      out.issues.push_back(
          {s.line, s.offset, "STMTTRN",
           "the file ends inside this transaction (truncated); it was not imported"});
    } else if (!used[i]) {
      out.issues.push_back(
          {s.line, s.offset, "STMTTRN",
           "libofx could not read this transaction (see the OFX issues); skipped"});
    } else {
      continue;
    }
    ++counts_.with_issues;
  }
  if (!scanner_.saw_ofx_end()) {
    out.issues.push_back({scanner_.end_line(), scanner_.end_offset(), "OFX",
                          "the file ends before </OFX> (truncated)"});
  }
  std::stable_sort(
      out.issues.begin() + static_cast<std::ptrdiff_t>(first_issue), out.issues.end(),
      [](const sdk::ParseIssue& a, const sdk::ParseIssue& b) { return a.line < b.line; });
  return Status::ok();
}

}  // namespace steward::plugins::ofx

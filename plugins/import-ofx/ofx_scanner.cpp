#include "ofx_scanner.hpp"

#include "ofx_charset.hpp"
#include "steward/plugin_common/charset.hpp"

#include <algorithm>
#include <cctype>

#include "ofx_values.hpp"

namespace steward::plugins::ofx {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool replaced = false;
      for (const auto& [name, c] : kEntities) {
        if (s.substr(i).starts_with(name)) {
          out += c;
          i += name.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

const ScannedField* ScannedTransaction::find(std::string_view tag) const {
  for (const auto& f : fields) {
    if (f.tag == tag) return &f;
  }
  return nullptr;
}

std::string ScannedTransaction::value(std::string_view tag) const {
  for (const auto& f : fields) {
    if (f.tag == tag && !f.value.empty()) return f.value;
  }
  return {};
}

void OfxScanner::reset() {
  buf_.clear();
  pos_ = 0;
  base_line_ = 1;
  base_offset_ = 0;
  saw_ofx_ = saw_ofx_end_ = false;
  ofx_line_ = 0;
  in_txn_ = skipping_text_ = false;
  txn_bytes_ = 0;
  current_ = {};
  done_.clear();
  overflow_ = false;
  head_.clear();
  charset_known_ = false;
  charset_.clear();
}

std::size_t OfxScanner::line_at(std::size_t index) const {
  auto end = buf_.begin() + static_cast<std::ptrdiff_t>(std::min(index, buf_.size()));
  return base_line_ + static_cast<std::size_t>(std::count(buf_.begin(), end, '\n'));
}

void OfxScanner::compact(std::size_t upto) {
  upto = std::min(upto, buf_.size());
  auto end = buf_.begin() + static_cast<std::ptrdiff_t>(upto);
  base_line_ += static_cast<std::size_t>(std::count(buf_.begin(), end, '\n'));
  base_offset_ += upto;
  if (in_txn_) txn_bytes_ += upto;
  buf_.erase(0, upto);
  pos_ -= std::min(pos_, upto);
}

void OfxScanner::close_transaction() {
  if (!in_txn_) return;
  current_.complete = true;
  done_.push_back(std::move(current_));
  current_ = {};
  in_txn_ = false;
}

void OfxScanner::feed(std::string_view bytes) {
  if (overflow_) return;
  if (!charset_known_ && head_.size() < 4096) {
    head_.append(bytes.substr(0, 4096 - head_.size()));
  }
  buf_.append(bytes);
  while (step(false)) {
  }
  compact(pos_);
  if (in_txn_ && txn_bytes_ + buf_.size() > max_entry_) {
    current_.oversized = true;
    std::erase_if(current_.fields, [](const ScannedField& f) { return f.tag != "FITID"; });
    skipping_text_ = true;
  }
  if (skipping_text_) {
    auto lt = buf_.find('<', pos_);
    compact(lt == std::string::npos ? buf_.size() : lt);
  }
  if (buf_.size() > max_entry_) {
    overflow_ = true;
    buf_.clear();
    pos_ = 0;
  }
}

void OfxScanner::finish() {
  if (overflow_) return;
  while (step(true)) {
  }
  compact(buf_.size());
  if (in_txn_) {
    done_.push_back(std::move(current_));  // complete == false: cut by the end of the file
    current_ = {};
    in_txn_ = false;
  }
}

// Reads the next tag (and the text after a start tag). False when more bytes are needed.
bool OfxScanner::step(bool at_eof) {
  auto lt = buf_.find('<', pos_);
  if (lt == std::string::npos) {
    pos_ = buf_.size();
    return false;
  }
  pos_ = lt;
  if (buf_.compare(lt, 2, "<?") == 0 || buf_.compare(lt, 2, "<!") == 0) {
    auto gt = buf_.find('>', lt);
    if (gt == std::string::npos) return false;
    pos_ = gt + 1;
    return true;
  }
  auto gt = buf_.find('>', lt);
  if (gt == std::string::npos) return false;
  std::string_view tag(buf_.data() + lt + 1, gt - lt - 1);
  bool closing = tag.starts_with('/');
  if (closing) tag.remove_prefix(1);
  std::string name = upper(trim(tag));
  if (closing) {
    pos_ = gt + 1;
    if (name == "OFX") saw_ofx_end_ = true;
    if (name == "STMTTRN" && in_txn_ && txn_bytes_ + gt + 1 > max_entry_) {
      current_.oversized = true;
      std::erase_if(current_.fields, [](const ScannedField& f) { return f.tag != "FITID"; });
    }
    if (name == "STMTTRN") close_transaction();
    skipping_text_ = false;
    return true;
  }
  if (name == "OFX") {
    saw_ofx_ = true;
    ofx_line_ = line_at(lt);
  }
  if (name == "STMTTRN") {
    close_transaction();  // an SGML file may leave the previous one open
    current_ = {};
    current_.line = line_at(lt);
    current_.offset = base_offset_ + lt;
    pos_ = gt + 1;
    compact(lt);
    in_txn_ = true;
    skipping_text_ = false;
    txn_bytes_ = 0;
    return true;
  }
  if (!in_txn_ || current_.oversized) {
    pos_ = gt + 1;
    return true;
  }
  // A field inside a transaction: its value runs to the next '<' (or a CDATA section).
  std::size_t text_start = gt + 1;
  auto first = buf_.find_first_not_of(" \t\r\n", text_start);
  std::string value;
  std::size_t next;
  if (first != std::string::npos && buf_.compare(first, 9, "<![CDATA[") == 0) {
    auto end = buf_.find("]]>", first + 9);
    if (end == std::string::npos) return false;
    value = trim(std::string_view(buf_).substr(first + 9, end - first - 9));
    next = end + 3;
  } else if (first != std::string::npos && buf_.size() - first < 9 && buf_[first] == '<' &&
             !at_eof &&
             std::string_view("<![CDATA[").starts_with(std::string_view(buf_).substr(first))) {
    return false;
  } else {
    auto end = buf_.find('<', text_start);
    if (end == std::string::npos && !at_eof) return false;
    if (end == std::string::npos) end = buf_.size();
    value = decode_entities(trim(std::string_view(buf_).substr(text_start, end - text_start)));
    next = end;
  }
  // Aggregates (PAYEE, CURRENCY, ORIGCURRENCY) are kept with an empty value so that their
  // children can be told apart by position.
  if (!charset_known_) {  // the header is behind us once a value is read
    charset_ = declared_charset(head_);
    charset_known_ = true;
    head_.clear();
  }
  current_.fields.push_back({name, value_to_utf8(value, charset_), line_at(lt), base_offset_ + lt});
  pos_ = next;
  return true;
}

}  // namespace steward::plugins::ofx

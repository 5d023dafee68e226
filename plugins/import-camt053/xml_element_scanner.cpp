#include "xml_element_scanner.hpp"

#include <algorithm>

namespace steward::plugins::camt053 {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view local_part(std::string_view qname) {
  auto colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The index of the '>' closing the tag that starts at `from`, honouring quoted attribute values;
// npos when the tag is not complete yet.
std::size_t find_tag_end(std::string_view buf, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < buf.size(); ++i) {
    char c = buf[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void XmlElementScanner::reset() {
  buf_.clear();
  base_offset_ = 0;
  base_line_ = 1;
  pos_ = 0;
  mode_ = Mode::kText;
  capture_qname_.clear();
  capture_local_.clear();
  capture_at_ = {};
  close_search_from_ = 0;
  stack_.clear();
  overflow_ = false;
}

ElementPosition XmlElementScanner::position_of(std::size_t index) const {
  auto end = buf_.begin() + static_cast<std::ptrdiff_t>(std::min(index, buf_.size()));
  auto lines = static_cast<std::size_t>(std::count(buf_.begin(), end, '\n'));
  return {base_line_ + lines, base_offset_ + index};
}

void XmlElementScanner::compact(std::size_t upto) {
  if (upto == 0) return;
  auto end = buf_.begin() + static_cast<std::ptrdiff_t>(upto);
  base_line_ += static_cast<std::size_t>(std::count(buf_.begin(), end, '\n'));
  base_offset_ += upto;
  buf_.erase(0, upto);
  pos_ -= std::min(pos_, upto);
  close_search_from_ -= std::min(close_search_from_, upto);
}

bool XmlElementScanner::cut_inside_markup() const {
  if (mode_ != Mode::kText) return false;
  return buf_.find('<', pos_) != std::string::npos;
}

void XmlElementScanner::feed(std::string_view bytes, Handler& handler) {
  if (overflow_) return;
  buf_.append(bytes);
  for (;;) {
    bool progressed = mode_ == Mode::kText ? step_text(handler) : step_capture(handler);
    if (!progressed) break;
  }
  if (mode_ == Mode::kText) {
    compact(std::min(pos_, buf_.size()));
    if (buf_.size() > max_element_) {
      overflow_ = true;
      buf_.clear();
    }
  }
}

// Handles the next piece of markup outside a captured element. Returns false when more bytes
// are needed.
bool XmlElementScanner::step_text(Handler& handler) {
  std::string_view buf = buf_;
  auto lt = buf.find('<', pos_);
  if (lt == std::string_view::npos) {
    pos_ = buf.size();
    return false;
  }
  pos_ = lt;
  std::string_view rest = buf.substr(lt);
  auto skip_to = [&](std::string_view terminator, std::size_t from) {
    auto end = buf.find(terminator, lt + from);
    if (end == std::string_view::npos) return false;
    pos_ = end + terminator.size();
    return true;
  };
  if (rest.size() < 2) return false;
  if (rest[1] == '?') return skip_to("?>", 2);
  if (rest[1] == '!') {
    if (rest.size() < 9 && (std::string_view("<![CDATA[").starts_with(rest) ||
                            std::string_view("<!--").starts_with(rest)))
      return false;
    if (rest.starts_with("<!--")) return skip_to("-->", 4);
    if (rest.starts_with("<![CDATA[")) return skip_to("]]>", 9);
    auto gt = find_tag_end(buf, lt);
    if (gt == std::string_view::npos) return false;
    pos_ = gt + 1;
    return true;
  }
  auto gt = find_tag_end(buf, lt);
  if (gt == std::string_view::npos) return false;
  std::string_view tag = buf.substr(lt + 1, gt - lt - 1);
  pos_ = gt + 1;
  if (tag.starts_with('/')) {
    tag.remove_prefix(1);
    while (!tag.empty() && is_space(tag.back())) tag.remove_suffix(1);
    auto local = local_part(tag);
    if (!stack_.empty() && stack_.back() == local) stack_.pop_back();
    handler.on_end(local);
    return true;
  }
  bool self_closing = tag.ends_with('/');
  std::size_t name_end = 0;
  while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
  std::string_view qname = tag.substr(0, name_end);
  std::string_view local = local_part(qname);
  std::string_view parent = stack_.empty() ? std::string_view{} : std::string_view(stack_.back());
  ElementPosition at = position_of(lt);
  bool capture = handler.on_start(local, parent, at);
  if (self_closing) {
    handler.on_end(local);
    return true;
  }
  if (!capture) {
    stack_.emplace_back(local);
    return true;
  }
  mode_ = Mode::kCapture;
  capture_qname_.assign(qname);
  capture_local_.assign(local);
  capture_at_ = at;
  compact(lt);  // the element now starts at buf_[0]
  close_search_from_ = gt + 1 - lt;
  return true;
}

bool XmlElementScanner::step_capture(Handler& handler) {
  const std::string close = "</" + capture_qname_;
  for (;;) {
    auto c = buf_.find(close, close_search_from_);
    if (c == std::string::npos) break;
    std::size_t after = c + close.size();
    if (after >= buf_.size()) {
      close_search_from_ = c;
      return false;
    }
    if (buf_[after] != '>' && !is_space(buf_[after])) {
      close_search_from_ = c + 1;  // "</NtryRef" is not "</Ntry"
      continue;
    }
    auto gt = buf_.find('>', after);
    if (gt == std::string::npos) {
      close_search_from_ = c;
      return false;
    }
    if (mode_ == Mode::kCapture && gt + 1 > max_element_) {
      handler.on_oversized(capture_local_, capture_at_);
    } else if (mode_ == Mode::kCapture) {
      handler.on_element(capture_local_, std::string_view(buf_).substr(0, gt + 1), capture_at_);
    }
    mode_ = Mode::kText;
    pos_ = gt + 1;
    compact(pos_);
    return true;
  }
  close_search_from_ = buf_.size() > close.size() ? buf_.size() - close.size() : 0;
  if (mode_ == Mode::kCapture && buf_.size() > max_element_) {
    handler.on_oversized(capture_local_, capture_at_);
    mode_ = Mode::kSkip;
  }
  if (mode_ == Mode::kSkip) compact(close_search_from_);
  return false;
}

}  // namespace steward::plugins::camt053

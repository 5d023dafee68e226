// xml_element_scanner.hpp: finds complete XML elements in a byte stream fed in arbitrary chunks,
// without building a document of the whole file.
//
// The scanner walks the tags outside captured elements (keeping a stack of their local names,
// i.e. names without any namespace prefix) and asks its Handler, at every start tag, whether to
// capture that element. A captured element is returned as one string (start tag to end tag,
// prefix included) for the caller to parse with a DOM parser; its bytes are then dropped, so
// memory holds at most one element plus one chunk. Comments, processing instructions, CDATA and
// DOCTYPE outside captured elements are skipped. An element larger than `max_element_bytes`
// is reported with on_oversized() and skipped without being kept in memory.
//
// Lines are 1-based and offsets are bytes from the start of the stream.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace steward::plugins::camt053 {

struct ElementPosition {
  std::size_t line = 1;
  std::size_t offset = 0;
};

class XmlElementScanner {
 public:
  class Handler {
   public:
    virtual ~Handler() = default;
    // A start tag outside captured elements; return true to capture the whole element.
    virtual bool on_start(std::string_view local_name, std::string_view parent,
                          ElementPosition at) = 0;
    virtual void on_end(std::string_view local_name) = 0;
    virtual void on_element(std::string_view local_name, std::string_view xml,
                            ElementPosition at) = 0;
    virtual void on_oversized(std::string_view local_name, ElementPosition at) = 0;
  };

  explicit XmlElementScanner(std::size_t max_element_bytes) : max_element_(max_element_bytes) {}

  void reset();
  void feed(std::string_view bytes, Handler& handler);

  // After the last feed: is the stream cut inside an element?
  bool inside_captured_element() const { return mode_ != Mode::kText; }
  ElementPosition captured_element_start() const { return capture_at_; }
  std::string_view captured_element_name() const { return capture_local_; }
  const std::vector<std::string>& open_elements() const { return stack_; }
  bool cut_inside_markup() const;  // unfinished tag, comment or CDATA at the end
  // A tag, comment or CDATA section outside captured elements grew past max_element_bytes;
  // the scanner stops (the file is not a statement anyone produced).
  bool markup_overflow() const { return overflow_; }
  ElementPosition position_of(std::size_t index) const;
  std::size_t buffered_bytes() const { return buf_.capacity(); }  // memory held, for tests

 private:
  enum class Mode { kText, kCapture, kSkip };
  bool step_text(Handler& handler);
  bool step_capture(Handler& handler);
  void compact(std::size_t upto);

  std::size_t max_element_;
  std::string buf_;
  std::size_t base_offset_ = 0;
  std::size_t base_line_ = 1;
  std::size_t pos_ = 0;
  Mode mode_ = Mode::kText;
  std::string capture_qname_;
  std::string capture_local_;
  ElementPosition capture_at_;
  std::size_t close_search_from_ = 0;
  std::vector<std::string> stack_;
  bool overflow_ = false;
};

}  // namespace steward::plugins::camt053

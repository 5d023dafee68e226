// scan_cursor.hpp: reads the temporary OFX file through OfxScanner on demand, so that finish()
// can walk the scanned transactions in step with libofx's callbacks and keep only the few
// between two matches in memory.
#pragma once

#include <cstddef>
#include <deque>
#include <fstream>
#include <string>

#include "ofx_scanner.hpp"

namespace steward::plugins::ofx {

class ScanCursor {
 public:
  ScanCursor(const std::string& path, OfxScanner& scanner);

  // Scanned transactions read so far and not yet taken, in file order.
  std::deque<ScannedTransaction>& pending() { return pending_; }
  // Reads the next piece of the file into pending(); false at the end of the file.
  bool pull();
  void drain() {
    while (pull()) {
    }
  }
  bool read_failed() const { return read_failed_; }

 private:
  void collect();

  std::ifstream in_;
  OfxScanner& scanner_;
  std::deque<ScannedTransaction> pending_;
  bool done_ = false;
  bool read_failed_ = false;
};

}  // namespace steward::plugins::ofx

#include "scan_cursor.hpp"

#include <iterator>
#include <vector>

namespace steward::plugins::ofx {

ScanCursor::ScanCursor(const std::string& path, OfxScanner& scanner)
    : in_(path, std::ios::binary), scanner_(scanner) {
  scanner_.reset();
  if (!in_) {
    read_failed_ = true;
    done_ = true;
  }
}

void ScanCursor::collect() {
  auto& done = scanner_.transactions();
  pending_.insert(pending_.end(), std::make_move_iterator(done.begin()),
                  std::make_move_iterator(done.end()));
  done.clear();
}

bool ScanCursor::pull() {
  if (done_) return false;
  std::vector<char> buf(64 * 1024);
  in_.read(buf.data(), static_cast<std::streamsize>(buf.size()));
  auto n = static_cast<std::size_t>(in_.gcount());
  if (n > 0) scanner_.feed(std::string_view(buf.data(), n));
  if (n == 0 || !in_) {
    if (in_.bad()) read_failed_ = true;
    scanner_.finish();
    done_ = true;
  }
  collect();
  return true;
}

}  // namespace steward::plugins::ofx

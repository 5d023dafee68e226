// temp_file.hpp: a private temporary file (mkstemp in $TMPDIR, else /tmp; mode 0600) that is
// deleted when the object goes away or remove() is called.
#pragma once

#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::plugins::ofx {

class TempFile {
 public:
  TempFile() = default;
  ~TempFile() { remove(); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  Status create(std::string_view prefix);
  Status write(std::string_view bytes);
  Status close();  // flushes and closes; the file stays until remove()
  void remove();
  const std::string& path() const { return path_; }
  bool exists() const { return !path_.empty(); }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace steward::plugins::ofx

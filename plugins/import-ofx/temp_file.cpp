#include "temp_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace steward::plugins::ofx {

Status TempFile::create(std::string_view prefix) {
  remove();
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/" + std::string(prefix) + "XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0) {
    return Status::unavailable("cannot create a temporary file in " +
                               path.substr(0, path.rfind('/')) + ": " + std::strerror(errno));
  }
  fd_ = fd;
  path_ = path;
  return Status::ok();
}

Status TempFile::write(std::string_view bytes) {
  if (fd_ < 0) return Status::internal("temporary file is not open");
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      return Status::unavailable(std::string("cannot write the temporary file: ") +
                                 std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::ok();
}

Status TempFile::close() {
  if (fd_ < 0) return Status::ok();
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0)
    return Status::unavailable(std::string("cannot close the temporary file: ") +
                               std::strerror(errno));
  return Status::ok();
}

void TempFile::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!path_.empty()) ::unlink(path_.c_str());
  path_.clear();
}

}  // namespace steward::plugins::ofx

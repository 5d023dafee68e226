#include "print/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

namespace steward::print {

std::string file_timestamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

Result<std::filesystem::path> write_private_file(const std::filesystem::path& dir,
                                                 const std::string& stem, const std::string& ext,
                                                 const std::string& bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::unavailable("cannot create " + dir.string() + ": " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  }
  for (int n = 1; n < 1000; ++n) {
    std::filesystem::path path = dir / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + "." + ext);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) {
      return Status::unavailable("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
      ssize_t w = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        std::filesystem::remove(path, ec);
        return Status::unavailable("cannot write " + path.string() + ": " + why);
      }
      written += static_cast<std::size_t>(w);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
      std::filesystem::remove(path, ec);
      return Status::unavailable("cannot write " + path.string());
    }
    return path;
  }
  return Status::unavailable("too many files named " + stem + " in " + dir.string());
}

}  // namespace steward::print

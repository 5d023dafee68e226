#include "print/private_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <vector>

namespace steward::print {
namespace {

constexpr const char* kPartialSuffix = ".partial";

Status make_private_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) return Status::ok();
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::unavailable("cannot create " + dir.string() + ": " + ec.message());
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  return Status::ok();
}

// Writes all of `bytes` to a file just opened (fd) and closes it; on failure removes it.
Status write_and_close(int fd, const std::filesystem::path& path, const std::string& bytes) {
  std::error_code ec;
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
  return Status::ok();
}

std::filesystem::path numbered(const std::filesystem::path& dir, const std::string& stem,
                               const std::string& ext, int n) {
  return dir / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + "." + ext);
}

// The pid in "<name>.<pid>.partial", or 0.
pid_t writer_of(const std::string& name) {
  const std::size_t suffix = name.size() - std::strlen(kPartialSuffix);
  const std::size_t dot = name.rfind('.', suffix - 1);
  if (dot == std::string::npos || dot + 1 >= suffix) return 0;
  const std::string digits = name.substr(dot + 1, suffix - dot - 1);
  if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return static_cast<pid_t>(std::stol(digits));
}

}  // namespace

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
  if (Status s = make_private_dir(dir); !s) return s;
  for (int n = 1; n < 1000; ++n) {
    std::filesystem::path path = numbered(dir, stem, ext, n);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) {
      return Status::unavailable("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    if (Status s = write_and_close(fd, path, bytes); !s) return s;
    return path;
  }
  return Status::unavailable("too many files named " + stem + " in " + dir.string());
}

PendingFile::PendingFile(PendingFile&& other) noexcept
    : temporary_(std::move(other.temporary_)), final_(std::move(other.final_)) {
  other.temporary_.clear();
}

PendingFile& PendingFile::operator=(PendingFile&& other) noexcept {
  if (this != &other) {
    discard();
    temporary_ = std::move(other.temporary_);
    final_ = std::move(other.final_);
    other.temporary_.clear();
  }
  return *this;
}

PendingFile::~PendingFile() { discard(); }

Result<PendingFile> PendingFile::write(const std::filesystem::path& dir, const std::string& stem,
                                       const std::string& ext, const std::string& bytes) {
  if (Status s = make_private_dir(dir); !s) return s;
  const std::string writer = "." + std::to_string(::getpid()) + kPartialSuffix;
  for (int n = 1; n < 1000; ++n) {
    std::filesystem::path final_path = numbered(dir, stem, ext, n);
    std::error_code ec;
    if (std::filesystem::exists(final_path, ec)) continue;
    std::filesystem::path temporary = final_path.string() + writer;
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) {
      return Status::unavailable("cannot write " + temporary.string() + ": " +
                                 std::strerror(errno));
    }
    if (Status s = write_and_close(fd, temporary, bytes); !s) return s;
    PendingFile out;
    out.temporary_ = std::move(temporary);
    out.final_ = std::move(final_path);
    return out;
  }
  return Status::unavailable("too many files named " + stem + " in " + dir.string());
}

Status PendingFile::publish() {
  if (temporary_.empty()) return Status::ok();
  // link() refuses an existing name, where rename() would replace it.
  if (::link(temporary_.c_str(), final_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    // The committed document's only copy: kept under a name the cleanup never removes.
    std::filesystem::path kept = temporary_;
    kept.replace_extension(".kept");
    std::error_code ec;
    std::filesystem::rename(temporary_, kept, ec);
    if (ec) kept = temporary_;
    temporary_.clear();
    return Status::unavailable("cannot name " + final_.string() + " (" + why +
                               "): the document is kept as " + kept.string());
  }
  std::error_code ec;
  std::filesystem::remove(temporary_, ec);
  temporary_.clear();
  int dir_fd = ::open(final_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // the new name survives a power cut
    ::close(dir_fd);
  }
  return Status::ok();
}

void PendingFile::discard() {
  if (temporary_.empty()) return;
  std::error_code ec;
  std::filesystem::remove(temporary_, ec);
  temporary_.clear();
}

int remove_abandoned_files(const std::filesystem::path& dir, const std::string& prefix) {
  std::error_code ec;
  std::vector<std::filesystem::path> found;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    found.push_back(it->path());
  }
  int removed = 0;
  const std::size_t suffix_size = std::strlen(kPartialSuffix);
  for (const auto& path : found) {
    const std::string name = path.filename().string();
    if (name.rfind(prefix, 0) != 0 || name.size() <= prefix.size() + suffix_size ||
        name.compare(name.size() - suffix_size, suffix_size, kPartialSuffix) != 0) {
      continue;
    }
    const pid_t pid = writer_of(name);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    if (std::filesystem::remove(path, ec)) ++removed;
  }
  return removed;
}

}  // namespace steward::print

#include "plugins/child_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace steward::plugins {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

std::string encode_length(std::size_t n) {
  std::string out(4, '\0');
  out[0] = static_cast<char>((n >> 24) & 0xff);
  out[1] = static_cast<char>((n >> 16) & 0xff);
  out[2] = static_cast<char>((n >> 8) & 0xff);
  out[3] = static_cast<char>(n & 0xff);
  return out;
}

std::size_t decode_length(const std::string& h) {
  auto b = [&](int i) { return static_cast<std::size_t>(static_cast<unsigned char>(h[i])); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

bool read_exact(int fd, char* data, std::size_t n) {
  while (n > 0) {
    ssize_t got = ::read(fd, data, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<ChildProcess>> ChildProcess::spawn(const std::vector<std::string>& argv) {
  if (argv.empty()) return Status::internal("spawn: empty argv");
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return Status::unavailable(std::string("socketpair: ") + std::strerror(errno));
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::unavailable(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    ::dup2(fds[1], 0);
    ::dup2(fds[1], 1);
    ::close_range(3, ~0U, 0);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  return std::unique_ptr<ChildProcess>(new ChildProcess(pid, fds[0]));
}

ChildProcess::~ChildProcess() {
  kill();
  if (fd_ >= 0) ::close(fd_);
}

void ChildProcess::kill() {
  if (reaped_) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
}

std::string ChildProcess::fate() {
  int status = 0;
  pid_t r = 0;
  // The child closed its end; give it a moment to finish dying so we can say how.
  for (int i = 0; i < 50; ++i) {
    r = ::waitpid(pid_, &status, WNOHANG);
    if (r != 0) break;
    ::usleep(10000);
  }
  if (r == pid_) {
    reaped_ = true;
    if (WIFSIGNALED(status)) {
      int sig = WTERMSIG(status);
      return "crashed: killed by signal " + std::to_string(sig) + " (" + ::strsignal(sig) + ")";
    }
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  }
  return "closed its connection";
}

Status ChildProcess::wait_ready(short events, int timeout_ms, int total_ms, const char* what) {
  pollfd p{fd_, events, 0};
  while (true) {
    int r = ::poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) {
      return Status::unavailable("did not " + std::string(what) + " within " +
                                 std::to_string(total_ms) +
                                 " ms (hung); the plugin host was "
                                 "killed and restarts on the next call");
    }
    if (r < 0) return Status::unavailable(std::string("poll: ") + std::strerror(errno));
    return Status::ok();
  }
}

Status ChildProcess::send(const std::string& payload, int timeout_ms) {
  if (payload.size() > kMaxFrameBytes) return Status::invalid("plugin message too large");
  std::string frame = encode_length(payload.size()) + payload;
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::size_t sent = 0;
  while (sent < frame.size()) {
    if (Status s = wait_ready(POLLOUT, remaining_ms(deadline), timeout_ms, "accept the request");
        !s)
      return s;
    ssize_t n = ::send(fd_, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) return Status::unavailable(fate());
    sent += static_cast<std::size_t>(n);
  }
  return Status::ok();
}

Result<std::string> ChildProcess::receive(int timeout_ms) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string buffer;
  std::size_t want = 4;
  bool have_header = false;
  while (true) {
    while (buffer.size() < want) {
      if (Status s = wait_ready(POLLIN, remaining_ms(deadline), timeout_ms, "answer"); !s) return s;
      char chunk[65536];
      std::size_t ask = std::min(sizeof chunk, want - buffer.size());
      ssize_t n = ::recv(fd_, chunk, ask, MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) return Status::unavailable(fate());
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
    if (have_header) return buffer.substr(4);
    std::size_t length = decode_length(buffer);
    if (length > kMaxFrameBytes) return Status::unavailable("sent an oversized message");
    want = 4 + length;
    have_header = true;
  }
}

Result<std::string> read_frame(int fd) {
  std::string header(4, '\0');
  if (!read_exact(fd, header.data(), 4)) return Status::not_found("end of input");
  std::size_t length = decode_length(header);
  if (length > kMaxFrameBytes) return Status::invalid("oversized message");
  std::string payload(length, '\0');
  if (!read_exact(fd, payload.data(), length)) return Status::invalid("truncated message");
  return payload;
}

Status write_frame(int fd, const std::string& payload) {
  std::string frame = encode_length(payload.size()) + payload;
  const char* data = frame.data();
  std::size_t left = frame.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::unavailable(std::string("write: ") + std::strerror(errno));
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return Status::ok();
}

}  // namespace steward::plugins

// plugins/child_process.hpp: a child process we talk to with length-prefixed messages (4-byte
// big-endian length, then that many bytes) over a socketpair that becomes the child's stdin
// and stdout. Plain fork/exec + poll; no other process library.
//
// The parent never blocks forever: send() and receive() take a timeout, and a child that dies
// is reported with how it died ("killed by signal 11 (Segmentation fault)"). The destructor
// kills (SIGKILL) and reaps the child. Writes use MSG_NOSIGNAL, so a dead child never raises
// SIGPIPE in the server. Not thread-safe: one caller at a time.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::plugins {

inline constexpr std::size_t kMaxFrameBytes = 256u * 1024u * 1024u;

class ChildProcess {
 public:
  // Starts argv[0] (an absolute path) with argv; all other descriptors are closed in the child.
  static Result<std::unique_ptr<ChildProcess>> spawn(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // kUnavailable with a description of the child's fate on failure or timeout.
  Status send(const std::string& payload, int timeout_ms);
  Result<std::string> receive(int timeout_ms);
  // SIGKILL and reap; idempotent.
  void kill();
  pid_t pid() const { return pid_; }

 private:
  ChildProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
  std::string fate();  // "exited with status 3", "killed by signal 11 (Segmentation fault)"
  Status wait_ready(short events, int timeout_ms, int total_ms, const char* what);
  pid_t pid_;
  int fd_;
  bool reaped_ = false;
};

// The child's side: blocking reads and writes of one frame on a descriptor. read_frame returns
// kNotFound at a clean end of input.
Result<std::string> read_frame(int fd);
Status write_frame(int fd, const std::string& payload);

}  // namespace steward::plugins

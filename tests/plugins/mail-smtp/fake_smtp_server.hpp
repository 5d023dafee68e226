// A tiny SMTP server on 127.0.0.1 for the mailer tests: plain text, no TLS, no AUTH. It accepts
// any recipient except addresses containing "reject" (550) or "later" (451), stores each message
// body, and counts connections (to see that the mailer reuses one).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace steward::testing {

class FakeSmtpServer {
 public:
  FakeSmtpServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listen_fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~FakeSmtpServer() {
    stop_ = true;
    thread_.join();
    ::close(listen_fd_);
  }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  int connections() const { return connections_; }
  std::vector<std::string> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  std::vector<std::string> rcpts() {
    std::lock_guard lock(mutex_);
    return rcpts_;
  }
  // Close the connection instead of answering the end of the next message body.
  void drop_at_end_of_data() { drop_ = true; }

 private:
  void run() {
    while (!stop_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      ++connections_;
      serve(fd);
      ::close(fd);
    }
  }
  bool send(int fd, const std::string& s) {
    return ::send(fd, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // Reads one CRLF line; false when the peer closed or the server stops.
  bool read_line(int fd, std::string& buffer, std::string& line) {
    while (true) {
      auto eol = buffer.find("\r\n");
      if (eol != std::string::npos) {
        line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        return true;
      }
      pollfd p{fd, POLLIN, 0};
      if (stop_) return false;
      if (::poll(&p, 1, 50) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  void serve(int fd) {
    std::string buffer;
    std::string line;
    send(fd, "220 fake.test ESMTP ready\r\n");
    while (read_line(fd, buffer, line)) {
      std::string verb = line.substr(0, 4);
      for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (verb == "EHLO" || verb == "HELO") {
        send(fd, "250-fake.test\r\n250 8BITMIME\r\n");
      } else if (verb == "MAIL") {
        send(fd, "250 2.1.0 sender ok\r\n");
      } else if (verb == "RCPT") {
        {
          std::lock_guard lock(mutex_);
          rcpts_.push_back(line);
        }
        if (line.find("reject") != std::string::npos) {
          send(fd, "550 5.1.1 " + line.substr(8) + ": user unknown\r\n");
        } else if (line.find("later") != std::string::npos) {
          send(fd, "451 4.3.0 mailbox busy, try later\r\n");
        } else {
          send(fd, "250 2.1.5 recipient ok\r\n");
        }
      } else if (verb == "DATA") {
        send(fd, "354 end with <CRLF>.<CRLF>\r\n");
        std::string body;
        while (read_line(fd, buffer, line) && line != ".") body += line + "\r\n";
        if (drop_.exchange(false)) return;
        std::size_t n;
        {
          std::lock_guard lock(mutex_);
          messages_.push_back(body);
          n = messages_.size();
        }
        send(fd, "250 2.0.0 queued as Q" + std::to_string(n) + "\r\n");
      } else if (verb == "RSET" || verb == "NOOP") {
        send(fd, "250 2.0.0 ok\r\n");
      } else if (verb == "QUIT") {
        send(fd, "221 2.0.0 bye\r\n");
        return;
      } else {
        send(fd, "502 5.5.2 command not implemented\r\n");
      }
    }
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> drop_{false};
  std::atomic<int> connections_{0};
  std::mutex mutex_;
  std::vector<std::string> messages_;
  std::vector<std::string> rcpts_;
  std::thread thread_;
};

}  // namespace steward::testing

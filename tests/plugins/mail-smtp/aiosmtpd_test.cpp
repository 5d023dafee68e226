// The SMTP mailer against a real SMTP server on loopback: Debian's python3-aiosmtpd, started by
// the test (plain SMTP, no TLS), which refuses recipients containing "reject" and stores each
// message. Delivery, a rejected recipient, and a PDF attachment with a Korean file name read
// back from what the server received.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "mail_smtp/smtp_mailer.hpp"
#include "mime/parse.hpp"

extern char** environ;

namespace steward::mail_smtp {
namespace {

namespace fs = std::filesystem;

const char* kServer = R"PY(
import os, sys, time
from aiosmtpd.controller import Controller

class Handler:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if 'reject' in address:
            return '550 5.1.1 <%s>: unknown user' % address
        envelope.rcpt_tos.append(address)
        return '250 2.1.5 OK'

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode('utf-8')
        path = os.path.join(self.out, '%d.eml' % self.count)
        with open(path + '.tmp', 'wb') as f:
            f.write(data)
        os.rename(path + '.tmp', path)
        return '250 2.0.0 queued as A%d' % self.count

controller = Controller(Handler(sys.argv[2]), hostname='127.0.0.1', port=int(sys.argv[1]))
controller.start()
while True:
    time.sleep(1)
)PY";

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

bool accepts_connections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

class AiosmtpdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Debian's interpreter, where python3-aiosmtpd is installed (PATH may have another first).
    python_ = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    if (std::system((python_ + " -c 'import aiosmtpd' >/dev/null 2>&1").c_str()) != 0) {
      GTEST_SKIP() << "python3-aiosmtpd is not installed (scripts/deps installs it)";
    }
    dir_ = fs::temp_directory_path() / ("steward-aiosmtpd-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "received");
    std::ofstream(dir_ / "server.py") << kServer;
    port_ = free_port();
    std::string script = (dir_ / "server.py").string();
    std::string port = std::to_string(port_);
    std::string out = (dir_ / "received").string();
    char* argv[] = {python_.data(), script.data(), port.data(), out.data(), nullptr};
    ASSERT_EQ(::posix_spawnp(&pid_, python_.c_str(), nullptr, nullptr, argv, environ), 0);
    for (int i = 0; i < 100 && !accepts_connections(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(accepts_connections(port_)) << "aiosmtpd did not start";
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  SmtpConfig config() const {
    auto c = parse_config(R"({"url": "smtp://127.0.0.1:)" + std::to_string(port_) +
                          R"(", "starttls": "off", "from": "새희망 선교회 <office@example.org>",)"
                          R"( "connect_timeout_seconds": 5, "timeout_seconds": 10})");
    EXPECT_TRUE(c) << c.status().to_string();
    return *c;
  }
  std::string received(int n) const {
    fs::path path = dir_ / "received" / (std::to_string(n) + ".eml");
    for (int i = 0; i < 50 && !fs::exists(path); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string python_;
  fs::path dir_;
  int port_ = 0;
  pid_t pid_ = 0;
};

TEST_F(AiosmtpdTest, DeliversWithAPdfAttachmentAndReportsARejectedRecipient) {
  SmtpMailer mailer(config());
  sdk::MailMessage m;
  m.to = {"김민지 <minji@example.com>", "nobody.reject@example.com"};
  m.subject = "2026년 후원 내역 안내";
  m.text = "김민지 님께,\n\n감사합니다.\n";
  m.attachments.push_back({"후원영수증-2026-000001.pdf", "application/pdf", "%PDF-1.5\n%fake\n"});
  auto statuses = mailer.deliver(m);
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  ASSERT_EQ(statuses->size(), 2U);
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted) << (*statuses)[0].reply;
  EXPECT_NE((*statuses)[0].reply.find("250 2.0.0 queued as A1"), std::string::npos);
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kRejected) << (*statuses)[1].reply;
  EXPECT_NE((*statuses)[1].reply.find("550 5.1.1"), std::string::npos);

  std::string raw = received(1);
  ASSERT_FALSE(raw.empty());
  mime::Part p = mime::parse(raw);
  EXPECT_EQ(p.header("Subject"), "2026년 후원 내역 안내");
  EXPECT_NE(raw.find("filename*0*=UTF-8''"), std::string::npos) << raw.substr(0, 2000);
  EXPECT_NE(raw.find("application/pdf"), std::string::npos);

  // The same connection (or a new one) delivers a second message.
  m.to = {"jane@example.com"};
  auto second = mailer.deliver(m);
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(second->at(0).state, sdk::DeliveryState::kAccepted);
  EXPECT_FALSE(received(2).empty());
}

}  // namespace
}  // namespace steward::mail_smtp

// A real SMTP server on loopback for the mail-smtp tests: Debian's python3-aiosmtpd, started as a
// child process by the test and stopped when the object goes.
//
// What it does, by option:
//   - refuses recipients containing "reject" (550 5.1.1 ... unknown user);
//   - stores each accepted message as received/<n>.eml (the bytes as sent) and appends the
//     mechanism and user of each successful AUTH to auth.log;
//   - tls: STARTTLS with a throw-away self-signed certificate for 127.0.0.1 the test makes with
//     the openssl tool (cert_file() is the file a client must trust); STARTTLS is then required
//     before MAIL, and AUTH is only offered over TLS;
//   - implicit_tls: TLS from the first byte (smtps://) with that certificate;
//   - user/password: AUTH required (mechanisms: `mechanisms`, e.g. {"LOGIN"}; empty = all that
//     aiosmtpd offers, PLAIN and LOGIN);
//   - drop_at = N: the N-th message's connection is cut at the end of its data, before the
//     server answers and without storing it; from then on every MAIL is answered "421 ...
//     service not available" until resume() (a mail server going down mid-batch).
// Tests skip (GTEST_SKIP) when python3-aiosmtpd or openssl is not installed; scripts/deps
// installs both.
#pragma once

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace steward::testing::aiosmtpd {

inline const char* kServerScript = R"PY(
import json, os, ssl, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

cfg = json.loads(sys.argv[1])
out = cfg['dir']

class Handler:
    def __init__(self):
        self.count = 0
        self.data_calls = 0
        self.down = False

    def paused(self):
        return self.down and not os.path.exists(os.path.join(out, 'resume'))

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.paused():
            return '421 4.3.2 Service not available, closing transmission channel'
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return '250 2.1.0 OK'

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if 'reject' in address:
            return '550 5.1.1 <%s>: unknown user' % address
        envelope.rcpt_tos.append(address)
        return '250 2.1.5 OK'

    async def handle_DATA(self, server, session, envelope):
        self.data_calls += 1
        if cfg.get('drop_at') and self.data_calls == cfg['drop_at']:
            self.down = True
            server.transport.abort()
            return '421 4.3.2 dropped'
        self.count += 1
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode('utf-8')
        path = os.path.join(out, 'received', '%d.eml' % self.count)
        with open(path + '.tmp', 'wb') as f:
            f.write(data)
        os.rename(path + '.tmp', path)
        return '250 2.0.0 queued as A%d' % self.count

def authenticator(server, session, envelope, mechanism, auth_data):
    if not isinstance(auth_data, LoginPassword):
        return AuthResult(success=False, handled=False)
    ok = (auth_data.login.decode() == cfg.get('user') and
          auth_data.password.decode() == cfg.get('password'))
    if ok:
        with open(os.path.join(out, 'auth.log'), 'a') as f:
            f.write('%s %s\n' % (mechanism, auth_data.login.decode()))
    return AuthResult(success=ok, handled=False)

kwargs = {}
context = None
if cfg.get('cert'):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cfg['cert'], cfg['key'])
if cfg.get('tls'):
    kwargs['tls_context'] = context
    kwargs['require_starttls'] = True
if cfg.get('implicit_tls'):
    kwargs['ssl_context'] = context
    kwargs['server_hostname'] = '127.0.0.1'
if cfg.get('user'):
    kwargs['authenticator'] = authenticator
    kwargs['auth_required'] = True
    # With implicit TLS aiosmtpd does not see the TLS layer (it only tracks STARTTLS), so it
    # must not insist on it itself: the connection is encrypted from the first byte anyway.
    kwargs['auth_require_tls'] = bool(cfg.get('tls'))
    offered = cfg.get('mechanisms') or []
    if offered:
        kwargs['auth_exclude_mechanism'] = [m for m in ('PLAIN', 'LOGIN') if m not in offered]

controller = Controller(Handler(), hostname='127.0.0.1', port=int(cfg['port']), **kwargs)
controller.start()
with open(os.path.join(out, 'ready'), 'w') as f:
    f.write('ready')
while True:
    time.sleep(1)
)PY";

struct Options {
  bool tls = false;           // STARTTLS required
  bool implicit_tls = false;  // smtps://
  std::string user;           // AUTH required when set
  std::string password;
  std::vector<std::string> mechanisms;  // offered AUTH mechanisms; empty = PLAIN and LOGIN
  int drop_at = 0;                      // cut the connection at the end of this message's data
};

inline std::string python() {
  // Debian's interpreter, where python3-aiosmtpd is installed (PATH may have another first).
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

inline bool available(std::string& why) {
  if (std::system((python() + " -c 'import aiosmtpd' >/dev/null 2>&1").c_str()) != 0) {
    why = "python3-aiosmtpd is not installed (scripts/deps installs it)";
    return false;
  }
  return true;
}

inline int unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) ::close(fd);
    return 0;  // the caller's server then fails to start and says so
  }
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

class Server {
 public:
  // Starts the server; on failure, error() says why (the test should skip or fail with it).
  explicit Server(Options options) : options_(std::move(options)) {
    namespace fs = std::filesystem;
    static std::atomic<int> serial{0};
    dir_ = fs::temp_directory_path() /
           ("steward-aiosmtpd-" + std::to_string(::getpid()) + "-" + std::to_string(++serial));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "received");
    std::ofstream(dir_ / "server.py") << kServerScript;
    if ((options_.tls || options_.implicit_tls) && !make_certificate()) return;
    port_ = unused_port();
    nlohmann::json cfg = {{"dir", dir_.string()},        {"port", port_},
                          {"tls", options_.tls},         {"implicit_tls", options_.implicit_tls},
                          {"drop_at", options_.drop_at}, {"mechanisms", options_.mechanisms}};
    if (!options_.user.empty()) {
      cfg["user"] = options_.user;
      cfg["password"] = options_.password;
    }
    if (options_.tls || options_.implicit_tls) {
      cfg["cert"] = cert_file();
      cfg["key"] = (dir_ / "key.pem").string();
    }
    std::string py = python();
    std::string script = (dir_ / "server.py").string();
    std::string arg = cfg.dump();
    char* argv[] = {py.data(), script.data(), arg.data(), nullptr};
    if (::posix_spawnp(&pid_, py.c_str(), nullptr, nullptr, argv, environ) != 0) {
      error_ = "could not start " + py;
      pid_ = 0;
      return;
    }
    for (int i = 0; i < 150 && !fs::exists(dir_ / "ready"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!fs::exists(dir_ / "ready")) error_ = "aiosmtpd did not start";
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    std::filesystem::remove_all(dir_);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  const std::string& error() const { return error_; }
  int port() const { return port_; }
  std::string url() const {
    return std::string(options_.implicit_tls ? "smtps" : "smtp") +
           "://127.0.0.1:" + std::to_string(port_);
  }
  std::string cert_file() const { return (dir_ / "cert.pem").string(); }
  // The server takes mail again after drop_at.
  void resume() const { std::ofstream(dir_ / "resume") << "resume"; }

  // Every message stored so far, in order of arrival.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (int n = 1;; ++n) {
      auto path = dir_ / "received" / (std::to_string(n) + ".eml");
      if (!std::filesystem::exists(path)) break;
      out.push_back(read(path));
    }
    return out;
  }
  // Waits up to five seconds for the n-th message (1-based); "" when it never came.
  std::string message(int n) const {
    auto path = dir_ / "received" / (std::to_string(n) + ".eml");
    for (int i = 0; i < 50 && !std::filesystem::exists(path); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::filesystem::exists(path) ? read(path) : "";
  }
  // "PLAIN office" lines, one per successful AUTH.
  std::string auth_log() const { return read(dir_ / "auth.log"); }

 private:
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  bool make_certificate() {
    const std::string cmd =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
        " -addext subjectAltName=IP:127.0.0.1 -keyout '" +
        (dir_ / "key.pem").string() + "' -out '" + cert_file() + "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      error_ = "the openssl tool could not make a test certificate (scripts/deps installs it)";
      return false;
    }
    return true;
  }

  Options options_;
  std::filesystem::path dir_;
  std::string error_;
  int port_ = 0;
  pid_t pid_ = 0;
};

}  // namespace steward::testing::aiosmtpd

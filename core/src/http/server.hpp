// The HTTP server behind `steward serve`: Boost.Beast over Boost.Asio with a fixed pool of I/O
// threads, and a separate pool of worker threads for the application (database work never runs
// on an I/O thread). It answers itself:
//   GET /healthz  200 {"status":"ok"} while the process runs
//   GET /readyz   200 when the database answers and its migrations are current, else 503
// and hands every other request to the application handler (http/api.hpp), converted to a
// plain http::Request. Header (16 KiB) and body limits, read/write timeouts (a slow client
// cannot hold a connection), security headers on every response, and one JSON access-log line
// per request (no bodies, no cookies, no tokens). Optionally HTTPS only (tls_cert_file and
// tls_key_file; reloaded on SIGHUP or when the files change, see http/tls_context.hpp), with
// plain and TLS connections served by one Session template; behind a
// trusted proxy the client address and scheme come from X-Forwarded-For/-Proto. Secure
// requests (TLS, or https at a trusted proxy) get Strict-Transport-Security.
//
// run() blocks until SIGINT/SIGTERM (or stop()), then stops accepting, lets in-flight requests
// finish and returns. Thread-safety: stop() may be called from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;
  int request_timeout_seconds = 30;  // to read a whole request, or write a response
  int idle_timeout_seconds = 60;     // keep-alive connection with no request
  std::size_t body_limit = 1024 * 1024;
  // POST/PUT bodies to these paths (and below them) may be as large as upload_body_limit: plugin
  // libraries and payment files. Everything else keeps body_limit.
  std::size_t upload_body_limit = 64 * 1024 * 1024;
  std::vector<std::string> upload_paths = {"/api/v1/plugins", "/api/v1/imports"};
  int worker_threads = 4;
  // Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (http/forwarded.hpp).
  std::vector<std::string> trusted_proxies;
  // With both set the server speaks HTTPS only (TLS 1.2+), and sends HSTS.
  std::string tls_cert_file;
  std::string tls_key_file;
  // New connections get a renewed certificate: on SIGHUP, or when the cert or key file's
  // modification time changed, looked at on accept at most this often (0 = every accept).
  int tls_check_seconds = 60;
  bool tls() const { return !tls_cert_file.empty(); }
};

// Answers whether the service can take traffic (the database is reachable and current).
using ReadinessProbe = std::function<Status()>;
struct Request;
struct Response;
// The application: called on a worker thread for every request the server does not answer.
using AppHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, ReadinessProbe readiness, AppHandler app = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS certificate and key (when set) and binds the listening socket. Errors:
  // kInvalid naming tls.cert_file / tls.key_file for a missing or bad file; kUnavailable when
  // the address is taken or invalid.
  Status bind();
  // The port actually bound (useful with port 0).
  std::uint16_t port() const;
  // Serves until a signal or stop(); returns after a graceful shutdown.
  void run();
  void stop();
  // Loads the TLS certificate and key again for new connections (what SIGHUP does); open
  // connections are not touched. Errors: those of bind() for the files (logged; the previous
  // certificate stays in use), kPreconditionFailed without TLS.
  Status reload_tls();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080"). Errors name the bad part.
Result<ServerOptions> parse_listen(const std::string& listen, ServerOptions base = {});

}  // namespace steward::http

#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <string_view>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "http/beast_convert.hpp"
#include "http/forwarded.hpp"
#include "http/message.hpp"
#include "http/tls_context.hpp"

namespace steward::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

Response plain_json(int status, const nlohmann::json& body) { return Response::json(status, body); }

// Whether `target` (path and query) is one of `paths` or below it.
bool is_upload_path(std::string_view target, const std::vector<std::string>& paths) {
  std::string_view path = target.substr(0, target.find('?'));
  for (const std::string& p : paths) {
    if (path.starts_with(p) && (path.size() == p.size() || path[p.size()] == '/')) return true;
  }
  return false;
}

// One JSON line per request on the "access" logger: no bodies, cookies or tokens.
void log_access(const Request& req, const BeastRequest& raw, int status,
                std::chrono::steady_clock::time_point started, const std::string& user,
                const std::string& request_id) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
  nlohmann::json line = {{"time", domain::utc_now_iso()},
                         {"request_id", request_id},
                         {"method", std::string(raw.method_string())},
                         {"path", req.path.empty() ? "(malformed)" : req.path},
                         {"status", status},
                         {"duration_ms", static_cast<double>(micros) / 1000.0},
                         {"user", user.empty() ? nlohmann::json(nullptr) : nlohmann::json(user)},
                         {"remote_addr", req.remote_addr}};
  auto logger = spdlog::get("access");
  if (!logger) logger = spdlog::default_logger();
  logger->info("{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// What every connection shares: the options, the application, the worker pool, the trusted
// proxies and (for HTTPS) the TLS context. Owned by Server::Impl, outlives the sessions.
struct Shared {
  const ServerOptions& options;
  const ReadinessProbe& readiness;
  const AppHandler& app;
  asio::thread_pool& workers;
  const TrustedProxies& proxies;
  std::shared_ptr<asio::ssl::context> tls;  // the context current when the connection came
};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
Stream make_stream(tcp::socket socket, asio::ssl::context* tls);
template <>
PlainStream make_stream<PlainStream>(tcp::socket socket, asio::ssl::context*) {
  return PlainStream(std::move(socket));
}
template <>
TlsStream make_stream<TlsStream>(tcp::socket socket, asio::ssl::context* tls) {
  return TlsStream(std::move(socket), *tls);
}

constexpr const char* kHsts = "max-age=31536000; includeSubDomains";

// One connection, over a plain TCP stream or a TLS stream: the same code for both, with the
// handshake and the closing that differ chosen at compile time.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  Session(tcp::socket socket, const Shared& shared)
      : tls_(shared.tls),
        stream_(make_stream<Stream>(std::move(socket), tls_.get())),
        options_(shared.options),
        readiness_(shared.readiness),
        app_(shared.app),
        workers_(shared.workers),
        proxies_(shared.proxies) {
    beast::error_code ec;
    auto endpoint = lowest().socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  void start() {
    if constexpr (kTls) {
      // A client that does not speak TLS (plain HTTP) fails the handshake and gets no answer.
      lowest().expires_after(std::chrono::seconds(options_.request_timeout_seconds));
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (ec) {
                                  self->drop();
                                } else {
                                  self->read();
                                }
                              });
    } else {
      read();
    }
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void read() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // The header decides the real limit (read_body); Beast checks Content-Length against the
    // limit in force when the header ends, so it starts at the larger of the two.
    parser_->body_limit(std::max(options_.body_limit, options_.upload_body_limit));
    // Waiting for the first byte of the next request counts against the idle timeout; a
    // started request must arrive within the request timeout (slowloris).
    lowest().expires_after(std::chrono::seconds(
        std::min(options_.idle_timeout_seconds, options_.request_timeout_seconds * 2)));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) {
                                 self->on_read(ec);
                               } else {
                                 self->read_body();
                               }
                             });
  }

  // After the header: upload routes may send larger bodies than the rest.
  void read_body() {
    const auto& header = parser_->get();
    const bool upload =
        (header.method() == bhttp::verb::post || header.method() == bhttp::verb::put) &&
        is_upload_path(std::string_view(header.target().data(), header.target().size()),
                       options_.upload_paths);
    const std::size_t limit = upload ? options_.upload_body_limit : options_.body_limit;
    if (auto length = parser_->content_length(); length && *length > limit) {
      on_read(bhttp::error::body_limit);
      return;
    }
    parser_->body_limit(limit);  // enforced as a chunked body arrives
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_read(ec);
                      });
  }

  void on_read(beast::error_code ec) {
    started_ = std::chrono::steady_clock::now();
    secure_ = kTls;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::ssl::error::stream_truncated) {
      close();
      return;
    }
    if (ec) {
      int status = ec == bhttp::error::body_limit     ? 413
                   : ec == bhttp::error::header_limit ? 431
                                                      : 400;
      Response r = Response::problem(status, status == 413 ? "too-large" : "bad-request",
                                     status == 413   ? "the request body is too large"
                                     : status == 431 ? "the request headers are too large"
                                                     : "malformed HTTP request",
                                     ec.message());
      send(r, 11, false, "-");
      return;
    }
    request_ = parser_->release();
    request_id_ = request_id_for(request_);
    auto converted = to_request(request_, remote_, request_id_);
    const bool keep = request_.keep_alive();
    const unsigned version = request_.version();
    if (!converted) {
      Request empty;
      empty.remote_addr = remote_;
      Response r = Response::problem(400, "bad-request", "the request target is malformed",
                                     "check the percent-escapes and the path");
      log_access(empty, request_, r.status, started_, "", request_id_);
      send(r, version, keep, request_id_);
      return;
    }
    converted->secure = kTls;
    proxies_.apply(*converted);
    secure_ = converted->secure;
    if (auto own = answer_operational(*converted)) {
      log_access(*converted, request_, own->status, started_, "", request_id_);
      send(*own, version, keep, request_id_);
      return;
    }
    // Application work runs on a worker thread; the answer is written back on this
    // connection's strand.
    auto self = this->shared_from_this();
    auto request = std::make_shared<Request>(std::move(*converted));
    // Keeps the I/O loop alive (also during shutdown) until the answer is written.
    auto guard = asio::make_work_guard(stream_.get_executor());
    asio::post(workers_, [self, request, keep, version, guard = std::move(guard)]() mutable {
      Response r;
      try {
        r = self->app_ ? self->app_(*request)
                       : Response::problem(404, "not-found", "no such resource", request->path);
      } catch (const std::exception& e) {
        spdlog::error("request {} failed: {}", self->request_id_, e.what());
        r = Response::from_status(Status::internal("request failed"));
      }
      log_access(*request, self->request_, r.status, self->started_, r.log_user, self->request_id_);
      asio::post(self->stream_.get_executor(), [self, r = std::move(r), keep, version] {
        self->send(r, version, keep, self->request_id_);
      });
      guard.reset();
    });
  }

  // /healthz and /readyz, answered without the application.
  std::optional<Response> answer_operational(const Request& req) {
    if (req.path != "/healthz" && req.path != "/readyz") return std::nullopt;
    if (req.method != "GET" && req.method != "HEAD") {
      Response r = Response::problem(405, "method-not-allowed", "only GET is supported here");
      r.set("Allow", "GET, HEAD");
      return r;
    }
    if (req.path == "/healthz") return plain_json(200, {{"status", "ok"}});
    Status ready = readiness_ ? readiness_() : Status::ok();
    if (ready) return plain_json(200, {{"status", "ready"}});
    return plain_json(503, {{"status", "unavailable"}, {"detail", ready.message()}});
  }

  void send(const Response& response, unsigned version, bool keep, const std::string& request_id) {
    auto shared = std::make_shared<BeastResponse>(to_beast(response, version, keep, request_id));
    if (secure_) shared->set(bhttp::field::strict_transport_security, kHsts);
    lowest().expires_after(std::chrono::seconds(options_.request_timeout_seconds));
    bhttp::async_write(
        stream_, *shared,
        [self = this->shared_from_this(), shared, keep](beast::error_code ec, std::size_t) {
          if (ec || !keep) {
            self->close();
          } else {
            self->read();
          }
        });
  }

  void close() {
    if constexpr (kTls) {
      // close_notify, bounded in time; then the socket goes.
      lowest().expires_after(std::chrono::seconds(2));
      stream_.async_shutdown(
          [self = this->shared_from_this()](beast::error_code) { self->drop(); });
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      linger();
    }
  }

  void drop() {
    beast::error_code ignored;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    lowest().socket().close(ignored);
  }

  // Lingering close: reads and discards what the client is still sending (a refused oversized
  // body) for a short while, so closing does not reset the connection before the client has
  // read our answer. Bounded in time and bytes.
  void linger() {
    if (lingered_ > 4 * 1024 * 1024) return;
    lowest().expires_after(std::chrono::seconds(2));
    lowest().async_read_some(asio::buffer(drain_), [self = this->shared_from_this()](
                                                       beast::error_code ec, std::size_t n) {
      self->lingered_ += n;
      if (!ec) self->linger();
    });
  }

  // Held for the connection's life: a certificate reload does not pull it from under us.
  std::shared_ptr<asio::ssl::context> tls_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  BeastRequest request_;
  const ServerOptions& options_;
  const ReadinessProbe& readiness_;
  const AppHandler& app_;
  asio::thread_pool& workers_;
  const TrustedProxies& proxies_;
  std::string remote_;
  std::string request_id_;
  bool secure_ = kTls;  // this request came over TLS or https at a trusted proxy
  std::chrono::steady_clock::time_point started_;
  std::array<char, 8192> drain_{};
  std::size_t lingered_ = 0;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  ReadinessProbe readiness;
  AppHandler app;
  std::unique_ptr<asio::thread_pool> workers;
  TrustedProxies proxies;
  std::unique_ptr<TlsContextSource> tls;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  asio::signal_set hangup{io};  // SIGHUP reloads the TLS certificate (with TLS only)
  std::atomic<bool> stopping{false};

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!stopping) accept();
        return;
      }
      Shared shared{options, readiness, app, *workers, proxies, tls ? tls->current() : nullptr};
      if (tls) {
        std::make_shared<Session<TlsStream>>(std::move(socket), shared)->start();
      } else {
        std::make_shared<Session<PlainStream>>(std::move(socket), shared)->start();
      }
      accept();
    });
  }

  void shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: no new connections; finishing requests in flight");
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    hangup.cancel(ignored);
  }

  void wait_for_hangup() {
    hangup.async_wait([this](beast::error_code ec, int) {
      if (ec || stopping) return;
      spdlog::info("SIGHUP: reloading the TLS certificate");
      if (tls) (void)tls->reload();
      wait_for_hangup();
    });
  }
};

Server::Server(ServerOptions options, ReadinessProbe readiness, AppHandler app)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->readiness = std::move(readiness);
  impl_->app = std::move(app);
  impl_->workers = std::make_unique<asio::thread_pool>(std::max(1, impl_->options.worker_threads));
  impl_->proxies = TrustedProxies(impl_->options.trusted_proxies);
}

Server::~Server() = default;

Status Server::bind() {
  if (impl_->options.tls() || !impl_->options.tls_key_file.empty()) {
    auto tls =
        TlsContextSource::open(impl_->options.tls_cert_file, impl_->options.tls_key_file,
                               std::chrono::seconds(std::max(0, impl_->options.tls_check_seconds)));
    if (!tls) return tls.status();
    impl_->tls = std::move(tls.value());
  }
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec)
    return Status::invalid_field("listen", "'" + impl_->options.host + "' is not an IP address");
  tcp::endpoint endpoint{address, impl_->options.port};
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::unavailable("cannot listen on " + impl_->options.host + ":" +
                               std::to_string(impl_->options.port) + ": " + ec.message());
  }
  return Status::ok();
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->shutdown();
  });
  if (impl_->tls) {
    beast::error_code ignored;
    impl_->hangup.add(SIGHUP, ignored);
    impl_->wait_for_hangup();
  }
  impl_->accept();
  int n = std::max(1, impl_->options.io_threads);
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
  // In-flight application work finishes before run() returns.
  impl_->workers->join();
}

Status Server::reload_tls() {
  if (!impl_->tls) return Status::precondition_failed("the server does not use TLS");
  return impl_->tls->reload();
}

void Server::stop() {
  asio::post(impl_->io, [this] { impl_->shutdown(); });
}

Result<ServerOptions> parse_listen(const std::string& listen, ServerOptions base) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::invalid_field("listen", "'" + listen + "' is not HOST:PORT");
  }
  std::string host = listen.substr(0, colon);
  std::string port_text = listen.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535 ||
      host.empty()) {
    return Status::invalid_field("listen", "'" + listen + "' is not HOST:PORT");
  }
  base.host = host;
  base.port = static_cast<std::uint16_t>(port);
  return base;
}

}  // namespace steward::http

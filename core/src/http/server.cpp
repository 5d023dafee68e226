#include "http/server.hpp"

#include <atomic>
#include <charconv>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <nlohmann/json.hpp>

namespace steward::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

bhttp::response<bhttp::string_body> json_response(bhttp::status status, const nlohmann::json& body,
                                                  unsigned version, bool keep_alive,
                                                  const char* content_type = "application/json") {
  bhttp::response<bhttp::string_body> res{status, version};
  res.set(bhttp::field::server, "steward");
  res.set(bhttp::field::content_type, content_type);
  res.set(bhttp::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(keep_alive);
  res.body() = body.dump();
  res.prepare_payload();
  return res;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ReadinessProbe& readiness, int timeout_seconds)
      : stream_(std::move(socket)), readiness_(readiness), timeout_(timeout_seconds) {}

  void start() { read(); }

 private:
  void read() {
    request_ = {};
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(64 * 1024);
    stream_.expires_after(std::chrono::seconds(timeout_));
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted) {
      close();
      return;
    }
    if (ec) {
      respond(json_response(bhttp::status::bad_request,
                            {{"type", "about:blank#bad-request"},
                             {"title", "malformed HTTP request"},
                             {"detail", ec.message()}},
                            11, false, "application/problem+json"));
      return;
    }
    request_ = parser_->release();
    respond(handle());
  }

  bhttp::response<bhttp::string_body> handle() {
    const auto& req = request_;
    std::string target(req.target());
    std::string path = target.substr(0, target.find('?'));
    bool keep = req.keep_alive();
    if (req.method() != bhttp::verb::get && req.method() != bhttp::verb::head) {
      auto res = json_response(
          bhttp::status::method_not_allowed,
          {{"type", "about:blank#method-not-allowed"}, {"title", "only GET is supported here"}},
          req.version(), keep, "application/problem+json");
      res.set(bhttp::field::allow, "GET, HEAD");
      return res;
    }
    if (path == "/healthz") {
      return json_response(bhttp::status::ok, {{"status", "ok"}}, req.version(), keep);
    }
    if (path == "/readyz") {
      Status ready = readiness_ ? readiness_() : Status::ok();
      if (ready)
        return json_response(bhttp::status::ok, {{"status", "ready"}}, req.version(), keep);
      return json_response(bhttp::status::service_unavailable,
                           {{"status", "unavailable"}, {"detail", ready.message()}}, req.version(),
                           keep);
    }
    return json_response(
        bhttp::status::not_found,
        {{"type", "about:blank#not-found"}, {"title", "no such resource"}, {"detail", path}},
        req.version(), keep, "application/problem+json");
  }

  void respond(bhttp::response<bhttp::string_body> res) {
    auto shared = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(res));
    bool keep = shared->keep_alive();
    stream_.expires_after(std::chrono::seconds(timeout_));
    bhttp::async_write(
        stream_, *shared,
        [self = shared_from_this(), shared, keep](beast::error_code ec, std::size_t) {
          if (ec || !keep) {
            self->close();
          } else {
            self->read();
          }
        });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::request<bhttp::string_body> request_;
  const ReadinessProbe& readiness_;
  int timeout_;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  ReadinessProbe readiness;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!stopping) accept();
        return;
      }
      std::make_shared<Session>(std::move(socket), readiness, options.request_timeout_seconds)
          ->start();
      accept();
    });
  }

  void shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: no new connections; finishing requests in flight");
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
  }
};

Server::Server(ServerOptions options, ReadinessProbe readiness) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->readiness = std::move(readiness);
}

Server::~Server() = default;

Status Server::bind() {
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
  impl_->accept();
  int n = std::max(1, impl_->options.io_threads);
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
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

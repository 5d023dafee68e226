#include "support/cut_proxy.hpp"

#include <array>
#include <future>
#include <thread>
#include <utility>  // before Boost.Asio 1.74, whose awaitable.hpp needs std::exchange
#include <vector>

#include <boost/asio.hpp>

namespace steward::testing {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// One forwarded connection: bytes copied both ways until either side closes.
struct Link : std::enable_shared_from_this<Link> {
  explicit Link(asio::io_context& io) : client(io), server(io) {}
  tcp::socket client;
  tcp::socket server;
  std::array<char, 16384> up{};
  std::array<char, 16384> down{};

  void close() {
    boost::system::error_code ignored;
    client.close(ignored);
    server.close(ignored);
  }
  void pump(tcp::socket& from, tcp::socket& to, std::array<char, 16384>& buf) {
    auto self = shared_from_this();
    from.async_read_some(asio::buffer(buf), [self, &from, &to, &buf](auto ec, std::size_t n) {
      if (ec) return self->close();
      asio::async_write(to, asio::buffer(buf.data(), n), [self, &from, &to, &buf](auto wec, auto) {
        if (wec) return self->close();
        self->pump(from, to, buf);
      });
    });
  }
};

}  // namespace

struct CutProxy::State {
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  tcp::acceptor acceptor{io};
  tcp::endpoint target;
  unsigned short port = 0;
  std::vector<std::weak_ptr<Link>> links;
  std::thread thread;

  void listen() {
    tcp::endpoint at(asio::ip::make_address("127.0.0.1"), port);
    acceptor.open(at.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(at);
    acceptor.listen();
    port = acceptor.local_endpoint().port();
    accept();
  }
  void accept() {
    auto link = std::make_shared<Link>(io);
    acceptor.async_accept(link->client, [this, link](auto ec) {
      if (ec) return;  // closed by cut()
      links.push_back(link);
      link->server.async_connect(target, [link](auto cec) {
        if (cec) return link->close();
        link->pump(link->client, link->server, link->up);
        link->pump(link->server, link->client, link->down);
      });
      accept();
    });
  }
  // Runs f on the proxy's thread and waits for it.
  template <typename F>
  void on_thread(F f) {
    std::promise<void> done;
    asio::post(io, [&] {
      f();
      done.set_value();
    });
    done.get_future().get();
  }
};

CutProxy::CutProxy(const std::string& target_host, unsigned short target_port)
    : state_(std::make_unique<State>()) {
  state_->target = tcp::endpoint(asio::ip::make_address(target_host), target_port);
  state_->listen();
  state_->thread = std::thread([s = state_.get()] { s->io.run(); });
}

CutProxy::~CutProxy() {
  cut();
  state_->work.reset();
  state_->io.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

unsigned short CutProxy::port() const { return state_->port; }

void CutProxy::cut() {
  state_->on_thread([s = state_.get()] {
    boost::system::error_code ignored;
    s->acceptor.close(ignored);
    for (auto& weak : s->links)
      if (auto link = weak.lock()) link->close();
    s->links.clear();
  });
}

void CutProxy::restore() {
  state_->on_thread([s = state_.get()] {
    if (!s->acceptor.is_open()) s->listen();
  });
}

}  // namespace steward::testing

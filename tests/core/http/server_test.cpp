#include "http/server.hpp"

#include <thread>

#include <gtest/gtest.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace steward::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

struct Reply {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};

Reply send_raw(std::uint16_t port, const std::string& raw) {
  boost::asio::io_context io;
  tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  boost::asio::write(socket, boost::asio::buffer(raw));
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(socket, buffer, res);
  return {res.result_int(), std::string(res[bhttp::field::content_type]), res.body()};
}

Reply get(std::uint16_t port, const std::string& path, const char* method = "GET") {
  return send_raw(port, std::string(method) + " " + path +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

class ServerTest : public ::testing::Test {
 protected:
  void start(ReadinessProbe probe) {
    ServerOptions options;
    options.port = 0;  // any free port
    server_ = std::make_unique<Server>(options, std::move(probe));
    ASSERT_TRUE(server_->bind().is_ok());
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, HealthzAnswersOkWhileTheProcessRuns) {
  start(nullptr);
  Reply r = get(server_->port(), "/healthz");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, R"({"status":"ok"})");
}

TEST_F(ServerTest, ReadyzReportsTheDatabaseProbe) {
  bool ready = false;
  start([&] { return ready ? Status::ok() : Status::unavailable("database unreachable"); });
  Reply down = get(server_->port(), "/readyz");
  EXPECT_EQ(down.status, 503u);
  EXPECT_NE(down.body.find("database unreachable"), std::string::npos);
  ready = true;
  EXPECT_EQ(get(server_->port(), "/readyz").status, 200u);
}

TEST_F(ServerTest, UnknownPathsAndMethodsAreProblemsNotCrashes) {
  start(nullptr);
  Reply missing = get(server_->port(), "/nope");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.content_type, "application/problem+json");
  EXPECT_EQ(get(server_->port(), "/healthz", "DELETE").status, 405u);
  Reply garbage = send_raw(server_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.status, 400u);
  EXPECT_EQ(get(server_->port(), "/healthz").status, 200u);  // still serving
}

TEST(ParseListen, AcceptsHostPortAndNamesTheFieldOtherwise) {
  auto ok = parse_listen("127.0.0.1:9090");
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->host, "127.0.0.1");
  EXPECT_EQ(ok->port, 9090);
  auto v6 = parse_listen("[::1]:80");
  ASSERT_TRUE(v6.is_ok());
  EXPECT_EQ(v6->host, "::1");
  for (const char* bad : {"127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:99999", "host:port"}) {
    auto r = parse_listen(bad);
    ASSERT_FALSE(r.is_ok()) << bad;
    EXPECT_EQ(r.status().fields().at(0).field, "listen");
  }
}

}  // namespace
}  // namespace steward::http

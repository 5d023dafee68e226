#include "support/api_server.hpp"

#include <sodium.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "http/message.hpp"
#include "store/user_repository.hpp"

namespace steward::testing {
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

HttpReply HttpClient::request(const std::string& method, const std::string& target,
                              const std::string& body, std::map<std::string, std::string> headers) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.method_string(method);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  if (!session_cookie.empty()) {
    req.set(bhttp::field::cookie, std::string(http::kSessionCookie) + "=" + session_cookie);
  }
  if (!csrf_token.empty()) req.set("X-CSRF-Token", csrf_token);
  if (!bearer.empty()) req.set(bhttp::field::authorization, "Bearer " + bearer);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  // A server may answer (413) and stop reading before a large body is sent: read its answer
  // even when the write was cut short.
  beast::error_code write_error;
  bhttp::write(stream, req, write_error);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto res = parser.release();
  HttpReply reply;
  reply.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(f.value());
  }
  reply.body = res.body();
  std::string cookie = reply.header("set-cookie");
  std::string prefix = std::string(http::kSessionCookie) + "=";
  if (cookie.rfind(prefix, 0) == 0)
    session_cookie = cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return reply;
}

void ApiTest::SetUp() {
  ASSERT_GE(sodium_init(), 0);
  DatabaseTest::SetUp();
  if (::testing::Test::IsSkipped() || HasFatalFailure()) return;
  http::ApiOptions api = api_options();
  http::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.io_threads = 1;
  options.worker_threads = 2;
  configure(api, options);
  api_ = std::make_unique<http::Api>(db(), api);
  http::register_routes(*api_);
  server_ = std::make_unique<http::Server>(options, nullptr,
                                           [this](http::Request& r) { return api_->handle(r); });
  ASSERT_TRUE(server_->bind());
  port_ = server_->port();
  thread_ = std::thread([this] { server_->run(); });
}

void ApiTest::TearDown() {
  if (server_) {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  server_.reset();
  api_.reset();
  DatabaseTest::TearDown();
}

long long ApiTest::create_user(const std::string& username, auth::Role role, bool restricted) {
  domain::NewUser input{username, username, std::nullopt, role, restricted, kTestPassword, false};
  auto user = db().write(actor(), [&](store::Unit& u) { return store::users::create(u, input); });
  EXPECT_TRUE(user) << user.status().message();
  return user ? user.value().id : 0;
}

HttpClient ApiTest::sign_in_as(const std::string& username, auth::Role role, bool restricted) {
  create_user(username, role, restricted);
  HttpClient c = client();
  HttpReply r = c.post("/api/v1/session",
                       nlohmann::json{{"username", username}, {"password", kTestPassword}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  c.csrf_token = r.json().value("csrf_token", "");
  return c;
}

}  // namespace steward::testing

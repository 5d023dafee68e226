// HTTPS: with a certificate and key the server speaks TLS only. A throw-away self-signed
// certificate is made with the openssl command in a temporary folder; an Asio SSL client signs
// in (Secure cookie, HSTS) and a plain-HTTP client gets no answer. Bad files fail bind() naming
// the file.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>

#include "http/server.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace fs = std::filesystem;

// A self-signed certificate for 127.0.0.1 in a fresh temporary folder.
struct ThrowAwayCertificate {
  fs::path dir;
  std::string cert;
  std::string key;
  ThrowAwayCertificate() {
    dir = fs::temp_directory_path() /
          ("steward-tls-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    cert = (dir / "cert.pem").string();
    key = (dir / "key.pem").string();
    std::string cmd =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
        "-days 1 -subj /CN=127.0.0.1 -keyout '" +
        key + "' -out '" + cert + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static inline int counter_ = 0;
  ~ThrowAwayCertificate() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

// One request over TLS, trusting only `ca_file`.
HttpReply tls_request(unsigned short port, const std::string& ca_file, const std::string& method,
                      const std::string& target, const std::string& body,
                      const std::map<std::string, std::string>& headers) {
  asio::io_context io;
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  ctx.load_verify_file(ca_file);
  ctx.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
  beast::get_lowest_layer(stream).connect(
      asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  stream.handshake(asio::ssl::stream_base::client);
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(stream, buffer, res);
  HttpReply reply;
  reply.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(f.value());
  }
  reply.body = res.body();
  beast::error_code ignored;
  stream.shutdown(ignored);
  return reply;
}

class ApiTlsTest : public ApiTest {
 protected:
  void configure(http::ApiOptions& api, http::ServerOptions& server) override {
    server.tls_cert_file = cert_.cert;
    server.tls_key_file = cert_.key;
    api.secure_cookies = true;  // what `serve` sets with TLS
  }
  ThrowAwayCertificate cert_;
};

TEST_P(ApiTlsTest, SignsInOverHttpsWithASecureCookieAndHsts) {
  create_user("grace", auth::Role::kAdmin);
  HttpReply in = tls_request(port(), cert_.cert, "POST", "/api/v1/session",
                             R"({"username":"grace","password":"river-lantern-oak-97"})", {});
  ASSERT_EQ(in.status, 201) << in.body;
  std::string cookie = in.header("set-cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(in.header("strict-transport-security").find("max-age="), std::string::npos);
  std::string token = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
  HttpReply me = tls_request(port(), cert_.cert, "GET", "/api/v1/session", "",
                             {{"Cookie", std::string(http::kSessionCookie) + "=" + token}});
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["user"]["username"], "grace");
  HttpReply made = tls_request(port(), cert_.cert, "POST", "/api/v1/funds",
                               R"({"code":"MED","name":"의료 지원"})",
                               {{"Cookie", std::string(http::kSessionCookie) + "=" + token},
                                {"X-CSRF-Token", in.json()["csrf_token"].get<std::string>()}});
  EXPECT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["name"], "의료 지원");
  EXPECT_NE(tls_request(port(), cert_.cert, "GET", "/healthz", "", {})
                .header("strict-transport-security"),
            "");
}

TEST_P(ApiTlsTest, APlainHttpClientGetsNoAnswer) {
  HttpClient plain = client();
  HttpReply r;
  EXPECT_ANY_THROW(r = plain.get("/healthz"));
  EXPECT_EQ(r.status, 0);
  // The server is still fine for TLS clients afterwards.
  EXPECT_EQ(tls_request(port(), cert_.cert, "GET", "/healthz", "", {}).status, 200);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiTlsTest);

Status bind_with(const std::string& cert, const std::string& key) {
  http::ServerOptions options;
  options.port = 0;
  options.tls_cert_file = cert;
  options.tls_key_file = key;
  http::Server server(options, nullptr);
  return server.bind();
}

TEST(ServerTls, BadOrMissingFilesFailAtStartNamingTheFile) {
  ThrowAwayCertificate good;
  Status missing = bind_with((good.dir / "nope.pem").string(), good.key);
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.fields().at(0).field, "tls.cert_file");
  EXPECT_NE(missing.message().find("nope.pem"), std::string::npos) << missing.message();

  std::string junk = (good.dir / "junk.pem").string();
  std::ofstream(junk) << "not a certificate\n";
  Status bad_cert = bind_with(junk, good.key);
  ASSERT_FALSE(bad_cert.is_ok());
  EXPECT_EQ(bad_cert.fields().at(0).field, "tls.cert_file");
  EXPECT_NE(bad_cert.message().find("junk.pem"), std::string::npos) << bad_cert.message();

  Status bad_key = bind_with(good.cert, junk);
  ASSERT_FALSE(bad_key.is_ok());
  EXPECT_EQ(bad_key.fields().at(0).field, "tls.key_file");
  EXPECT_NE(bad_key.message().find("junk.pem"), std::string::npos) << bad_key.message();

  ThrowAwayCertificate other;
  (void)other;
  Status wrong_key = bind_with(good.cert, other.key);
  ASSERT_FALSE(wrong_key.is_ok());
  EXPECT_EQ(wrong_key.fields().at(0).field, "tls.key_file");

  EXPECT_TRUE(bind_with(good.cert, good.key).is_ok());
}

}  // namespace
}  // namespace steward::testing

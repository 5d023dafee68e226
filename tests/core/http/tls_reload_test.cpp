// TLS certificate renewal without a restart: two self-signed pairs (made with the openssl
// command), the served files swapped from the first to the second. New connections get the new
// certificate after Server::reload_tls() (what SIGHUP does), after SIGHUP itself, and on their
// own when the files' modification times change; a connection opened before keeps working; a
// bad new pair is refused (naming the file) and the old certificate stays in use.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>

#include "http/message.hpp"
#include "http/server.hpp"

namespace steward::testing {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace fs = std::filesystem;

// A temporary folder with two pairs, "one" and "two", and the served pair cert.pem/key.pem.
struct Certificates {
  fs::path dir;
  Certificates() {
    dir = fs::temp_directory_path() /
          ("steward-tls-reload-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"one", "two"}) {
      std::string cmd =
          "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
          "-nodes -days 1 -subj /CN=steward-" +
          std::string(name) + " -keyout '" + path(name, "key") + "' -out '" + path(name, "cert") +
          "' >/dev/null 2>&1";
      EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    }
    serve("one");
  }
  ~Certificates() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  std::string path(const std::string& pair, const std::string& what) const {
    return (dir / (pair + "-" + what + ".pem")).string();
  }
  std::string cert() const { return (dir / "cert.pem").string(); }
  std::string key() const { return (dir / "key.pem").string(); }
  // Copies a pair over the served files (as a renewal script would), with a newer mtime.
  void serve(const std::string& pair) const {
    for (const char* what : {"cert", "key"}) {
      fs::path to = dir / (std::string(what) + ".pem");
      fs::copy_file(path(pair, what), to, fs::copy_options::overwrite_existing);
      fs::last_write_time(to, fs::last_write_time(to) + std::chrono::seconds(++bumps_));
    }
  }
  mutable int bumps_ = 0;
};

// A TLS connection to the server: the certificate's common name, and one request on it.
class TlsClient {
 public:
  explicit TlsClient(unsigned short port)
      : ctx_(asio::ssl::context::tls_client), stream_(io_, ctx_) {
    ctx_.set_verify_mode(asio::ssl::verify_none);
    beast::get_lowest_layer(stream_).connect(
        asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    stream_.handshake(asio::ssl::stream_base::client);
  }
  ~TlsClient() {
    beast::error_code ignored;
    stream_.shutdown(ignored);
  }
  std::string common_name() {
    X509* cert = SSL_get1_peer_certificate(stream_.native_handle());
    if (!cert) return "";
    char name[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, name, sizeof name);
    X509_free(cert);
    return name;
  }
  int healthz() {
    bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/healthz", 11};
    req.set(bhttp::field::host, "127.0.0.1");
    req.keep_alive(true);
    bhttp::write(stream_, req);
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream_, buffer_, res);
    return static_cast<int>(res.result_int());
  }

 private:
  asio::io_context io_;
  asio::ssl::context ctx_;
  beast::ssl_stream<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

std::string common_name_of_new_connection(unsigned short port) {
  return TlsClient(port).common_name();
}

// A TLS server on a free loopback port, run on a thread for the test's life.
class RunningServer {
 public:
  RunningServer(const Certificates& certs, int check_seconds) {
    http::ServerOptions options;
    options.port = 0;
    options.tls_cert_file = certs.cert();
    options.tls_key_file = certs.key();
    options.tls_check_seconds = check_seconds;
    server_ = std::make_unique<http::Server>(options, nullptr);
    Status bound = server_->bind();
    EXPECT_TRUE(bound.is_ok()) << bound.to_string();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  http::Server& server() { return *server_; }
  unsigned short port() const { return server_->port(); }

 private:
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

TEST(TlsReload, ReloadServesTheNewCertificateToNewConnectionsOnly) {
  Certificates certs;
  RunningServer running(certs, 3600);  // no file checks during this test
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  TlsClient open(running.port());
  EXPECT_EQ(open.healthz(), 200);

  certs.serve("two");
  // Not looked at yet: the check interval has not passed.
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  Status reloaded = running.server().reload_tls();
  ASSERT_TRUE(reloaded.is_ok()) << reloaded.to_string();
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-two");
  // The connection opened before the reload is still served, with its certificate.
  EXPECT_EQ(open.healthz(), 200);
  EXPECT_EQ(open.common_name(), "steward-one");
}

TEST(TlsReload, ABadNewPairKeepsTheOldCertificate) {
  Certificates certs;
  RunningServer running(certs, 3600);
  std::ofstream(certs.cert(), std::ios::trunc) << "half a certificate\n";
  Status junk = running.server().reload_tls();
  ASSERT_FALSE(junk.is_ok());
  EXPECT_EQ(junk.fields().at(0).field, "tls.cert_file");
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  // The second certificate with the first key: the key does not match.
  fs::copy_file(certs.path("two", "cert"), certs.cert(), fs::copy_options::overwrite_existing);
  Status mismatched = running.server().reload_tls();
  ASSERT_FALSE(mismatched.is_ok());
  EXPECT_EQ(mismatched.fields().at(0).field, "tls.key_file");
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  // Once the renewal finishes, the next reload takes it.
  certs.serve("two");
  EXPECT_TRUE(running.server().reload_tls().is_ok());
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-two");
}

TEST(TlsReload, ChangedFilesAreNoticedOnAccept) {
  Certificates certs;
  RunningServer running(certs, 0);  // look at the files' times on every accept
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  certs.serve("two");
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-two");
  certs.serve("one");
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
}

TEST(TlsReload, SighupReloads) {
  Certificates certs;
  RunningServer running(certs, 3600);
  EXPECT_EQ(common_name_of_new_connection(running.port()), "steward-one");
  certs.serve("two");
  // The handler is installed when run() starts; wait until the server answers first.
  ASSERT_EQ(std::raise(SIGHUP), 0);
  std::string seen;
  for (int i = 0; i < 100 && seen != "steward-two"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    seen = common_name_of_new_connection(running.port());
  }
  EXPECT_EQ(seen, "steward-two");
}

TEST(TlsReload, WithoutTlsThereIsNothingToReload) {
  http::ServerOptions options;
  options.port = 0;
  http::Server server(options, nullptr);
  ASSERT_TRUE(server.bind().is_ok());
  EXPECT_EQ(server.reload_tls().code(), StatusCode::kPreconditionFailed);
}

}  // namespace
}  // namespace steward::testing

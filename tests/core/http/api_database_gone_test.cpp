// Database gone (issue 11, decision 0191) as a test: the API server talks to PostgreSQL through
// a proxy the test cuts and restores. While the database is unreachable every request answers
// 503 with Retry-After (never a 500, never a hang) and nothing is written; /readyz says so;
// once it is back the pool reconnects by itself and requests succeed again.
// scripts/database-gone-trial does the same with a real `pg_ctl stop` under load.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http/api.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"
#include "store/user_repository.hpp"
#include "support/api_server.hpp"
#include "support/cut_proxy.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

// "postgresql://user@HOST:PORT/db?..." -> {host, port, the URL with host:port replaced}.
struct ProxiedUrl {
  std::string host;
  unsigned short port = 5432;
  std::string rest_before;  // up to the authority's host
  std::string rest_after;   // from the path on
};

ProxiedUrl split_pg_url(const std::string& url) {
  ProxiedUrl out;
  auto scheme = url.find("://");
  auto start = url.find('@', scheme);
  start = start == std::string::npos ? scheme + 3 : start + 1;
  auto slash = url.find('/', start);
  std::string authority = url.substr(start, slash - start);
  auto colon = authority.find(':');
  out.host = authority.substr(0, colon);
  if (colon != std::string::npos)
    out.port = static_cast<unsigned short>(std::stoi(authority.substr(colon + 1)));
  if (out.host == "localhost") out.host = "127.0.0.1";
  out.rest_before = url.substr(0, start);
  out.rest_after = slash == std::string::npos ? "" : url.substr(slash);
  return out;
}

class ApiDatabaseGoneTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (!is_postgresql()) GTEST_SKIP() << "a PostgreSQL fault; SQLite is a file in the process";
    ProxiedUrl parts = split_pg_url(test_db().url());
    proxy_ = std::make_unique<CutProxy>(parts.host, parts.port);
    const std::string via =
        parts.rest_before + "127.0.0.1:" + std::to_string(proxy_->port()) + parts.rest_after;
    auto opened = store::Database::open(via, {2, 5000});
    ASSERT_TRUE(opened) << opened.status().to_string();
    proxied_ = std::move(*opened);
    api_ = std::make_unique<http::Api>(*proxied_, http::ApiOptions{});
    http::register_routes(*api_);
    http::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.io_threads = 1;
    options.worker_threads = 2;
    server_ = std::make_unique<http::Server>(
        options,
        [this] {
          store::MigrationRunner runner(*proxied_);
          return runner.check_current();
        },
        [this](http::Request& r) { return api_->handle(r); });
    ASSERT_TRUE(server_->bind());
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    if (server_) {
      server_->stop();
      if (thread_.joinable()) thread_.join();
    }
    server_.reset();
    api_.reset();
    proxied_.reset();
    proxy_.reset();
    DatabaseTest::TearDown();
  }
  HttpClient signed_in_admin() {
    domain::NewUser input{
        "admin1", "admin1", std::nullopt, auth::Role::kAdmin, false, "river-lantern-oak-97", false};
    auto user = db().write(actor(), [&](store::Unit& u) { return store::users::create(u, input); });
    EXPECT_TRUE(user) << user.status().message();
    HttpClient c(server_->port());
    HttpReply r =
        c.post("/api/v1/session", R"({"username":"admin1","password":"river-lantern-oak-97"})");
    EXPECT_EQ(r.status, 201) << r.body;
    c.csrf_token = r.json().value("csrf_token", "");
    return c;
  }
  long long funds() { return query_int(db(), "SELECT COUNT(*) FROM funds"); }

  std::unique_ptr<CutProxy> proxy_;
  std::unique_ptr<store::Database> proxied_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

TEST_P(ApiDatabaseGoneTest, RequestsFailFastWith503ThenRecoverWhenTheDatabaseIsBack) {
  HttpClient admin = signed_in_admin();
  ASSERT_EQ(admin.post("/api/v1/funds", R"({"code":"MED","name":"의료 지원"})").status, 201);
  ASSERT_EQ(admin.get("/api/v1/funds").status, 200);
  const long long before = funds();

  proxy_->cut();
  for (int i = 0; i < 6; ++i) {  // more than the pool's sessions: each one finds it gone
    SCOPED_TRACE(i);
    const auto started = std::chrono::steady_clock::now();
    HttpReply read = admin.get("/api/v1/funds");
    HttpReply write = admin.post("/api/v1/funds", R"({"code":"TRN","name":"이동 지원"})");
    // A hang detector, not a speed target: libpq gives up at once on a refused connection.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
    for (const HttpReply* r : {&read, &write}) {
      EXPECT_EQ(r->status, 503) << r->body;
      EXPECT_EQ(r->header("retry-after"), "1");
      EXPECT_NE(r->json().value("type", "").find("unavailable"), std::string::npos) << r->body;
    }
  }
  EXPECT_EQ(admin.get("/readyz").status, 503);
  EXPECT_EQ(funds(), before);  // nothing half-written

  proxy_->restore();
  // Each pooled session may answer one more 503 before its next lease reconnects it.
  int status = 0;
  for (int i = 0; i < 20 && status != 200; ++i) {
    status = admin.get("/api/v1/funds").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  EXPECT_EQ(status, 200);
  HttpReply again = admin.post("/api/v1/funds", R"({"code":"TRN","name":"이동 지원"})");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(funds(), before + 1);
  EXPECT_EQ(admin.get("/readyz").status, 200);
  // The session made before the outage still works: nothing signed the user out.
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiDatabaseGoneTest);

}  // namespace
}  // namespace steward::testing

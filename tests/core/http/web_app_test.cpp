// The web UI files, client-side routes, traversal attempts and /metrics, through WebApp.
#include "http/web_app.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/test_database.hpp"

namespace steward::http {
namespace {

class WebAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = std::filesystem::temp_directory_path() /
            ("steward-ui-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(base_ / "dist" / "assets");
    write(base_ / "dist" / "index.html", "<!doctype html><title>Steward</title>");
    write(base_ / "dist" / "assets" / "app-3f2a1c.js", "console.log(1)");
    write(base_ / "dist" / ".env", "SECRET=1");
    write(base_ / "secret.txt", "outside");
    std::filesystem::create_symlink(base_ / "secret.txt", base_ / "dist" / "link.txt");
    std::string why;
    test_db_ = testing::TestDatabase::create(testing::TestBackend::kSqlite, why);
    ASSERT_TRUE(test_db_) << why;
    test_db_->migrate();
    api_ = std::make_unique<Api>(test_db_->db(), ApiOptions{});
    register_routes(*api_);
    app_ = std::make_unique<WebApp>(*api_, StaticFiles(base_ / "dist"));
  }
  void TearDown() override { std::filesystem::remove_all(base_); }
  static void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
  }
  Response get(const std::string& path, const std::string& method = "GET",
               const std::string& accept_encoding = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.target = path;
    if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", accept_encoding);
    return app_->handle(r);
  }
  std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
  std::filesystem::path base_;
  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<WebApp> app_;
};

TEST_F(WebAppTest, ServesFilesWithTypesAndCachesHashedAssetsForever) {
  Response index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(index, "Cache-Control"), "no-cache");
  Response asset = get("/assets/app-3f2a1c.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(header(asset, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(WebAppTest, ClientRoutesGetTheAppMissingFilesDoNot) {
  Response route = get("/constituents/42");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("Steward"), std::string::npos);
  EXPECT_EQ(get("/assets/missing.js").status, 404);
}

TEST_F(WebAppTest, NoTraversalHiddenFilesOrSymlinksOut) {
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/.env", "/link.txt",
                           "/assets/%2e%2e/x.js"}) {
    Response r = get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("outside"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
  }
  EXPECT_EQ(get("/", "POST").status, 405);
}

// The UI build writes .br and .gz next to each text file; the browser gets the smallest it
// accepts (Content-Encoding), anyone else the plain file, and caches key on Accept-Encoding.
TEST_F(WebAppTest, SendsThePrecompressedFileTheRequestAccepts) {
  write(base_ / "dist" / "assets" / "app-3f2a1c.js.gz", "GZIPPED");
  write(base_ / "dist" / "assets" / "app-3f2a1c.js.br", "BROTLI");
  write(base_ / "dist" / "index.html.gz", "GZIPPED INDEX");
  const std::string js = "/assets/app-3f2a1c.js";

  Response br = get(js, "GET", "gzip, deflate, br");
  EXPECT_EQ(br.status, 200);
  EXPECT_EQ(br.body, "BROTLI");
  EXPECT_EQ(header(br, "Content-Encoding"), "br");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(header(br, "Cache-Control"), "public, max-age=31536000, immutable");

  Response gz = get(js, "GET", "gzip");
  EXPECT_EQ(gz.body, "GZIPPED");
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(get(js, "GET", "br;q=0, GZIP;q=0.5").body, "GZIPPED");
  EXPECT_EQ(get(js, "GET", "*").body, "BROTLI");

  // Not accepted: the plain file, still with Vary so a shared cache keeps them apart.
  for (const char* accepted : {"", "identity", "gzip;q=0, br;q=0.000", "*;q=0", "deflate"}) {
    Response plain = get(js, "GET", accepted);
    EXPECT_EQ(plain.body, "console.log(1)") << accepted;
    EXPECT_EQ(header(plain, "Content-Encoding"), "") << accepted;
    EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding") << accepted;
  }

  // A client-side route gets the compressed app too; HEAD answers the same headers.
  Response route = get("/constituents/42", "GET", "gzip, br");
  EXPECT_EQ(route.body, "GZIPPED INDEX");
  EXPECT_EQ(header(route, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(get("/", "HEAD", "gzip"), "Content-Encoding"), "gzip");
}

TEST_F(WebAppTest, ACompressedSiblingCannotLeadOutsideTheFolder) {
  write(base_ / "secret.txt.gz", "outside");
  write(base_ / "dist" / "assets" / "other.js", "plain");
  std::filesystem::create_symlink(base_ / "secret.txt.gz",
                                  base_ / "dist" / "assets" / "other.js.gz");
  Response r = get("/assets/other.js", "GET", "gzip");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "plain");
  EXPECT_EQ(header(r, "Content-Encoding"), "");
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/link.txt"}) {
    Response out = get(path, "GET", "gzip, br");
    EXPECT_EQ(out.status, 404) << path;
    EXPECT_EQ(out.body.find("outside"), std::string::npos) << path;
  }
}

TEST_F(WebAppTest, MetricsCountRequestsByRoutePatternNotByPath) {
  get("/api/v1/funds/1");
  get("/api/v1/funds/2");
  get("/constituents/1");
  Response m = get("/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(m.body.find("steward_http_requests_total{route=\"/api/v1/funds/{id}\",method=\"GET\","
                        "status=\"401\"} 2"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("route=\"static\""), std::string::npos);
  EXPECT_NE(
      m.body.find("steward_http_request_duration_seconds_bucket{route=\"static\",le=\"+Inf\"} 1"),
      std::string::npos);
}

}  // namespace
}  // namespace steward::http

// A full disk under SQLite (issue 11, "Faults"): a write that cannot reach the disk is a 503 that
// says so, reads go on, nothing half-written stays behind, and writes work again once there is
// room. The disk is "filled" with a file size limit (RLIMIT_FSIZE, SIGXFSZ ignored), which makes
// every write past the limit fail the way a full disk does. SQLite only: PostgreSQL's disk is the
// server's, not Steward's.
#include <sys/resource.h>

#include <csignal>

#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

// Limits the size of every file this process writes until destroyed.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    active_ = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
  }
  ~FileSizeLimit() { lift(); }
  void lift() {
    if (!active_) return;
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, old_handler_);
    active_ = false;
  }
  bool active() const { return active_; }

 private:
  rlimit saved_{};
  void (*old_handler_)(int) = SIG_DFL;
  bool active_ = false;
};

class ApiDiskFullTest : public ApiTest {};

TEST_P(ApiDiskFullTest, AWriteOnAFullDiskIsA503ThatSaysSoAndLeavesTheDatabaseIntact) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  ASSERT_EQ(admin.post("/api/v1/funds", R"({"code":"MED","name":"의료 지원"})").status, 201);

  FileSizeLimit full(4096);
  ASSERT_TRUE(full.active());
  HttpReply refused = admin.post("/api/v1/funds", R"({"code":"BUS","name":"안전한 이동"})");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("is it full?"), std::string::npos) << refused.body;
  HttpReply read = admin.get("/api/v1/funds");
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_NE(read.body.find("의료 지원"), std::string::npos);
  EXPECT_EQ(read.body.find("안전한 이동"), std::string::npos);

  full.lift();
  HttpReply again = admin.post("/api/v1/funds", R"({"code":"BUS","name":"안전한 이동"})");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM funds WHERE code = 'BUS'"), 1);
  EXPECT_EQ(
      query_int(db(), "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
      1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'fund'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ApiDiskFullTest,
                         ::testing::Values(::steward::testing::TestBackend::kSqlite),
                         [](const ::testing::TestParamInfo<TestBackend>& info) {
                           return backend_name(info.param);
                         });

}  // namespace
}  // namespace steward::testing

// Crash safety of `steward import` for real (issue 6, "Crash safety"): the real binary imports a
// generated Stripe file into a fresh database and is killed with SIGKILL at random points during
// the commit; `steward import resume ID` then finishes it. The result must equal a clean import
// of the same file: no duplicate gift, no missing gift, the same donors, allocations, identities
// and row outcomes. On SQLite and PostgreSQL.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "import_snapshot.hpp"

extern char** environ;

namespace steward {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::TestBackend;

constexpr long long kRows = 300;
constexpr int kChunkRows = 20;  // many chunk boundaries to die between (and inside)
constexpr int kKilledTrials = 5;

class ImportCrashTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("steward-crash-" + std::to_string(::getpid()) + "-" +
                                        testing::backend_name(GetParam()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    file_ = testing::write_generated_file((dir_ / "payments.csv").string(), kRows, 7);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<testing::TestDatabase> database(const std::string& name) {
    fs::path plugins = dir_ / ("plugins-" + name);
    fs::create_directories(plugins);
    fs::permissions(plugins, fs::perms(0755));
    plugins_[name] = plugins.string();
    return testing::import_database(GetParam(), plugins.string());
  }

  std::vector<std::string> args(const std::string& name, const std::string& url,
                                std::vector<std::string> tail) {
    std::vector<std::string> a = {STEWARD_BIN, "--database", url, "--plugin-dir", plugins_[name]};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
  }

  // Starts the steward binary with `argv`, its output to a log file. Returns the pid.
  pid_t spawn(const std::vector<std::string>& argv, const std::string& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<char*> c;
    for (const auto& s : argv) c.push_back(const_cast<char*>(s.c_str()));
    c.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, c[0], &actions, nullptr, c.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0) << "posix_spawn " << argv[0];
    return pid;
  }

  std::string status_of(store::Database& db, long long& id) {
    std::string status;
    id = 0;
    Status s = db.read([&](store::Unit& u) {
      soci::indicator ind = soci::i_null;
      u.sql() << "SELECT id, status FROM imports ORDER BY id DESC LIMIT 1", soci::into(id),
          soci::into(status, ind);
      if (ind != soci::i_ok) status.clear();
      return Status::ok();
    });
    if (!s) status.clear();  // the child may hold the SQLite lock for a moment
    return status;
  }

  fs::path dir_;
  std::string file_;
  std::map<std::string, std::string> plugins_;
};

TEST_P(ImportCrashTest, KilledMidCommitThenResumedEqualsACleanImport) {
  auto clean = database("clean");
  if (!clean) GTEST_SKIP() << "PostgreSQL not configured (STEWARD_TEST_PG_URL)";
  auto started = Clock::now();
  testing::CommandRun run = testing::run_command(
      std::string(STEWARD_BIN) + " --database " + testing::shell_quote(clean->url()) +
      " --plugin-dir " + testing::shell_quote(plugins_["clean"]) + " import " + file_ +
      " --default-fund GEN --chunk-rows " + std::to_string(kChunkRows) + " --json");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  double clean_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  testing::ImportSnapshot want = testing::snapshot(clean->db());
  ASSERT_GT(want.gifts.size(), static_cast<std::size_t>(kRows * 9 / 10));
  EXPECT_EQ(want.duplicate_gifts, 0);
  EXPECT_EQ(want.gift_audits_missing, 0);

  std::mt19937_64 rng(::testing::UnitTest::GetInstance()->random_seed());
  int killed = 0;
  for (int trial = 0; killed < kKilledTrials && trial < 4 * kKilledTrials; ++trial) {
    std::string name = "trial" + std::to_string(trial);
    auto t = database(name);
    ASSERT_TRUE(t);
    pid_t pid = spawn(args(name, t->url(),
                           {"import", file_, "--default-fund", "GEN", "--chunk-rows",
                            std::to_string(kChunkRows), "--json"}),
                      (dir_ / (name + ".log")).string());
    ASSERT_GT(pid, 0);
    // Wait for the commit to begin, then kill at a random moment of it.
    long long id = 0;
    auto deadline = Clock::now() + std::chrono::seconds(120);
    bool committing = false;
    int wstatus = 0;
    while (Clock::now() < deadline) {
      if (waitpid(pid, &wstatus, WNOHANG) == pid) break;
      if (status_of(t->db(), id) == "committing") {
        committing = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (committing) {
      std::uniform_real_distribution<double> when(0.0, clean_seconds * 0.6);
      std::this_thread::sleep_for(std::chrono::duration<double>(when(rng)));
      ::kill(pid, SIGKILL);
      ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
    }
    std::string status = status_of(t->db(), id);
    bool interrupted = WIFSIGNALED(wstatus) && status == "committing";
    if (interrupted) {
      ++killed;
      testing::CommandRun resumed = testing::run_command(
          std::string(STEWARD_BIN) + " --database " + testing::shell_quote(t->url()) +
          " --plugin-dir " + testing::shell_quote(plugins_[name]) + " import resume " +
          std::to_string(id) + " --json");
      ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
    } else {
      ASSERT_EQ(status, "committed") << "trial " << trial << " ended " << status;
    }
    testing::ImportSnapshot got = testing::snapshot(t->db());
    testing::expect_same(want, got,
                         name + (interrupted ? " (killed, resumed)" : " (finished first)"));
    if (HasFailure()) return;
  }
  EXPECT_EQ(killed, kKilledTrials) << "the commit finished before the kill too often";
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportCrashTest,
                         ::testing::Values(TestBackend::kSqlite, TestBackend::kPostgresql),
                         [](const ::testing::TestParamInfo<TestBackend>& info) {
                           return testing::backend_name(info.param);
                         });

}  // namespace
}  // namespace steward

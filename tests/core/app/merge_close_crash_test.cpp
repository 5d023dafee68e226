// Crash safety of `steward duplicates merge` and `steward batches close` (issue 11, "Faults"):
// the real binary is killed with SIGKILL at a random moment (from start-up to the end of a clean
// run's time); afterwards the merge or the close has either fully happened or not at all, and
// running it again finishes it. 5 trials of each per backend here; scripts/merge-close-crash-
// trials runs 20 of each on SQLite.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "store/giving_summary_repository.hpp"
#include "store/soci_optional.hpp"
#include "support/cli_run.hpp"
#include "support/test_database.hpp"

extern char** environ;

namespace steward {
namespace {

using Clock = std::chrono::steady_clock;
using testing::query_int;
using testing::TestBackend;

constexpr int kTrials = 5;
constexpr int kLoserGifts = 600;
constexpr int kBatchGifts = 300;

pid_t spawn(const std::vector<std::string>& argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> c;
  for (const auto& s : argv) c.push_back(const_cast<char*>(s.c_str()));
  c.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, c[0], &actions, nullptr, c.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(rc, 0);
  return pid;
}

// Runs argv, killing it after `kill_after` seconds when still running. True when it was killed.
bool run_killed(const std::vector<std::string>& argv, double kill_after) {
  pid_t pid = spawn(argv);
  auto deadline = Clock::now() + std::chrono::duration<double>(kill_after);
  int wstatus = 0;
  while (Clock::now() < deadline) {
    if (waitpid(pid, &wstatus, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(pid, SIGKILL);
  waitpid(pid, &wstatus, 0);
  return WIFSIGNALED(wstatus);
}

double timed_run(const std::vector<std::string>& argv) {
  auto start = Clock::now();
  pid_t pid = spawn(argv);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  EXPECT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Scenario {
  std::unique_ptr<testing::TestDatabase> db;
  long long survivor = 0, loser = 0, batch = 0;
};

// A survivor with 1 gift, a loser with kLoserGifts gifts, and an open batch of kBatchGifts gifts
// that balances.
Scenario make_scenario(TestBackend backend) {
  Scenario s;
  std::string why;
  s.db = testing::TestDatabase::create(backend, why);
  if (!s.db) return s;
  s.db->migrate();
  Status st = s.db->db().write({"test:fixture", ""}, [&](store::Unit& u) -> Status {
    u.sql() << "INSERT INTO funds (code, name) VALUES ('GEN', 'General')";
    long long fund = 0;
    u.sql() << "SELECT id FROM funds", soci::into(fund);
    for (const char* name : {"김민준", "김 민준"}) {
      std::string n = name;
      long long id = 0;
      u.sql() << "INSERT INTO constituents (kind, first_name, last_name, display_name, sort_name) "
                 "VALUES ('individual', '민준', '김', :d, :s) RETURNING id",
          soci::use(n), soci::use(n), soci::into(id);
      (s.survivor == 0 ? s.survivor : s.loser) = id;
    }
    u.sql() << "INSERT INTO gift_batches (name, expected_count, expected_total_minor, currency) "
               "VALUES ('Sunday', :n, :t, 'USD') RETURNING id",
        soci::use(kBatchGifts), soci::use(kBatchGifts * 1000LL), soci::into(s.batch);
    auto gift = [&](long long donor, long long amount, std::optional<long long> batch) {
      long long id = 0;
      u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
                 "base_amount_minor, base_currency, payment_method, batch_id) VALUES (:c, "
                 "'2026-02-01', :a, 'USD', :b, 'USD', 'cash', :batch) RETURNING id",
          soci::use(donor), soci::use(amount), soci::use(amount), soci::use(batch), soci::into(id);
      u.sql() << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor) VALUES (:g, :f, "
                 ":a)",
          soci::use(id), soci::use(fund), soci::use(amount);
    };
    gift(s.survivor, 5000, std::nullopt);
    for (int i = 0; i < kLoserGifts; ++i) gift(s.loser, 100 + i, std::nullopt);
    for (int i = 0; i < kBatchGifts; ++i) gift(s.survivor, 1000, s.batch);
    return store::giving::rebuild_all(u);
  });
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  return s;
}

class MergeCloseCrashTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  std::vector<std::string> cli(const Scenario& s, std::vector<std::string> tail) {
    std::vector<std::string> a = {STEWARD_BIN, "--database", s.db->url()};
    a.insert(a.end(), tail.begin(), tail.end());
    return a;
  }
  std::vector<std::string> merge_args(const Scenario& s) {
    return cli(s, {"duplicates", "merge", std::to_string(s.survivor), std::to_string(s.loser)});
  }
  std::vector<std::string> close_args(const Scenario& s) {
    return cli(s, {"batches", "close", std::to_string(s.batch)});
  }

  // 1 when the merge fully happened, 0 when not at all; fails the test on anything between.
  int merge_state(const Scenario& s, const std::string& label) {
    store::Database& db = s.db->db();
    const std::string a = std::to_string(s.survivor), b = std::to_string(s.loser);
    long long merged =
        query_int(db, "SELECT COUNT(*) FROM constituents WHERE id = " + b +
                          " AND merged_into_id = " + a + " AND deleted_at IS NOT NULL");
    long long on_loser = query_int(db, "SELECT COUNT(*) FROM gifts WHERE constituent_id = " + b);
    long long merges = query_int(db, "SELECT COUNT(*) FROM merges");
    long long audits = query_int(db, "SELECT COUNT(*) FROM audit_events WHERE action = 'merge'");
    long long summary_off = query_int(
        db,
        "SELECT COALESCE((SELECT lifetime_minor FROM giving_summaries WHERE constituent_id = " + a +
            "), 0) - (SELECT SUM(base_amount_minor) FROM gifts WHERE constituent_id = " + a + ")");
    EXPECT_EQ(summary_off, 0) << label;
    if (merged == 1) {
      EXPECT_EQ(on_loser, 0) << label;
      EXPECT_EQ(merges, 1) << label;
      EXPECT_EQ(audits, 1) << label;
      return 1;
    }
    EXPECT_EQ(merged, 0) << label;
    EXPECT_EQ(on_loser, kLoserGifts) << label;
    EXPECT_EQ(merges, 0) << label;
    EXPECT_EQ(audits, 0) << label;
    return 0;
  }

  int close_state(const Scenario& s, const std::string& label) {
    store::Database& db = s.db->db();
    const std::string id = std::to_string(s.batch);
    long long closed = query_int(db, "SELECT COUNT(*) FROM gift_batches WHERE id = " + id +
                                         " AND status = 'closed' AND closed_at IS NOT NULL");
    long long audits = query_int(db,
                                 "SELECT COUNT(*) FROM audit_events WHERE action = 'close' "
                                 "AND entity_type = 'gift_batch'");
    EXPECT_EQ(closed, audits) << label;
    return static_cast<int>(closed);
  }
};

TEST_P(MergeCloseCrashTest, KilledMergeFullyHappenedOrNotAtAll) {
  Scenario clean = make_scenario(GetParam());
  if (!clean.db) GTEST_SKIP() << "PostgreSQL not configured (STEWARD_TEST_PG_URL)";
  double seconds = timed_run(merge_args(clean));
  ASSERT_EQ(merge_state(clean, "clean"), 1);
  std::mt19937_64 rng(::testing::UnitTest::GetInstance()->random_seed());
  std::uniform_real_distribution<double> when(0.0, seconds);
  int killed = 0;
  for (int t = 0; t < kTrials; ++t) {
    Scenario s = make_scenario(GetParam());
    const std::string label = "trial " + std::to_string(t);
    if (run_killed(merge_args(s), when(rng))) ++killed;
    if (merge_state(s, label + " after the kill") == 0) {
      ASSERT_EQ(timed_run(merge_args(s)) > 0, true);  // restarted: the merge runs again
    }
    EXPECT_EQ(merge_state(s, label + " after the restart"), 1);
    if (HasFailure()) return;
  }
  RecordProperty("killed", killed);
}

TEST_P(MergeCloseCrashTest, KilledBatchCloseFullyHappenedOrNotAtAll) {
  Scenario clean = make_scenario(GetParam());
  if (!clean.db) GTEST_SKIP() << "PostgreSQL not configured (STEWARD_TEST_PG_URL)";
  double seconds = timed_run(close_args(clean));
  ASSERT_EQ(close_state(clean, "clean"), 1);
  std::mt19937_64 rng(::testing::UnitTest::GetInstance()->random_seed() + 1);
  std::uniform_real_distribution<double> when(0.0, seconds);
  for (int t = 0; t < kTrials; ++t) {
    Scenario s = make_scenario(GetParam());
    const std::string label = "trial " + std::to_string(t);
    run_killed(close_args(s), when(rng));
    if (close_state(s, label + " after the kill") == 0) timed_run(close_args(s));
    EXPECT_EQ(close_state(s, label + " after the restart"), 1);
    if (HasFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MergeCloseCrashTest,
                         ::testing::Values(TestBackend::kSqlite, TestBackend::kPostgresql),
                         [](const ::testing::TestParamInfo<TestBackend>& info) {
                           return testing::backend_name(info.param);
                         });

}  // namespace
}  // namespace steward

// Two senders: two job runners, each on its own connection pool to one database (as two
// `steward serve` nodes would be), run the same appeal send at the same time (the send's job and
// an overlapping continuation job, as after an expired lease). Every donor gets the message
// exactly once, and every recipient ends "sent". On PostgreSQL the recipient claim's row lock
// decides; on SQLite the single writer serialises the claims.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "auth/unsubscribe_token.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/job_worker.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/job_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::appeals {
namespace {

// A mailer both workers share: records who delivered what, slowly enough to interleave.
class TwoSendersMailer {
 public:
  Result<std::vector<sdk::RecipientStatus>> deliver(const std::string& worker,
                                                    const sdk::MailMessage& m) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<sdk::RecipientStatus> out;
    for (const auto& to : m.to) {
      ++per_address_[testing::address_of(to)];
      ++per_worker_[worker];
      out.push_back({to, sdk::DeliveryState::kAccepted, "250 2.0.0 queued"});
    }
    return out;
  }
  std::map<std::string, int> per_address() {
    std::lock_guard<std::mutex> lock(mutex_);
    return per_address_;
  }
  std::map<std::string, int> per_worker() {
    std::lock_guard<std::mutex> lock(mutex_);
    return per_worker_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, int> per_address_;
  std::map<std::string, int> per_worker_;
};

class AppealTwoSendersTest : public testing::DatabaseTest {};

TEST_P(AppealTwoSendersTest, TwoNodesRunningOneSendDeliverEachMessageOnce) {
  auto setup = testing::make_appeal_setup(db());
  const int n = 200;
  testing::SegmentFixtures f(db());
  for (int i = 0; i < n; ++i) {
    long long id =
        f.constituent(i % 2 ? "Donor " + std::to_string(i) : "후원자 " + std::to_string(i));
    f.email(id, "donor" + std::to_string(i) + "@example.org");
  }
  StartRequest req;
  req.audience = {setup.appeal_id, setup.segment_id, "appeal"};
  req.mailer = "org.steward.test.mailer";
  req.rate_per_minute = 6000;
  auto started = db().write(actor(), [&](store::Unit& u) { return start_appeal_send(u, req); });
  ASSERT_TRUE(started) << started.status().to_string();
  // A second job for the same send, as a continuation overlapping an expired lease would be.
  domain::JobInput extra;
  extra.kind = kAppealJobKind;
  extra.payload = nlohmann::json{{"appeal_send_id", started->send_id}}.dump();
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) { return store::jobs::enqueue(u, extra); }));

  // Node B has its own connections to the same database.
  auto node_b = store::Database::open(test_db().url());
  ASSERT_TRUE(node_b) << node_b.status().to_string();

  TwoSendersMailer mailer;
  auth::UnsubscribeSigner signer(std::string(32, 's'));
  auto run_node = [&](store::Database& node, const std::string& name, int& jobs_run) {
    JobRegistry registry;
    registry.add(kAppealJobKind, [&](store::Database& d, const domain::Job& job) {
      RunOptions o;
      o.deliver = [&mailer, name](const sdk::MailMessage& m) { return mailer.deliver(name, m); };
      o.token = [&signer](long long id, const std::string& email) {
        return signer.token(id, email);
      };
      o.sleep = [](std::chrono::milliseconds) {};
      return run_appeal_job(d, job, o);
    });
    for (int i = 0; i < 10; ++i) {
      auto ran = run_one_job(node, registry, name, 300);
      if (!ran) {
        ADD_FAILURE() << name << ": " << ran.status().to_string();
        return;
      }
      if (!ran->has_value()) return;
      ++jobs_run;
    }
  };
  int a_jobs = 0;
  int b_jobs = 0;
  std::thread a([&] { run_node(db(), "node-a", a_jobs); });
  std::thread b([&] { run_node(**node_b, "node-b", b_jobs); });
  a.join();
  b.join();

  auto per_address = mailer.per_address();
  EXPECT_EQ(per_address.size(), static_cast<std::size_t>(n));
  for (const auto& [address, count] : per_address) EXPECT_EQ(count, 1) << address;
  auto per_worker = mailer.per_worker();
  EXPECT_EQ(per_worker["node-a"] + per_worker["node-b"], n);
  EXPECT_EQ(a_jobs + b_jobs, 2);  // each node ran one of the two jobs
  if (is_postgresql()) {
    // Both really sent at the same time (on SQLite one may happen to do it all).
    EXPECT_GT(per_worker["node-a"], 0);
    EXPECT_GT(per_worker["node-b"], 0);
  }
  auto counts = db().read(
      [&](store::Unit& u) { return store::appeal_sends::state_counts(u, started->send_id); });
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->at("sent"), n);
  for (const auto& [state, count] : *counts) {
    if (state != "sent") {
      EXPECT_EQ(count, 0) << state;  // none left sending or queued
    }
  }
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM mail_messages WHERE purpose = 'appeal' AND "
                               "state = 'accepted'"),
            n);
  auto send =
      db().read([&](store::Unit& u) { return store::appeal_sends::get(u, started->send_id); });
  ASSERT_TRUE(send);
  EXPECT_EQ(send->status, "finished");
}

STEWARD_INSTANTIATE_DATABASE_TEST(AppealTwoSendersTest);

}  // namespace
}  // namespace steward::engine::appeals

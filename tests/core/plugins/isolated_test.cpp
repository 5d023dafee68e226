// Process isolation: the same fixtures run in `steward plugin-host` children; crashes and hangs
// fail the call (naming the plugin), the child restarts, and this process stays up.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "plugin_dir.hpp"
#include "plugins/isolated_plugin.hpp"

namespace steward {
namespace {

using testing::PluginDir;

plugins::IsolationOptions options(int timeout_ms = 5000) {
  return plugins::IsolationOptions{STEWARD_BIN, timeout_ms};
}

// Under AddressSanitizer a child's SIGSEGV is caught, reported and turned into exit status 1;
// the crash tests want the child to die by the signal, as it does in a release build.
class ChildDiesBySignal {
 public:
  ChildDiesBySignal() {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    const char* old = std::getenv("ASAN_OPTIONS");
    saved_ = old == nullptr ? std::nullopt : std::optional<std::string>(old);
    std::string changed = saved_.value_or("");
    setenv("ASAN_OPTIONS", (changed + (changed.empty() ? "" : ":") + "handle_segv=0").c_str(), 1);
    changed_ = true;
#endif
#endif
  }
  ~ChildDiesBySignal() {
    if (!changed_) return;
    if (saved_) {
      setenv("ASAN_OPTIONS", saved_->c_str(), 1);
    } else {
      unsetenv("ASAN_OPTIONS");
    }
  }
  ChildDiesBySignal(const ChildDiesBySignal&) = delete;
  ChildDiesBySignal& operator=(const ChildDiesBySignal&) = delete;

 private:
  std::optional<std::string> saved_;
  bool changed_ = false;
};

class EchoQuery : public sdk::QueryCapability {
 public:
  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<sdk::Value>& params) const override {
    last_sql = std::string(sql);
    return sdk::QueryRows{{"label", "total"}, {{params.at(0), std::int64_t{1234}}}};
  }
  mutable std::string last_sql;
};

TEST(IsolatedPluginTest, GoodImporterWorksThroughTheChild) {
  PluginDir dir;
  auto plugin = plugins::open_isolated(dir.path(), dir.add("good_importer"), "{}", options());
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto& p = **plugin;
  EXPECT_EQ(p.isolation(), plugins::Isolation::kIsolated);
  EXPECT_EQ(p.manifest().id, "org.steward.test.importer");
  EXPECT_EQ(*p.detect("a.csv", "id,"), 95);
  sdk::ParseOutput out;
  ASSERT_TRUE(p.start("a.csv"));
  ASSERT_TRUE(p.feed("ch_1,2026-03-01,50000,KRW,김민", out));
  ASSERT_TRUE(p.feed("지\nbad line\n", out));
  ASSERT_TRUE(p.finish(out));
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].donor_name, "김민지");
  EXPECT_EQ(out.records[0].amount, (sdk::Money{50000, "KRW"}));
  ASSERT_EQ(out.issues.size(), 1u);
  EXPECT_EQ(out.issues[0].line, 2u);
}

TEST(IsolatedPluginTest, MailerAndReportWorkThroughTheChild) {
  PluginDir dir;
  auto mailer = plugins::open_isolated(dir.path(), dir.add("good_mailer"), "{}", options());
  ASSERT_TRUE(mailer) << mailer.status().to_string();
  sdk::MailMessage m;
  m.to = {"a@example.org", "reject@example.org"};
  m.subject = "영수증";
  m.attachments.push_back({"영수증.pdf", "application/pdf", std::string("%PDF\0\xff", 6)});
  auto statuses = (*mailer)->deliver(m);
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  EXPECT_EQ((*statuses)[0].reply, "250 2.0.0 OK 영수증");
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kRejected);

  auto report = plugins::open_isolated(dir.path(), dir.add("good_report"), "{}", options());
  ASSERT_TRUE(report) << report.status().to_string();
  auto specs = (*report)->parameters();
  ASSERT_TRUE(specs);
  EXPECT_EQ((*specs)[0].name, "label");
  EchoQuery db;
  auto table = (*report)->run(db, {{"label", std::string("합계")}});
  ASSERT_TRUE(table) << table.status().to_string();
  EXPECT_EQ(db.last_sql, "SELECT ? AS label, 1234 AS total");
  EXPECT_EQ(std::get<std::string>(table->rows.at(0).at(0)), "합계");
  EXPECT_EQ(std::get<sdk::Money>(table->rows.at(0).at(1)), (sdk::Money{1234, "KRW"}));
}

TEST(IsolatedPluginTest, OpenErrorsComeBackFromTheChild) {
  PluginDir dir;
  auto major = plugins::open_isolated(dir.path(), dir.add("wrong_api_major"), "{}", options());
  ASSERT_FALSE(major);
  EXPECT_NE(major.status().message().find("accepts SDK API 1.0 to 1.0"), std::string::npos)
      << major.status().message();
  auto factory = plugins::open_isolated(dir.path(), dir.add("throws_in_factory"), "{}", options());
  ASSERT_FALSE(factory);
  EXPECT_NE(factory.status().message().find("the factory threw: cannot start"), std::string::npos);
}

TEST(IsolatedPluginTest, ASegfaultFailsTheCallAndTheChildRestarts) {
  ChildDiesBySignal no_sanitizer_handler;
  PluginDir dir;
  auto plugin = plugins::open_isolated(dir.path(), dir.add("segfaults_in_call"), "{}", options());
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto& p = **plugin;
  sdk::ParseOutput out;
  Status crashed = p.feed("x", out);
  EXPECT_EQ(crashed.code(), StatusCode::kUnavailable);
  EXPECT_NE(
      crashed.message().find("plugin org.steward.test.segfaults: crashed: killed by signal 11"),
      std::string::npos)
      << crashed.message();
  // The next call gets a fresh child; calls that do not crash work.
  auto detect = p.detect("a.csv", "id,");
  ASSERT_TRUE(detect) << detect.status().to_string();
  EXPECT_EQ(*detect, 95);
  EXPECT_EQ(p.consecutive_failures(), 0);
}

TEST(IsolatedPluginTest, AnAbortIsReportedToo) {
  PluginDir dir;
  auto plugin = plugins::open_isolated(dir.path(), dir.add("aborts_in_call"), "{}", options());
  ASSERT_TRUE(plugin);
  sdk::ParseOutput out;
  Status s = (*plugin)->feed("x", out);
  EXPECT_NE(s.message().find("killed by signal 6"), std::string::npos) << s.message();
}

TEST(IsolatedPluginTest, StartingGetsItsOwnAllowanceAndAHangThereIsReported) {
  PluginDir dir;
  plugins::IsolationOptions slow_start = options(300);
  slow_start.start_timeout_ms = 1500;
  auto started = std::chrono::steady_clock::now();
  auto plugin = plugins::open_isolated(dir.path(), dir.add("hangs_in_factory"), "{}", slow_start);
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(plugin.status().message().find("did not answer within 1500 ms"), std::string::npos)
      << plugin.status().message();
  // The start waited for its own allowance, not the 300 ms a call gets, and no longer.
  EXPECT_GE(took, std::chrono::milliseconds(1500));
  EXPECT_LT(took, std::chrono::seconds(10));
}

TEST(IsolatedPluginTest, AHangTimesOutIsKilledAndRepeatedFailuresMarkFailing) {
  PluginDir dir;
  auto plugin = plugins::open_isolated(dir.path(), dir.add("hangs_in_call"), "{}", options(300));
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto& p = **plugin;
  p.set_failure_limit(2);
  sdk::ParseOutput out;
  auto started = std::chrono::steady_clock::now();
  Status hung = p.feed("x", out);
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, std::chrono::seconds(3));
  EXPECT_EQ(hung.code(), StatusCode::kUnavailable);
  EXPECT_NE(hung.message().find("plugin org.steward.test.hangs: did not answer within 300 ms"),
            std::string::npos)
      << hung.message();
  EXPECT_FALSE(p.failing());
  Status again = p.feed("x", out);
  EXPECT_TRUE(p.failing());
  EXPECT_NE(again.message().find("marked failing after 2 consecutive failed calls"),
            std::string::npos)
      << again.message();
  Status refused = p.detect("a.csv", "").status();
  EXPECT_NE(refused.message().find("is failing"), std::string::npos);
}

TEST(IsolatedPluginTest, ExceptionsInTheChildCountAsFailures) {
  PluginDir dir;
  auto plugin = plugins::open_isolated(dir.path(), dir.add("throws_in_call"), "{}", options());
  ASSERT_TRUE(plugin);
  sdk::ParseOutput out;
  Status s = (*plugin)->feed("x", out);
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("fixture parser exploded"), std::string::npos) << s.message();
  EXPECT_EQ((*plugin)->consecutive_failures(), 1);
}

}  // namespace
}  // namespace steward

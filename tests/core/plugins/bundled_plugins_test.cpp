// Built-in plugins: installed and enabled on first run, upgraded with Steward, and a built-in the
// admin removed stays removed; on SQLite and PostgreSQL.
#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "plugin_dir.hpp"
#include "plugins/bundled_plugins.hpp"
#include "plugins/plugin_service.hpp"
#include "store/plugin_repository.hpp"
#include "support/test_database.hpp"

namespace steward {
namespace {

using plugins::BundledOutcome;
using store::Unit;
using testing::PluginDir;
namespace fs = std::filesystem;

class BundledPluginsTest : public testing::DatabaseTest {
 protected:
  std::vector<BundledOutcome> run() {
    auto r = plugins::install_bundled_plugins(db(), actor(), installed.path(), shipped.path());
    EXPECT_TRUE(r) << r.status().to_string();
    return r ? *r : std::vector<BundledOutcome>{};
  }
  static const BundledOutcome& find(const std::vector<BundledOutcome>& all,
                                    const std::string& file) {
    for (const auto& o : all) {
      if (o.file_name == file) return o;
    }
    static BundledOutcome none;
    ADD_FAILURE() << "no outcome for " << file;
    return none;
  }
  store::plugin_records::PluginRecord record(const std::string& id) {
    auto r = db().read([&](Unit& u) { return store::plugin_records::get(u, id); });
    EXPECT_TRUE(r) << r.status().to_string();
    return r ? *r : store::plugin_records::PluginRecord{};
  }
  PluginDir shipped;    // what Steward ships (build/plugins)
  PluginDir installed;  // the admin's plugin directory
};

TEST_P(BundledPluginsTest, FirstRunInstallsAndEnablesEachBuiltIn) {
  shipped.add("good_report");
  shipped.add("good_importer");
  shipped.add("config_schema");
  auto first = run();
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(find(first, "good_report.so").action, "installed");
  EXPECT_EQ(record("org.steward.test.report").state, "enabled");
  EXPECT_EQ(record("org.steward.test.importer").state, "enabled");
  EXPECT_EQ(record("org.steward.test.importer").isolation, "isolated");
  EXPECT_TRUE(fs::exists(installed.path() / "good_report.so"));
  // A plugin that needs settings is installed but waits for an admin to configure it.
  const auto& configured = find(first, "config_schema.so");
  EXPECT_EQ(configured.action, "installed");
  EXPECT_NE(configured.message.find("needs configuration"), std::string::npos);
  EXPECT_EQ(record("org.steward.test.configured").state, "installed");

  auto second = run();
  for (const auto& o : second) EXPECT_EQ(o.action, "current") << o.file_name << ": " << o.message;
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 3);
}

TEST_P(BundledPluginsTest, ABuiltInTheAdminRemovedStaysRemoved) {
  shipped.add("good_report");
  run();
  auto file = db().write(actor(), [&](Unit& u) {
    return plugins::remove_plugin(u, installed.path(), "org.steward.test.report");
  });
  ASSERT_TRUE(file) << file.status().to_string();
  plugins::delete_plugin_file(installed.path(), *file);
  auto again = run();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].action, "skipped");
  EXPECT_NE(again[0].message.find("removed by an admin"), std::string::npos);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 0);
  EXPECT_FALSE(fs::exists(installed.path() / "good_report.so"));
}

TEST_P(BundledPluginsTest, ANewerShippedFileUpgradesTheCopyAndKeepsSettings) {
  shipped.add("duplicate_a", "dup.so");
  run();
  const std::string id = "org.steward.test.duplicate";
  auto disabled = db().write(actor(), [&](Unit& u) { return plugins::disable_plugin(u, id); });
  ASSERT_TRUE(disabled);
  std::string old_hash = record(id).sha256;
  shipped.add("duplicate_b", "dup.so");  // same id, other bytes: Steward was upgraded
  auto upgraded = run();
  ASSERT_EQ(upgraded.size(), 1u);
  EXPECT_EQ(upgraded[0].action, "upgraded") << upgraded[0].message;
  auto after = record(id);
  EXPECT_NE(after.sha256, old_hash);
  EXPECT_EQ(after.version, "2.0.0");
  EXPECT_EQ(after.state, "installed");  // the admin's "disabled" is kept
  EXPECT_FALSE(after.enabled);
}

TEST_P(BundledPluginsTest, AnInstalledCopyChangedByHandIsLeftForTheAdmin) {
  shipped.add("duplicate_a", "dup.so");
  run();
  installed.add("good_report", "dup.so");  // someone replaced the installed copy by hand
  shipped.add("duplicate_b", "dup.so");    // and Steward ships a newer file
  auto outcomes = run();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].action, "skipped");
  EXPECT_NE(outcomes[0].message.find("changed by hand"), std::string::npos);
}

TEST_P(BundledPluginsTest, AMissingShippedFolderIsNothingToDo) {
  auto r = plugins::install_bundled_plugins(db(), actor(), installed.path(),
                                            installed.path() / "no-such-folder");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

// Two `steward serve` nodes sharing one database and one plugin directory start at the same
// moment (scripts/two-node-trial found this): each built-in is installed once, neither node
// reports a failure, and no node writes a file the other has loaded (that killed a node with
// SIGBUS when both copied through the same temporary file name).
TEST_P(BundledPluginsTest, NodesStartingTogetherInstallEachBuiltInOnce) {
  shipped.add("good_report");
  shipped.add("good_importer");
  shipped.add("config_schema");
  constexpr int kNodes = 4;
  std::vector<std::unique_ptr<store::Database>> nodes;
  for (int i = 0; i < kNodes; ++i) {
    auto opened = store::Database::open(test_db().url());
    ASSERT_TRUE(opened) << opened.status().to_string();
    nodes.push_back(std::move(opened.value()));
  }
  std::vector<std::vector<BundledOutcome>> outcomes(kNodes);
  std::vector<std::string> failures(kNodes);
  std::vector<std::thread> threads;
  threads.reserve(kNodes);
  for (int i = 0; i < kNodes; ++i) {
    threads.emplace_back([&, i] {
      auto r =
          plugins::install_bundled_plugins(*nodes[i], actor(), installed.path(), shipped.path());
      if (r)
        outcomes[i] = *r;
      else
        failures[i] = r.status().to_string();
    });
  }
  for (auto& t : threads) t.join();
  int installs = 0;
  for (int i = 0; i < kNodes; ++i) {
    EXPECT_EQ(failures[i], "") << "node " << i;
    for (const auto& o : outcomes[i]) {
      EXPECT_TRUE(o.action == "installed" || o.action == "current")
          << "node " << i << ": " << o.file_name << " " << o.action << ": " << o.message;
      if (o.action == "installed") ++installs;
    }
  }
  EXPECT_EQ(installs, 3);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 3);
  EXPECT_EQ(record("org.steward.test.report").state, "enabled");
  EXPECT_EQ(record("org.steward.test.importer").state, "enabled");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(installed.path()))
    left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left,
            (std::vector<std::string>{"config_schema.so", "good_importer.so", "good_report.so"}));
}

STEWARD_INSTANTIATE_DATABASE_TEST(BundledPluginsTest);

}  // namespace
}  // namespace steward

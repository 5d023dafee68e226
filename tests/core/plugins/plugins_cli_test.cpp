// `steward plugins ...` through the real binary, the way an admin uses it: list, install, info,
// enable, configure (with a bad value first), disable, remove, install-bundled, and the errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "plugin_dir.hpp"
#include "support/cli_runner.hpp"

namespace steward {
namespace {

using testing::CliRun;
using testing::PluginDir;
namespace fs = std::filesystem;

class PluginsCliTest : public testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    plugin_dir_ = dir_ / "plugins";
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
  // `steward plugins ARGS` with this test's database and plugin directory.
  CliRun plugins(const std::string& args, bool with_stderr = true) {
    return testing::run_command("STEWARD_PLUGIN_DIR=" + testing::shell_quote(plugin_dir_.string()) +
                                    " " + STEWARD_BIN + " --database " + db_ + " plugins " + args,
                                with_stderr);
  }
  static std::string fixture(const std::string& name) {
    return testing::shell_quote(PluginDir::fixture(name).string());
  }
  fs::path plugin_dir_;
};

bool has(const CliRun& run, const std::string& text) {
  return run.output.find(text) != std::string::npos;
}

TEST_F(PluginsCliTest, TheWholeLifecycleOfOnePlugin) {
  CliRun empty = plugins("list");
  ASSERT_EQ(empty.exit_code, 0) << empty.output;
  EXPECT_TRUE(has(empty, "no plugins installed")) << empty.output;

  CliRun installed = plugins("install " + fixture("good_report"));
  ASSERT_EQ(installed.exit_code, 0) << installed.output;
  EXPECT_TRUE(has(installed, "org.steward.test.report")) << installed.output;
  EXPECT_TRUE(has(installed, "state=installed")) << installed.output;
  EXPECT_TRUE(fs::exists(plugin_dir_ / "good_report.so"));

  CliRun info = plugins("info org.steward.test.report --json", false);
  ASSERT_EQ(info.exit_code, 0) << info.output;
  auto json = nlohmann::json::parse(info.output);
  EXPECT_EQ(json["manifest"]["kind"], "report");

  CliRun enabled = plugins("enable org.steward.test.report");
  ASSERT_EQ(enabled.exit_code, 0) << enabled.output;
  EXPECT_TRUE(has(enabled, "state=enabled")) << enabled.output;

  CliRun list = plugins("list --json", false);
  ASSERT_EQ(list.exit_code, 0) << list.output;
  auto rows = nlohmann::json::parse(list.output);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["enabled"], true);

  CliRun disabled = plugins("disable org.steward.test.report");
  ASSERT_EQ(disabled.exit_code, 0) << disabled.output;
  EXPECT_TRUE(has(disabled, "enabled=no")) << disabled.output;

  CliRun removed = plugins("remove org.steward.test.report");
  ASSERT_EQ(removed.exit_code, 0) << removed.output;
  EXPECT_FALSE(fs::exists(plugin_dir_ / "good_report.so"));
  EXPECT_TRUE(has(plugins("list"), "no plugins installed"));
}

TEST_F(PluginsCliTest, ConfigurationIsCheckedAgainstTheSchemaBeforeEnabling) {
  ASSERT_EQ(plugins("install " + fixture("config_schema")).exit_code, 0);
  const std::string id = "org.steward.test.configured";
  CliRun early = plugins("enable " + id);
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_TRUE(has(early, "cannot be enabled until it is configured")) << early.output;
  CliRun bad = plugins("configure " + id + " --set host=mail.example.org --set port=70000");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(has(bad, "port")) << bad.output;
  CliRun good = plugins("configure " + id + " --set host=mail.example.org --set port=587");
  ASSERT_EQ(good.exit_code, 0) << good.output;
  CliRun enabled = plugins("enable " + id);
  ASSERT_EQ(enabled.exit_code, 0) << enabled.output;
  EXPECT_TRUE(has(enabled, "state=enabled")) << enabled.output;
}

TEST_F(PluginsCliTest, MistakesGetAClearErrorAndChangeNothing) {
  CliRun missing = plugins("install " + (dir_ / "nothing-here.so").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(has(missing, "is not a file")) << missing.output;
  CliRun unknown = plugins("enable org.steward.nope");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(has(unknown, "org.steward.nope")) << unknown.output;
  CliRun broken = plugins("install " + fixture("wrong_api_major"));
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_TRUE(has(broken, "API")) << broken.output;
  EXPECT_FALSE(fs::exists(plugin_dir_ / "wrong_api_major.so"));
  EXPECT_TRUE(has(plugins("list"), "no plugins installed"));
}

TEST_F(PluginsCliTest, InstallBundledInstallsAndEnablesOnceAndRespectsRemoval) {
  PluginDir shipped;
  shipped.add("good_report");
  const std::string from = " --from " + testing::shell_quote(shipped.path().string());
  CliRun first = plugins("install-bundled" + from);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(has(first, "org.steward.test.report  installed")) << first.output;
  EXPECT_TRUE(has(plugins("list"), "state=enabled"));
  CliRun second = plugins("install-bundled" + from);
  EXPECT_TRUE(has(second, "current")) << second.output;
  ASSERT_EQ(plugins("remove org.steward.test.report").exit_code, 0);
  CliRun third = plugins("install-bundled" + from);
  EXPECT_TRUE(has(third, "removed by an admin")) << third.output;
  EXPECT_TRUE(has(plugins("list"), "no plugins installed"));
}

}  // namespace
}  // namespace steward

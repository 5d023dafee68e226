// The plugin lifecycle against the database: install, enable, configure, changed files,
// missing files, remove; on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>

#include "plugin_dir.hpp"
#include "plugins/config_schema.hpp"
#include "plugins/plugin_service.hpp"
#include "store/audit.hpp"
#include "support/test_database.hpp"

namespace steward {
namespace {

using plugins::PluginRecord;
using store::Unit;
using testing::PluginDir;
namespace fs = std::filesystem;

class PluginServiceTest : public testing::DatabaseTest {
 protected:
  Result<PluginRecord> install(const std::string& fixture,
                               std::optional<std::string> isolation = std::nullopt) {
    return db().write(actor(), [&](Unit& u) {
      return plugins::install_plugin(u, dir.path(), PluginDir::fixture(fixture), isolation);
    });
  }
  Result<PluginRecord> enable(const std::string& id) {
    return db().write(actor(), [&](Unit& u) { return plugins::enable_plugin(u, dir.path(), id); });
  }
  Result<PluginRecord> configure(const std::string& id, std::vector<std::string> settings) {
    return db().write(
        actor(), [&](Unit& u) { return plugins::configure_plugin(u, dir.path(), id, settings); });
  }
  std::vector<PluginRecord> sync() {
    auto r = db().write(actor(), [&](Unit& u) { return plugins::sync_plugins(u, dir.path()); });
    EXPECT_TRUE(r) << r.status().to_string();
    return r ? *r : std::vector<PluginRecord>{};
  }
  PluginDir dir;
};

TEST_P(PluginServiceTest, InstallCopiesRecordsHashAndStartsDisabled) {
  auto rec = install("good_mailer");
  ASSERT_TRUE(rec) << rec.status().to_string();
  EXPECT_EQ(rec->plugin_id, "org.steward.test.mailer");
  EXPECT_EQ(rec->kind, "mailer");
  EXPECT_EQ(rec->version, "0.3.0");
  EXPECT_EQ(rec->state, "installed");
  EXPECT_FALSE(rec->enabled);
  EXPECT_EQ(rec->isolation, "in_process");
  EXPECT_EQ(rec->installed_by, "test:runner");
  EXPECT_EQ(rec->sha256.size(), 64u);
  auto perms = fs::status(dir.path() / "good_mailer.so").permissions();
  EXPECT_EQ(perms & fs::perms::others_write, fs::perms::none);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'plugin' AND action = 'install'"),
            1);

  auto again = install("good_mailer");
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);

  auto enabled = enable("org.steward.test.mailer");
  ASSERT_TRUE(enabled) << enabled.status().to_string();
  EXPECT_EQ(enabled->state, "enabled");
  auto disabled = db().write(
      actor(), [&](Unit& u) { return plugins::disable_plugin(u, "org.steward.test.mailer"); });
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->state, "installed");
}

TEST_P(PluginServiceTest, ImportersAreIsolatedByDefault) {
  auto rec = install("good_importer");
  ASSERT_TRUE(rec) << rec.status().to_string();
  EXPECT_EQ(rec->isolation, "isolated");
  auto bad = install("good_report", std::string("sandboxed"));
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(bad.status().fields().at(0).field, "isolation");
}

TEST_P(PluginServiceTest, BrokenPluginsAreNotInstalledAndLeaveNoFile) {
  auto rec = install("wrong_api_major");
  ASSERT_FALSE(rec);
  EXPECT_NE(rec.status().message().find("accepts SDK API 1.0"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "wrong_api_major.so"));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 0);
}

TEST_P(PluginServiceTest, ConfigureValidatesAgainstTheSchemaAndNamesTheKey) {
  ASSERT_TRUE(install("config_schema"));
  const std::string id = "org.steward.test.configured";
  // Enabling before the required host is set says what is missing.
  auto early = enable(id);
  ASSERT_FALSE(early);
  EXPECT_NE(early.status().message().find("config.host: is required"), std::string::npos)
      << early.status().message();

  auto bad_port = configure(id, {"host=mail.example.org", "port=70000"});
  ASSERT_FALSE(bad_port);
  EXPECT_EQ(bad_port.status().fields().at(0).field, "config.port");
  EXPECT_EQ(bad_port.status().message(), "config.port: must be at most 65535");

  auto unknown = configure(id, {"host=mail.example.org", "colour=blue"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.status().fields().at(0).field, "config.colour");

  auto bad_enum = configure(id, {"host=mail.example.org", "security=ssl"});
  ASSERT_FALSE(bad_enum);
  EXPECT_NE(bad_enum.status().message().find("config.security: must be one of"), std::string::npos);

  auto bad_pattern = configure(id, {"host=Mail Server"});
  ASSERT_FALSE(bad_pattern);
  EXPECT_EQ(bad_pattern.status().fields().at(0).field, "config.host");

  auto wrong_type = configure(id, {"host=mail.example.org", "port=abc"});
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.status().message(), "config.port: must be an integer");

  auto good = configure(
      id, {"host=mail.example.org", "port=587", "security=starttls", "sender_name=북한 난민 지원"});
  ASSERT_TRUE(good) << good.status().to_string();
  auto config = nlohmann::json::parse(good->config);
  EXPECT_EQ(config["port"], 587);
  EXPECT_EQ(config["sender_name"], "북한 난민 지원");
  ASSERT_TRUE(enable(id));
  // Failed configure attempts wrote nothing.
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'plugin' AND action = 'configure'"),
            1);
}

TEST_P(PluginServiceTest, AChangedFileIsRefusedUntilApproved) {
  ASSERT_TRUE(install("good_mailer"));
  const std::string id = "org.steward.test.mailer";
  ASSERT_TRUE(enable(id));
  // Someone replaces the file with another build.
  fs::copy_file(PluginDir::fixture("config_schema"), dir.path() / "good_mailer.so",
                fs::copy_options::overwrite_existing);
  auto list = sync();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].state, "changed");
  // The replacement declares another id, so approving is refused.
  auto approve =
      db().write(actor(), [&](Unit& u) { return plugins::approve_plugin(u, dir.path(), id); });
  ASSERT_FALSE(approve);
  EXPECT_NE(approve.status().message().find("now declares plugin id org.steward.test.configured"),
            std::string::npos);
  // The same id rebuilt (here: byte-for-byte a copy with a trailing byte) is approved.
  fs::copy_file(PluginDir::fixture("good_mailer"), dir.path() / "good_mailer.so",
                fs::copy_options::overwrite_existing);
  {
    std::ofstream out(dir.path() / "good_mailer.so", std::ios::app | std::ios::binary);
    out << '\0';
  }
  EXPECT_EQ(sync()[0].state, "changed");
  approve =
      db().write(actor(), [&](Unit& u) { return plugins::approve_plugin(u, dir.path(), id); });
  ASSERT_TRUE(approve) << approve.status().to_string();
  EXPECT_EQ(approve->state, "enabled");
  EXPECT_EQ(sync()[0].state, "enabled");
}

TEST_P(PluginServiceTest, AMissingFileIsReportedAndComesBack) {
  ASSERT_TRUE(install("good_report"));
  const std::string id = "org.steward.test.report";
  fs::rename(dir.path() / "good_report.so", dir.path() / "elsewhere.bak");
  EXPECT_EQ(sync()[0].state, "missing");
  auto enable_missing = enable(id);
  EXPECT_EQ(enable_missing.status().code(), StatusCode::kPreconditionFailed);
  fs::rename(dir.path() / "elsewhere.bak", dir.path() / "good_report.so");
  EXPECT_EQ(sync()[0].state, "installed");
}

TEST_P(PluginServiceTest, RemoveDeletesRecordAndFile) {
  ASSERT_TRUE(install("good_report"));
  // A removal whose unit rolls back keeps the record and the file.
  Status rolled_back = db().write(actor(), [&](Unit& u) -> Status {
    auto file = plugins::remove_plugin(u, dir.path(), "org.steward.test.report");
    if (!file) return file.status();
    return Status::conflict("a later step of the same unit failed");
  });
  EXPECT_EQ(rolled_back.code(), StatusCode::kConflict);
  EXPECT_TRUE(fs::exists(dir.path() / "good_report.so"));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 1);

  auto s = db().write(actor(), [&](Unit& u) {
    return plugins::remove_plugin(u, dir.path(), "org.steward.test.report");
  });
  ASSERT_TRUE(s) << s.status().to_string();
  EXPECT_EQ(*s, "good_report.so");
  EXPECT_TRUE(fs::exists(dir.path() / "good_report.so"));  // until the caller deletes it
  plugins::delete_plugin_file(dir.path(), *s);
  EXPECT_FALSE(fs::exists(dir.path() / "good_report.so"));
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM plugins"), 0);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'plugin' AND action = 'remove'"),
            1);
  auto again = db().write(actor(), [&](Unit& u) {
    return plugins::remove_plugin(u, dir.path(), "org.steward.test.report");
  });
  EXPECT_EQ(again.status().code(), StatusCode::kNotFound);
}

TEST_P(PluginServiceTest, OpenGivesAHandleOnlyForEnabledApprovedPlugins) {
  ASSERT_TRUE(install("good_importer"));
  const std::string id = "org.steward.test.importer";
  plugins::IsolationOptions options{STEWARD_BIN, 5000};
  auto open = [&] {
    return db().write(actor(),
                      [&](Unit& u) { return plugins::open_plugin(u, dir.path(), id, options); });
  };
  auto disabled = open();
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.status().code(), StatusCode::kPreconditionFailed);
  ASSERT_TRUE(enable(id));
  auto handle = open();
  ASSERT_TRUE(handle) << handle.status().to_string();
  EXPECT_EQ((*handle)->isolation(), plugins::Isolation::kIsolated);
  EXPECT_EQ(*(*handle)->detect("a.csv", "id,"), 95);
  {
    std::ofstream out(dir.path() / "good_importer.so", std::ios::app | std::ios::binary);
    out << '\0';
  }
  auto changed = open();
  ASSERT_FALSE(changed);
  EXPECT_NE(changed.status().message().find("its file changed since it was approved"),
            std::string::npos);
}

TEST(PluginConfigSchemaTest, SettingsParseJsonValuesAndNestedKeys) {
  nlohmann::json config = nlohmann::json::object();
  ASSERT_TRUE(plugins::apply_settings(config, {"a=1", "b=true", "c=hello", "d.e=2", "f=[1,2]"}));
  EXPECT_EQ(config["a"], 1);
  EXPECT_EQ(config["b"], true);
  EXPECT_EQ(config["c"], "hello");
  EXPECT_EQ(config["d"]["e"], 2);
  EXPECT_EQ(config["f"].size(), 2u);
  ASSERT_TRUE(plugins::apply_settings(config, {"c="}));
  EXPECT_FALSE(config.contains("c"));
  Status bad = plugins::apply_settings(config, {"novalue"});
  EXPECT_EQ(bad.fields().at(0).field, "set");
}

STEWARD_INSTANTIATE_DATABASE_TEST(PluginServiceTest);

}  // namespace
}  // namespace steward

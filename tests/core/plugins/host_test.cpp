// The in-process host: loading, version checks, file rules, exceptions, failing state.
#include <gtest/gtest.h>

#include <filesystem>

#include "plugin_dir.hpp"
#include "plugins/file_safety.hpp"
#include "plugins/host.hpp"
#include "plugins/in_process_plugin.hpp"

namespace steward {
namespace {

using testing::PluginDir;
namespace fs = std::filesystem;

class FakeQuery : public sdk::QueryCapability {
 public:
  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<sdk::Value>& params) const override {
    last_sql = std::string(sql);
    sdk::QueryRows rows;
    rows.columns = {"label", "total"};
    rows.rows.push_back({params.at(0), std::int64_t{1234}});
    return rows;
  }
  mutable std::string last_sql;
};

TEST(PluginHostTest, GoodImporterStreamsRecordsAcrossChunkBoundaries) {
  PluginDir dir;
  auto file = dir.add("good_importer");
  auto plugin = plugins::open_in_process(dir.path(), file, "{}");
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto& p = **plugin;
  EXPECT_EQ(p.manifest().id, "org.steward.test.importer");
  EXPECT_EQ(p.manifest().kind, sdk::PluginKind::kImporter);
  EXPECT_EQ(*p.detect("stripe.csv", "id,date"), 95);
  EXPECT_EQ(*p.detect("stripe.pdf", "%PDF"), 0);

  std::string text =
      "id,date,amount,currency,name\nch_1,2026-03-01,50000,KRW,김민지\nch_2,2026-13-01,1,USD,x\n"
      "ch_3,2026-03-02,1250,USD,Ann Lee";
  sdk::ParseOutput out;
  ASSERT_TRUE(p.start("gifts.csv"));
  for (std::size_t i = 0; i < text.size(); i += 7) {  // splits mid-line and mid-Hangul
    ASSERT_TRUE(p.feed(std::string_view(text).substr(i, 7), out));
  }
  ASSERT_TRUE(p.finish(out));
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].donor_name, "김민지");
  EXPECT_EQ(out.records[0].amount, (sdk::Money{50000, "KRW"}));
  EXPECT_EQ(out.records[0].date, (sdk::Date{2026, 3, 1}));
  EXPECT_EQ(out.records[1].external_id, "ch_3");
  ASSERT_EQ(out.issues.size(), 1u);
  EXPECT_EQ(out.issues[0].line, 3u);
  EXPECT_EQ(out.issues[0].field, "date");
}

TEST(PluginHostTest, GoodMailerReportsEachRecipient) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("good_mailer"), "{}");
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  sdk::MailMessage m;
  m.from = "office@example.org";
  m.to = {"a@example.org", "reject@example.org", "later@example.org"};
  m.subject = "감사합니다";
  auto statuses = (*plugin)->deliver(m);
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  ASSERT_EQ(statuses->size(), 3u);
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted);
  EXPECT_EQ((*statuses)[0].reply, "250 2.0.0 OK 감사합니다");
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kRejected);
  EXPECT_EQ((*statuses)[2].state, sdk::DeliveryState::kDeferred);
  // The plugin's own refusal is an answer, not a failure.
  m.to.clear();
  auto refused = (*plugin)->deliver(m);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalid);
  EXPECT_FALSE((*plugin)->failing());
}

TEST(PluginHostTest, GoodReportDeclaresParametersAndReturnsATable) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("good_report"), "{}");
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto params = (*plugin)->parameters();
  ASSERT_TRUE(params);
  ASSERT_EQ(params->size(), 1u);
  EXPECT_EQ(std::get<std::string>((*params)[0].default_value), "합계");
  FakeQuery db;
  auto table = (*plugin)->run(db, {{"label", std::string("합계")}});
  ASSERT_TRUE(table) << table.status().to_string();
  EXPECT_EQ(db.last_sql, "SELECT ? AS label, 1234 AS total");
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(table->rows[0][0]), "합계");
  EXPECT_EQ(std::get<sdk::Money>(table->rows[0][1]), (sdk::Money{1234, "KRW"}));
  ASSERT_TRUE(table->chart.has_value());
  EXPECT_EQ(table->chart->x_column, "label");
}

TEST(PluginHostTest, CallingAnotherKindsMethodIsRefused) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("good_importer"), "{}");
  ASSERT_TRUE(plugin);
  auto r = (*plugin)->deliver({});
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_NE(r.status().message().find("is of kind importer, not mailer"), std::string::npos);
}

TEST(PluginHostTest, WrongApiMajorIsRefusedSayingWhatTheHostAccepts) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("wrong_api_major"), "{}");
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.status().code(), StatusCode::kInvalid);
  const auto& m = plugin.status().message();
  EXPECT_NE(m.find("wrong_api_major.so was built for SDK API 2.0"), std::string::npos) << m;
  EXPECT_NE(m.find("another major version"), std::string::npos) << m;
  EXPECT_NE(m.find("accepts SDK API 1.0 to 1.0"), std::string::npos) << m;
}

TEST(PluginHostTest, NewerApiMinorIsRefused) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("newer_api_minor"), "{}");
  ASSERT_FALSE(plugin);
  const auto& m = plugin.status().message();
  EXPECT_NE(m.find("built for SDK API 1.7 (a newer minor version than this host)"),
            std::string::npos)
      << m;
}

TEST(PluginHostTest, MissingSymbolsAreRefusedNamingTheSymbol) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("missing_symbols"), "{}");
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.status().message().find("does not export steward_plugin_api"), std::string::npos)
      << plugin.status().message();
}

TEST(PluginHostTest, NotASharedObjectIsRefused) {
  PluginDir dir;
  {
    std::FILE* f = std::fopen((dir.path() / "junk.so").c_str(), "w");
    std::fputs("not an ELF file", f);
    std::fclose(f);
  }
  auto plugin = plugins::open_in_process(dir.path(), "junk.so", "{}");
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.status().message().find("junk.so cannot be loaded"), std::string::npos);
}

TEST(PluginHostTest, ThrowingFactoryBecomesAStatusNamingThePlugin) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("throws_in_factory"), "{}");
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(plugin.status().message(),
            "plugin org.steward.test.throws-in-factory: the factory threw: cannot start: no "
            "licence key");
}

TEST(PluginHostTest, ThrowingCallsMarkThePluginFailingAfterTheLimit) {
  PluginDir dir;
  auto plugin = plugins::open_in_process(dir.path(), dir.add("throws_in_call"), "{}");
  ASSERT_TRUE(plugin) << plugin.status().to_string();
  auto& p = **plugin;
  p.set_failure_limit(3);
  sdk::ParseOutput out;
  for (int i = 1; i <= 3; ++i) {
    Status s = p.feed("x", out);
    EXPECT_EQ(s.code(), StatusCode::kUnavailable);
    EXPECT_NE(s.message().find("plugin org.steward.test.throws-in-call: threw: fixture parser "
                               "exploded"),
              std::string::npos)
        << s.message();
  }
  EXPECT_TRUE(p.failing());
  Status refused = p.feed("x", out);
  EXPECT_NE(refused.message().find("is failing"), std::string::npos) << refused.message();
  EXPECT_EQ(p.last_error(), "threw: fixture parser exploded");
  p.reset_failures();
  EXPECT_FALSE(p.failing());
  // Calls that do not throw keep working; a success resets the count.
  EXPECT_TRUE(p.start("a.csv"));
}

TEST(PluginHostTest, WorldWritableFileAndDirectoryAreRefused) {
  PluginDir dir;
  auto file = dir.add("good_importer");
  fs::permissions(dir.path() / file, fs::perms(0757));
  auto plugin = plugins::open_in_process(dir.path(), file, "{}");
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(plugin.status().message().find("good_importer.so is world-writable"),
            std::string::npos);

  fs::permissions(dir.path() / file, fs::perms(0755));
  fs::permissions(dir.path(), fs::perms(0777));
  plugin = plugins::open_in_process(dir.path(), file, "{}");
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.status().message().find("is world-writable; refusing to load plugins"),
            std::string::npos);
  fs::permissions(dir.path(), fs::perms(0755));
}

TEST(PluginHostTest, PathsAndSymlinksOutsideTheDirectoryAreRefused) {
  PluginDir dir;
  PluginDir elsewhere;
  auto outside = elsewhere.add("good_importer");
  fs::create_symlink(elsewhere.path() / outside, dir.path() / "sneaky.so");
  auto plugin = plugins::open_in_process(dir.path(), "sneaky.so", "{}");
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.status().message().find("sneaky.so points outside the plugin directory"),
            std::string::npos)
      << plugin.status().message();

  plugin = plugins::open_in_process(
      dir.path(), "../" + elsewhere.path().filename().string() + "/" + outside, "{}");
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.status().code(), StatusCode::kInvalid);

  // A symlink to a file inside the directory is fine.
  dir.add("good_importer", "real.so");
  fs::create_symlink(dir.path() / "real.so", dir.path() / "alias.so");
  EXPECT_TRUE(plugins::open_in_process(dir.path(), "alias.so", "{}"));
}

TEST(PluginHostTest, ScanReportsEveryFileAndRefusesDuplicateIds) {
  PluginDir dir;
  dir.add("good_importer");
  dir.add("good_mailer");
  dir.add("duplicate_a");
  dir.add("duplicate_b");
  dir.add("wrong_api_major");
  auto scanned = plugins::scan_plugin_directory(dir.path());
  ASSERT_TRUE(scanned) << scanned.status().to_string();
  ASSERT_EQ(scanned->size(), 5u);
  std::map<std::string, plugins::ScannedPlugin> by_file;
  for (auto& s : *scanned) by_file[s.file_name] = s;
  EXPECT_TRUE(by_file["good_importer.so"].problem);
  EXPECT_TRUE(by_file["good_mailer.so"].problem);
  EXPECT_EQ(by_file["duplicate_a.so"].problem.code(), StatusCode::kConflict);
  EXPECT_NE(by_file["duplicate_a.so"].problem.message().find(
                "plugin id org.steward.test.duplicate in duplicate_a.so is also declared by "
                "duplicate_b.so"),
            std::string::npos);
  EXPECT_EQ(by_file["duplicate_b.so"].problem.code(), StatusCode::kConflict);
  EXPECT_FALSE(by_file["wrong_api_major.so"].problem);
  EXPECT_FALSE(by_file["wrong_api_major.so"].manifest.has_value());
}

TEST(PluginHostTest, PluginObjectsKeepTheirLibraryLoaded) {
  PluginDir dir;
  auto file = dir.add("good_mailer");
  std::unique_ptr<plugins::PluginHandle> handle;
  {
    auto plugin = plugins::open_in_process(dir.path(), file, "{}");
    ASSERT_TRUE(plugin);
    handle = std::move(*plugin);
  }
  fs::remove(dir.path() / file);  // the mapping stays valid while the handle lives
  sdk::MailMessage m;
  m.to = {"a@example.org"};
  EXPECT_TRUE(handle->deliver(m));
}

}  // namespace
}  // namespace steward

// Loads the built plugin library (build/plugins/import-ofx.so) through the host's loader and parses
// a fixture through the SDK interface, as the import pipeline will.
#include <gtest/gtest.h>

#include <filesystem>

#include "plugins/loader.hpp"
#include "support/bank_importer_harness.hpp"

namespace {

TEST(OfxPluginLibrary, LoadsAndParsesThroughTheSdk) {
  auto so = std::filesystem::canonical("/proc/self/exe").parent_path().parent_path() / "plugins" /
            "import-ofx.so";
  if (!std::filesystem::exists(so)) GTEST_SKIP() << so << " is not built";
  auto library = steward::plugins::Library::open(so);
  ASSERT_TRUE(library.is_ok()) << library.status().to_string();
  ASSERT_TRUE((*library)->check_symbols());
  auto manifest = (*library)->manifest();
  EXPECT_EQ(manifest.id, "org.steward.import.ofx");
  EXPECT_EQ(manifest.kind, steward::sdk::PluginKind::kImporter);
  auto plugin = (*library)->create("{}");
  ASSERT_NE(plugin, nullptr);
  auto* importer = plugin->as_importer();
  ASSERT_NE(importer, nullptr);
  auto bytes = bank_test::read_file(bank_test::data_dir("import-ofx") / "sgml_checking.ofx");
  EXPECT_GE(importer->detect("sgml_checking.ofx", bytes), 90);
  auto run = bank_test::run(*importer, bytes, 4096);
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_EQ(run.out.records.size(), 3u);
  plugin.reset();
}

}  // namespace

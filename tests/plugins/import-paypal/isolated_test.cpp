// The built import-paypal.so in a plugin-host child gives what the library gives in process.
#include <gtest/gtest.h>

#include "steward/import_paypal/paypal_importer.hpp"
#include "support/importer_host.hpp"

namespace st = steward::testing;

TEST(PaypalIsolatedTest, ChildOutputEqualsInProcessOutput) {
  std::string bytes = st::read_plugin_fixture("import-paypal", "activity_en.csv");
  auto isolated = st::run_isolated("import-paypal", "{}", bytes, 1000);
  if (!isolated) GTEST_SKIP() << "build the import-paypal and steward targets to run this test";
  steward::import_paypal::PaypalImporter importer;
  auto local = st::run_importer(importer, bytes, 1000);
  ASSERT_TRUE(isolated->status) << isolated->status.to_string();
  EXPECT_EQ(st::fingerprint(*isolated), st::fingerprint(local));
}

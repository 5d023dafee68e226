// The built import-stripe.so in a plugin-host child gives what the library gives in process.
#include <gtest/gtest.h>

#include "steward/import_stripe/stripe_importer.hpp"
#include "support/importer_host.hpp"

namespace st = steward::testing;

TEST(StripeIsolatedTest, ChildOutputEqualsInProcessOutput) {
  std::string bytes = st::read_plugin_fixture("import-stripe", "payments_unified.csv");
  auto isolated = st::run_isolated("import-stripe", "{}", bytes, 1000);
  if (!isolated) GTEST_SKIP() << "build the import-stripe and steward targets to run this test";
  steward::import_stripe::StripeImporter importer;
  auto local = st::run_importer(importer, bytes, 1000);
  ASSERT_TRUE(isolated->status) << isolated->status.to_string();
  EXPECT_EQ(st::fingerprint(*isolated), st::fingerprint(local));
}

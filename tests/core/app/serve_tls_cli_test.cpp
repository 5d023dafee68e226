// `steward serve` with a bad TLS setting fails at start with a message naming the file.
#include <gtest/gtest.h>

#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;
using steward::testing::CliTest;

TEST_F(CliTest, ServeRefusesAMissingTlsCertificateNamingTheFile) {
  CliRun missing = steward_db(
      "serve --listen 127.0.0.1:0 --tls-cert-file /nonexistent/steward.crt "
      "--tls-key-file /nonexistent/steward.key");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("/nonexistent/steward.crt"), std::string::npos) << missing.output;
  CliRun half = steward_db("serve --listen 127.0.0.1:0 --tls-cert-file /nonexistent/steward.crt");
  EXPECT_EQ(half.exit_code, 1);
  EXPECT_NE(half.output.find("tls.key_file"), std::string::npos) << half.output;
}

}  // namespace

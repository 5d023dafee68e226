// trusted_proxies takes CIDR ranges in the file, STEWARD_TRUSTED_PROXIES and the flags; a bad
// entry is a config error naming trusted_proxies and quoting the entry.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/config.hpp"

namespace steward::app {
namespace {

std::string write_ranges_config(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("steward-ranges-config-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(TrustedProxyRangesConfig, RangesAreAccepted) {
  Config c;
  Status s = load_config_file(
      write_ranges_config("trusted_proxies = [\"10.0.0.0/8\", \"fd00::/8\", \"127.0.0.1\"]\n"),
      true, c);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"10.0.0.0/8", "fd00::/8", "127.0.0.1"}));
  setenv("STEWARD_TRUSTED_PROXIES", "172.16.0.0/12, ::1", 1);
  Status env = apply_environment(c);
  unsetenv("STEWARD_TRUSTED_PROXIES");
  ASSERT_TRUE(env.is_ok()) << env.to_string();
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"172.16.0.0/12", "::1"}));
}

TEST(TrustedProxyRangesConfig, ABadEntryIsNamed) {
  for (const std::string bad : {"10.0.0.0/33", "fd00::/200", "proxy.local/8"}) {
    Config c;
    Status s =
        load_config_file(write_ranges_config("trusted_proxies = [\"" + bad + "\"]\n"), true, c);
    ASSERT_FALSE(s.is_ok()) << bad;
    EXPECT_EQ(s.fields().at(0).field, "trusted_proxies") << bad;
    EXPECT_NE(s.message().find("'" + bad + "'"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace steward::app

// [sessions], trusted_proxies and [tls] in steward.toml, their environment variables and the
// `serve` flags: file < environment < flags, and errors that name the setting.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/config.hpp"
#include "app/serve_flags.hpp"

namespace steward::app {
namespace {

std::string write_config(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("steward-server-config-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(ServerConfig, DefaultsAreThirtyMinutesAndTwelveHours) {
  Config c;
  EXPECT_EQ(c.session_idle_minutes, 30);
  EXPECT_EQ(c.session_absolute_hours, 12);
  http::ApiOptions o = api_options_from(c);
  EXPECT_EQ(o.sign_in.timeouts.idle, std::chrono::minutes(30));
  EXPECT_EQ(o.sign_in.timeouts.absolute, std::chrono::hours(12));
  EXPECT_FALSE(o.secure_cookies);
}

TEST(ServerConfig, ReadsSessionsProxiesAndTls) {
  Config c;
  auto s = load_config_file(
      write_config(
          "trusted_proxies = [\"10.0.0.2\", \"::1\"]\n"
          "[sessions]\nidle_minutes = 10\nabsolute_hours = 4\n"
          "[tls]\ncert_file = \"/etc/steward/tls.crt\"\nkey_file = \"/etc/steward/tls.key\"\n"),
      true, c);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_EQ(c.session_idle_minutes, 10);
  EXPECT_EQ(c.session_absolute_hours, 4);
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"10.0.0.2", "::1"}));
  EXPECT_EQ(c.tls_cert_file, "/etc/steward/tls.crt");
  EXPECT_EQ(c.tls_key_file, "/etc/steward/tls.key");
  http::ApiOptions o = api_options_from(c);
  EXPECT_EQ(o.sign_in.timeouts.idle, std::chrono::minutes(10));
  EXPECT_EQ(o.sign_in.timeouts.absolute, std::chrono::hours(4));
  EXPECT_TRUE(o.secure_cookies);
}

TEST(ServerConfig, BadValuesNameTheKey) {
  auto field_of = [](const std::string& text) {
    Config c;
    Status s = load_config_file(write_config(text), true, c);
    return s.is_ok() ? std::string("(ok)") : s.fields().at(0).field;
  };
  EXPECT_EQ(field_of("[sessions]\nidle_minutes = 0\n"), "sessions.idle_minutes");
  EXPECT_EQ(field_of("[sessions]\nidle_minutes = \"30\"\n"), "sessions.idle_minutes");
  EXPECT_EQ(field_of("[sessions]\nabsolute_hours = 100000\n"), "sessions.absolute_hours");
  EXPECT_EQ(field_of("[sessions]\nidle = 5\n"), "sessions.idle");
  EXPECT_EQ(field_of("trusted_proxies = \"10.0.0.1\"\n"), "trusted_proxies");
  EXPECT_EQ(field_of("trusted_proxies = [\"proxy.local\"]\n"), "trusted_proxies");
  EXPECT_EQ(field_of("[tls]\ncert_file = \"a.crt\"\n"), "tls.key_file");
  EXPECT_EQ(field_of("[tls]\nkey_file = \"a.key\"\n"), "tls.cert_file");
  EXPECT_EQ(field_of("[tls]\ncert = \"a.crt\"\n"), "tls.cert");
}

TEST(ServerConfig, EnvironmentOverridesTheFileAndFlagsOverrideBoth) {
  Config c;
  ASSERT_TRUE(load_config_file(write_config("trusted_proxies = [\"10.0.0.2\"]\n"
                                            "[sessions]\nidle_minutes = 10\nabsolute_hours = 4\n"),
                               true, c)
                  .is_ok());
  setenv("STEWARD_SESSION_IDLE_MINUTES", "15", 1);
  setenv("STEWARD_TRUSTED_PROXIES", "10.0.0.3, 10.0.0.4", 1);
  Status env = apply_environment(c);
  unsetenv("STEWARD_SESSION_IDLE_MINUTES");
  unsetenv("STEWARD_TRUSTED_PROXIES");
  ASSERT_TRUE(env.is_ok()) << env.to_string();
  EXPECT_EQ(c.session_idle_minutes, 15);
  EXPECT_EQ(c.session_absolute_hours, 4);  // from the file
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"10.0.0.3", "10.0.0.4"}));

  ServeFlags flags;
  flags.idle_minutes = 5;
  flags.trusted_proxies = {"192.0.2.1"};
  ASSERT_TRUE(apply_serve_flags(flags, c).is_ok());
  EXPECT_EQ(c.session_idle_minutes, 5);
  EXPECT_EQ(c.session_absolute_hours, 4);
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"192.0.2.1"}));

  flags.absolute_hours = -1;
  Status bad = apply_serve_flags(flags, c);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.fields().at(0).field, "--session-absolute-hours");
  setenv("STEWARD_SESSION_ABSOLUTE_HOURS", "soon", 1);
  Status bad_env = apply_environment(c);
  unsetenv("STEWARD_SESSION_ABSOLUTE_HOURS");
  ASSERT_FALSE(bad_env.is_ok());
  EXPECT_EQ(bad_env.fields().at(0).field, "STEWARD_SESSION_ABSOLUTE_HOURS");
}

}  // namespace
}  // namespace steward::app

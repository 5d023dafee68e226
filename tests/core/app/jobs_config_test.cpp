// The [jobs] section of steward.toml and its environment variables.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/config.hpp"

namespace steward::app {
namespace {

std::string write_jobs_config(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("steward-jobs-config-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(JobsConfig, ReadsTheJobsTable) {
  Config c;
  EXPECT_TRUE(c.jobs_enabled);
  EXPECT_EQ(c.jobs_poll_ms, 1000);
  auto s = load_config_file(write_jobs_config("[jobs]\nenabled = false\npoll_ms = 250\n"), true, c);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_FALSE(c.jobs_enabled);
  EXPECT_EQ(c.jobs_poll_ms, 250);
}

TEST(JobsConfig, BadValuesNameTheKey) {
  Config c;
  auto unknown = load_config_file(write_jobs_config("[jobs]\npoll = 5\n"), true, c);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.fields().at(0).field, "jobs.poll");
  auto type = load_config_file(write_jobs_config("[jobs]\nenabled = \"yes\"\n"), true, c);
  ASSERT_FALSE(type.is_ok());
  EXPECT_EQ(type.fields().at(0).field, "jobs.enabled");
  auto range = load_config_file(write_jobs_config("[jobs]\npoll_ms = 1\n"), true, c);
  ASSERT_FALSE(range.is_ok());
  EXPECT_EQ(range.fields().at(0).field, "jobs.poll_ms");
}

TEST(JobsConfig, EnvironmentOverrides) {
  Config c;
  ::setenv("STEWARD_JOBS_ENABLED", "false", 1);
  ::setenv("STEWARD_JOBS_POLL_MS", "500", 1);
  auto s = apply_environment(c);
  ::unsetenv("STEWARD_JOBS_ENABLED");
  ::unsetenv("STEWARD_JOBS_POLL_MS");
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_FALSE(c.jobs_enabled);
  EXPECT_EQ(c.jobs_poll_ms, 500);
  ::setenv("STEWARD_JOBS_ENABLED", "maybe", 1);
  auto bad = apply_environment(c);
  ::unsetenv("STEWARD_JOBS_ENABLED");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.fields().at(0).field, "STEWARD_JOBS_ENABLED");
}

}  // namespace
}  // namespace steward::app

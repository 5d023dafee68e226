#include "app/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace steward::app {
namespace {

std::string write_temp(const std::string& text) {
  auto path =
      std::filesystem::temp_directory_path() /
      ("steward-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, FileValuesOverrideDefaults) {
  Config c;
  std::string path = write_temp(
      "database = \"postgresql://steward@127.0.0.1/steward\"\n"
      "listen = \"127.0.0.1:9000\"\npool_size = 8\n");
  ASSERT_TRUE(load_config_file(path, true, c).is_ok());
  EXPECT_EQ(c.database, "postgresql://steward@127.0.0.1/steward");
  EXPECT_EQ(c.listen, "127.0.0.1:9000");
  EXPECT_EQ(c.pool_size, 8u);
  EXPECT_EQ(c.io_threads, 2);  // untouched default
}

TEST(Config, UnknownKeysAndWrongTypesNameTheKey) {
  Config c;
  auto unknown = load_config_file(write_temp("databse = \"x\"\n"), true, c);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.fields().at(0).field, "databse");
  auto wrong = load_config_file(write_temp("pool_size = \"eight\"\n"), true, c);
  ASSERT_FALSE(wrong.is_ok());
  EXPECT_EQ(wrong.fields().at(0).field, "pool_size");
  auto range = load_config_file(write_temp("pool_size = 0\n"), true, c);
  EXPECT_FALSE(range.is_ok());
  auto syntax = load_config_file(write_temp("database = \n"), true, c);
  EXPECT_FALSE(syntax.is_ok());
}

TEST(Config, MissingFileIsAnErrorOnlyWhenRequired) {
  Config c;
  EXPECT_TRUE(load_config_file("/nonexistent/steward.toml", false, c).is_ok());
  EXPECT_FALSE(load_config_file("/nonexistent/steward.toml", true, c).is_ok());
}

TEST(Config, EnvironmentOverridesTheFile) {
  Config c;
  setenv("STEWARD_DATABASE", "sqlite:/tmp/env.db", 1);
  setenv("STEWARD_POOL_SIZE", "3", 1);
  ASSERT_TRUE(apply_environment(c).is_ok());
  EXPECT_EQ(c.database, "sqlite:/tmp/env.db");
  EXPECT_EQ(c.pool_size, 3u);
  setenv("STEWARD_POOL_SIZE", "lots", 1);
  EXPECT_FALSE(apply_environment(c).is_ok());
  unsetenv("STEWARD_DATABASE");
  unsetenv("STEWARD_POOL_SIZE");
}

}  // namespace
}  // namespace steward::app

// `steward demo generate-file`: synthetic Stripe payment files for the import bench and tests.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

using steward::testing::CliRun;
using steward::testing::run_steward;
using steward::testing::run_steward_stdout;

class DemoFileCliTest : public steward::testing::CliTest {
 protected:
  std::string read(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(DemoFileCliTest, TheSameSeedWritesTheSameStripeFile) {
  std::string a = (dir_ / "a.csv").string(), b = (dir_ / "b.csv").string();
  CliRun first = run_steward_stdout(
      "demo generate-file --format stripe --rows 300 --seed 9 --out " + a + " --json");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  auto j = nlohmann::json::parse(first.output, nullptr, false);
  ASSERT_TRUE(j.is_object()) << first.output;
  EXPECT_EQ(j["rows"], 300);
  EXPECT_GT(j["customers"].get<long long>(), 250);
  EXPECT_EQ(j["rows"].get<long long>(),
            j["customers"].get<long long>() + j["repeat_rows"].get<long long>());
  CliRun second = run_steward("demo generate-file --rows 300 --seed 9 --out " + b);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  std::string text = read("a.csv");
  EXPECT_EQ(text, read("b.csv"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 301);
  EXPECT_EQ(text.rfind("id,Created date (UTC),Amount,", 0), 0u);
  EXPECT_NE(text.find("fund (metadata)"), std::string::npos);
  // Hangul names, UTF-8 as written.
  EXPECT_NE(text.find("\xea\xb9\x80"), std::string::npos);  // 김
  CliRun other = run_steward("demo generate-file --rows 300 --seed 10 --out " + b);
  ASSERT_EQ(other.exit_code, 0) << other.output;
  EXPECT_NE(text, read("b.csv"));
}

TEST_F(DemoFileCliTest, BadOptionsNameTheField) {
  std::string out = (dir_ / "x.csv").string();
  CliRun format = run_steward("demo generate-file --format paypal --rows 10 --out " + out);
  EXPECT_NE(format.exit_code, 0);
  EXPECT_NE(format.output.find("format"), std::string::npos) << format.output;
  CliRun rows = run_steward("demo generate-file --rows 0 --out " + out);
  EXPECT_NE(rows.exit_code, 0);
  EXPECT_NE(rows.output.find("rows"), std::string::npos) << rows.output;
  CliRun nowhere = run_steward("demo generate-file --rows 5 --out /nonexistent-dir/x.csv");
  EXPECT_NE(nowhere.exit_code, 0);
  EXPECT_NE(nowhere.output.find("out"), std::string::npos) << nowhere.output;
}

}  // namespace

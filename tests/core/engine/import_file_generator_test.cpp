// The bench's synthetic Stripe file (`steward demo generate-file`): every customer has a name of
// its own, so a new customer's payment becomes a new donor's gift instead of going to review as
// "the name matches another donor" (which made only 54,013 of 100,000 charges gifts before).
#include "engine/import_file_generator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "domain/name_normalizer.hpp"

namespace steward::engine {
namespace {

// Customer id -> name, read from the generated file's ",cus_G<n>,<name>," columns.
std::map<std::string, std::string> customer_names(const std::string& text) {
  std::map<std::string, std::string> names;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::size_t at = line.find(",cus_G");
    if (at == std::string::npos) continue;
    std::size_t id_end = line.find(',', at + 1);
    std::size_t name_end = line.find(',', id_end + 1);
    names[line.substr(at + 1, id_end - at - 1)] = line.substr(id_end + 1, name_end - id_end - 1);
  }
  return names;
}

TEST(ImportFileGeneratorTest, EveryCustomerHasANameKeyOfItsOwn) {
  // 200,000 rows: past the 46,080 Hangul names of two given syllables (a third begins there).
  ImportFileOptions options;
  options.rows = 200000;
  options.seed = 3;
  std::ostringstream out;
  auto report = write_import_file(out, options);
  ASSERT_TRUE(report) << report.status().to_string();
  auto names = customer_names(out.str());
  EXPECT_EQ(static_cast<long long>(names.size()), report->customers);
  std::set<std::string> keys;
  long long hangul = 0;
  for (const auto& [id, name] : names) {
    keys.insert(domain::name_key(name));
    if (static_cast<unsigned char>(name[0]) >= 0xE0) ++hangul;
  }
  EXPECT_EQ(keys.size(), names.size()) << "two customers share a name key";
  // About 3 in 10 names are Hangul.
  EXPECT_NEAR(static_cast<double>(hangul) / static_cast<double>(names.size()), 0.3, 0.01);
}

TEST(ImportFileGeneratorTest, TheSameSeedWritesTheSameBytes) {
  ImportFileOptions options;
  options.rows = 2000;
  std::ostringstream a, b;
  ASSERT_TRUE(write_import_file(a, options));
  ASSERT_TRUE(write_import_file(b, options));
  EXPECT_EQ(a.str(), b.str());
}

}  // namespace
}  // namespace steward::engine

// The built import-csv.so in a plugin-host child gives what the library gives in process.
#include <gtest/gtest.h>

#include "steward/import_csv/mapped_importer.hpp"
#include "support/importer_host.hpp"

namespace st = steward::testing;

TEST(MappedCsvIsolatedTest, ChildOutputEqualsInProcessOutput) {
  const std::string config = R"({"encoding": "cp949", "skip_rows": 2, "date_column": "거래일자",
    "credit_column": "입금액", "debit_column": "출금액", "currency": "KRW", "name_column": "의뢰인",
    "description_column": "메모", "account": "110-123-456789"})";
  std::string bytes = st::read_plugin_fixture("import-csv", "korean_bank_cp949.csv");
  auto isolated = st::run_isolated("import-csv", config, bytes, 100);
  if (!isolated) GTEST_SKIP() << "build the import-csv and steward targets to run this test";
  steward::import_csv::MappedCsvImporter importer(*steward::import_csv::parse_config(config));
  auto local = st::run_importer(importer, bytes, 100);
  ASSERT_TRUE(isolated->status) << isolated->status.to_string();
  EXPECT_EQ(st::fingerprint(*isolated), st::fingerprint(local));
}

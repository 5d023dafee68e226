// libFuzzer target: the mapped-CSV importer with a CP949 mapping (decoding + hashing).
// fuzz-links: plugin_import_csv_lib
#include "fuzz_importer.hpp"
#include "steward/import_csv/mapped_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto config = steward::import_csv::parse_config(
      R"({"encoding": "cp949", "date_column": "date", "amount_column": "amount",
          "currency_column": "currency", "currency": "KRW", "name_column": "name"})");
  steward::import_csv::MappedCsvImporter importer(*config);
  fuzz_importer(importer, data, size);
  return 0;
}

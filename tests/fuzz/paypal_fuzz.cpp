// libFuzzer target: the Paypal importer over arbitrary bytes in arbitrary chunks.
// fuzz-links: plugin_import_paypal_lib
#include "fuzz_importer.hpp"
#include "steward/import_paypal/paypal_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  steward::import_paypal::PaypalImporter importer;
  fuzz_importer(importer, data, size);
  return 0;
}

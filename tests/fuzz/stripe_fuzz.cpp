// libFuzzer target: the Stripe importer over arbitrary bytes in arbitrary chunks.
// fuzz-links: plugin_import_stripe_lib
#include "fuzz_importer.hpp"
#include "steward/import_stripe/stripe_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  steward::import_stripe::StripeImporter importer;
  fuzz_importer(importer, data, size);
  return 0;
}

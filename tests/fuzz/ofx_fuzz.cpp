// libFuzzer target: the OFX importer (scanner, value parsers and libofx) over arbitrary bytes
// fed in arbitrary chunks. Each input is written to a temporary file and parsed by libofx, so
// this target runs at a few hundred inputs a second. Any crash or sanitizer report is a bug
// (one inside libofx/OpenSP is reported upstream and the input kept under tests/fuzz/).
// fuzz-links: plugin_import_ofx_lib
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ofx_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 64) + 1;
  std::size_t limit = (data[0] & 0x80) ? 512 : steward::plugins::ofx::kDefaultMaxEntryBytes;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  steward::plugins::ofx::OfxImporter importer(limit);
  (void)importer.detect("fuzz.ofx", bytes.substr(0, 64 * 1024));
  steward::sdk::ParseOutput out;
  if (!importer.start("fuzz.ofx")) return 0;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    if (!importer.feed(bytes.substr(i, chunk), out)) return 0;
  }
  (void)importer.finish(out);
  return 0;
}

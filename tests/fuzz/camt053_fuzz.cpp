// libFuzzer target: the camt.053 importer over arbitrary bytes fed in arbitrary chunks.
// The first byte picks the chunk size (1..64) and, through its top bit, a small entry limit so
// the oversized-entry path is exercised too. Any crash or sanitizer report is a bug.
// fuzz-links: plugin_import_camt053_lib
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "camt053_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 64) + 1;
  std::size_t limit = (data[0] & 0x80) ? 512 : steward::plugins::camt053::kDefaultMaxEntryBytes;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  steward::plugins::camt053::Camt053Importer importer(limit);
  (void)importer.detect("fuzz.xml", bytes.substr(0, 64 * 1024));
  steward::sdk::ParseOutput out;
  if (!importer.start("fuzz.xml")) return 0;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    if (!importer.feed(bytes.substr(i, chunk), out)) return 0;
  }
  (void)importer.finish(out);
  return 0;
}

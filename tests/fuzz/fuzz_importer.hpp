// Shared driver for importer fuzz targets: the first byte picks the chunk size, the rest is the
// file; detect() sees the head, then start/feed/finish run over the chunks. Any crash, leak or
// sanitizer report is a bug; Status results are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "steward/sdk/importer.hpp"

inline void fuzz_importer(steward::sdk::PaymentImporter& importer, const std::uint8_t* data,
                          std::size_t size) {
  if (size == 0) return;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 64) + 1;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)importer.detect("fuzz.csv", bytes.substr(0, 64 * 1024));
  steward::sdk::ParseOutput out;
  if (!importer.start("fuzz.csv")) return;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    if (!importer.feed(bytes.substr(i, chunk), out)) return;
  }
  (void)importer.finish(out);
}

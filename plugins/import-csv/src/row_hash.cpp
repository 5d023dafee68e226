#include <sodium.h>

#include "steward/import_csv/mapped_importer.hpp"
#include "steward/plugin_common/text.hpp"

namespace steward::import_csv {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return plugin_common::hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace steward::import_csv

// Test helpers for the bank-statement importers: feed a file in chunks of a given size and
// render records and issues as text so that runs can be compared.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "steward/sdk/importer.hpp"

namespace bank_test {

// tests/plugins/<dir>/data: under $STEWARD_SOURCE_DIR (set by ctest), else the working
// directory when it is the source tree, else relative to this header (tests/support).
inline std::filesystem::path data_dir(std::string_view plugin_dir) {
  namespace fs = std::filesystem;
  fs::path relative = fs::path("tests") / "plugins" / std::string(plugin_dir) / "data";
  if (const char* root = std::getenv("STEWARD_SOURCE_DIR"); root && *root)
    return fs::path(root) / relative;
  if (fs::exists(relative)) return relative;
  return fs::path(__FILE__).parent_path().parent_path() / "plugins" / std::string(plugin_dir) /
         "data";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  steward::Status status;
  steward::sdk::ParseOutput out;
};

// chunk == 0 feeds the whole file at once.
inline Run run(steward::sdk::PaymentImporter& importer, std::string_view bytes,
               std::size_t chunk = 0, std::string_view name = "statement") {
  Run r;
  r.status = importer.start(name);
  if (!r.status) return r;
  std::size_t step = chunk == 0 ? std::max<std::size_t>(bytes.size(), 1) : chunk;
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    r.status = importer.feed(bytes.substr(at, step), r.out);
    if (!r.status) return r;
  }
  r.status = importer.finish(r.out);
  return r;
}

inline std::string render(const steward::sdk::PaymentRecord& r) {
  std::ostringstream s;
  s << steward::sdk::payment_kind_name(r.kind) << " " << r.external_id << " [" << r.account << "] "
    << r.date.iso() << " " << r.amount.minor << " " << r.amount.currency << " name=" << r.donor_name
    << " desc=" << r.description << " orig=" << r.original_external_id
    << " payer=" << r.donor_external_id << " recurring=" << r.recurring_reference
    << " method=" << r.payment_method;
  if (r.donor_address) {
    const auto& a = *r.donor_address;
    s << " addr=" << a.line1 << "|" << a.line2 << "|" << a.city << "|" << a.region << "|"
      << a.postal_code << "|" << a.country;
  }
  for (const auto& [k, v] : r.raw) s << " " << k << "=" << v;
  return s.str();
}

inline std::string render(const Run& run) {
  std::ostringstream s;
  s << "status " << run.status.to_string() << "\n";
  for (const auto& r : run.out.records) s << render(r) << "\n";
  for (const auto& i : run.out.issues)
    s << "issue line " << i.line << " offset " << i.offset << " " << i.field << ": " << i.message
      << "\n";
  return s.str();
}

}  // namespace bank_test

// Helpers for importer plugin tests (tests/plugins/import-*): read a fixture file, run an
// importer over it in chunks of a given size, and print records and issues as comparable text.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "steward/sdk/importer.hpp"

namespace steward::testing {

// The bytes of tests/plugins/<dir>/data/<name> (tests run in the source directory, or with
// STEWARD_SOURCE_DIR set).
inline std::string read_plugin_fixture(const std::string& dir, const std::string& name) {
  const char* root = std::getenv("STEWARD_SOURCE_DIR");
  std::string path = std::string(root ? root : ".") + "/tests/plugins/" + dir + "/data/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct ImportRun {
  Status status;
  sdk::ParseOutput output;
};

// start + feed in `chunk`-byte pieces (0 = all at once) + finish.
inline ImportRun run_importer(sdk::PaymentImporter& importer, const std::string& bytes,
                              std::size_t chunk = 0, const std::string& name = "file.csv") {
  ImportRun run;
  run.status = importer.start(name);
  if (!run.status) return run;
  if (chunk == 0) chunk = bytes.size() ? bytes.size() : 1;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    run.status = importer.feed(std::string_view(bytes).substr(i, chunk), run.output);
    if (!run.status) return run;
  }
  run.status = importer.finish(run.output);
  return run;
}

inline std::string describe(const sdk::PaymentRecord& r) {
  std::ostringstream s;
  s << sdk::payment_kind_name(r.kind) << " " << r.external_id << " " << r.date.iso() << " "
    << r.amount.minor << " " << r.amount.currency;
  if (r.fee) s << " fee=" << r.fee->minor << " " << r.fee->currency;
  if (!r.account.empty()) s << " account=" << r.account;
  if (!r.original_external_id.empty()) s << " of=" << r.original_external_id;
  if (!r.donor_name.empty()) s << " name=[" << r.donor_name << "]";
  if (!r.donor_email.empty()) s << " email=" << r.donor_email;
  if (!r.donor_external_id.empty()) s << " payer=" << r.donor_external_id;
  if (!r.fund_hint.empty()) s << " fund=[" << r.fund_hint << "]";
  if (!r.campaign_hint.empty()) s << " campaign=[" << r.campaign_hint << "]";
  if (!r.appeal_hint.empty()) s << " appeal=[" << r.appeal_hint << "]";
  if (r.converted_amount) {
    s << " converted=" << r.converted_amount->minor << " " << r.converted_amount->currency;
  }
  if (!r.recurring_interval.empty()) s << " interval=" << r.recurring_interval;
  if (!r.recurring_reference.empty()) s << " recurring=" << r.recurring_reference;
  if (!r.payment_method.empty()) s << " method=" << r.payment_method;
  if (!r.description.empty()) s << " desc=[" << r.description << "]";
  if (r.donor_address) {
    const auto& a = *r.donor_address;
    s << " address=[" << a.line1 << "|" << a.line2 << "|" << a.city << "|" << a.region << "|"
      << a.postal_code << "|" << a.country << "]";
  }
  return s.str();
}

inline std::string describe(const sdk::ParseIssue& i) {
  return "line " + std::to_string(i.line) + " [" + i.field + "] " + i.message;
}

inline std::vector<std::string> describe_all(const sdk::ParseOutput& out) {
  std::vector<std::string> lines;
  for (const auto& r : out.records) lines.push_back(describe(r));
  for (const auto& i : out.issues) lines.push_back(describe(i));
  return lines;
}

// Full comparison including offsets and raw columns (for chunk-size independence).
inline std::string fingerprint(const ImportRun& run) {
  std::ostringstream s;
  s << run.status.to_string() << "\n";
  for (const auto& r : run.output.records) {
    s << describe(r) << "\n";
    for (const auto& [k, v] : r.raw) s << "  " << k << "=" << v << "\n";
  }
  for (const auto& i : run.output.issues) s << i.offset << " " << describe(i) << "\n";
  return s.str();
}

// Converts LF line ends to CRLF (fixtures are stored with LF).
inline std::string to_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out.push_back('\r');
    out.push_back(c);
  }
  return out;
}

}  // namespace steward::testing

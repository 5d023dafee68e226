// Payment records as the import pipeline stores and identifies them (docs/imports.md):
//   - to_json / from_json: the PaymentRecord kept in import_rows.record;
//   - processor_name: the source name of an importer plugin ("org.steward.import.stripe" ->
//     "stripe");
//   - identity: the (source, external_id) that makes a payment line exactly once. The source is
//     the processor name, scoped by the record's account for bank statements
//     ("camt053:CH9300762011623852957"); the external id is the processor's id, or, when the
//     format has none, "hash:" + SHA-256 of the line's content and its occurrence number among
//     identical lines of the file (two equal $10 gifts on one day stay two gifts, and the same
//     two lines in an overlapping file are still recognised).
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "steward/sdk/importer.hpp"
#include "steward/sdk/result.hpp"

namespace steward::engine::imports {

nlohmann::json to_json(const sdk::PaymentRecord& record);
Result<sdk::PaymentRecord> from_json(const nlohmann::json& j);

std::string processor_name(const std::string& plugin_id);

struct Identity {
  std::string source;
  std::string external_id;
  std::string key() const { return source + '\x1f' + external_id; }
};

// The identity of the record's own payment line.
std::string payment_source(const std::string& processor, const sdk::PaymentRecord& record);
// Content hash used when the record has no external id (without the occurrence suffix).
std::string content_hash(const sdk::PaymentRecord& record);

// Assigns identities in file order; remembers content hashes to number repeated lines.
class IdentityAssigner {
 public:
  explicit IdentityAssigner(std::string processor) : processor_(std::move(processor)) {}
  Identity assign(const sdk::PaymentRecord& record);

 private:
  std::string processor_;
  std::map<std::string, int> occurrences_;
};

// The gift a refund/reversal undoes: same source, the original's external id.
Identity original_identity(const std::string& processor, const sdk::PaymentRecord& record);

// Maps the importer's payment_method to a gifts.payment_method.
std::string gift_payment_method(const std::string& method);

}  // namespace steward::engine::imports

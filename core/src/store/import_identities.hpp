// Exactly-once bookkeeping and matching tables for payment imports (docs/imports.md):
//   payment_identities        (source, external_id) of every payment line ever applied;
//   constituent_external_ids  the processor's payer id -> constituent;
//   designation_rules         text pattern -> fund, by priority.
// Functions run in the caller's unit of work; rule and external-id writes are audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::import_ids {

// The gift or refund already applied for this identity, if any.
struct AppliedPayment {
  std::string kind;  // payment refund reversal
  std::optional<long long> gift_id;
};
Result<std::optional<AppliedPayment>> find_payment(Unit& unit, const std::string& source,
                                                   const std::string& external_id);
// The (non-deleted) gift recorded with this source + external id.
Result<std::optional<long long>> find_gift(Unit& unit, const std::string& source,
                                           const std::string& external_id);
// Records an applied payment line. Errors: kConflict when the identity is already recorded.
Status record_payment(Unit& unit, const std::string& source, const std::string& external_id,
                      const std::string& kind, std::optional<long long> gift_id,
                      std::optional<long long> import_id);

// The constituent a processor's payer id belongs to (following merges to the survivor).
Result<std::optional<long long>> find_constituent(Unit& unit, const std::string& source,
                                                  const std::string& external_id);
// Links a payer id to a constituent (audited "link" on the constituent); an existing link is
// left as it is.
Status link_constituent(Unit& unit, const std::string& source, const std::string& external_id,
                        long long constituent_id);

struct DesignationRule {
  long long id = 0;
  std::string field = "any";  // any | description | fund_hint
  std::string pattern;        // matched case-insensitively as a substring
  long long fund_id = 0;
  int priority = 0;  // higher first; ties by id
};
// Errors: kInvalid naming field/pattern/fund_id.
Result<DesignationRule> add_rule(Unit& unit, const DesignationRule& rule);
// Highest priority first.
Result<std::vector<DesignationRule>> list_rules(Unit& unit);
Status remove_rule(Unit& unit, long long id);

}  // namespace steward::store::import_ids

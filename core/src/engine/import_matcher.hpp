// Planning one payment record of an import (docs/imports.md, "Matching"): what the commit will do
// with it, decided from the database as it is now. Read-only: nothing is written here.
//
//   fee line                                   -> skipped
//   identity already applied / earlier in file -> duplicate
//   refund or reversal of a known payment      -> refund (the original gift is refunded)
//   refund of a payment Steward never recorded -> skipped
//   payment: donor by processor payer id, then exact email, then name + postal code (the
//     duplicate finder's name_postal rule). One confident match attaches; several, or a name
//     that matches without a postal code, go to review; none creates a donor when the policy
//     is "create", else review.
//   fund: the record's fund_hint by fund code or name, then the designation rules (highest
//     priority first, pattern contained in description/fund_hint, case and accents folded),
//     then the import's default fund; none -> error naming "fund".
//   currency (decision 0154): a payment in another currency keeps it; its base amount is the
//     file's converted amount in the base currency, else the admin's exchange rate on or before
//     the payment's date; with neither the row goes to review saying so (not an error).
//   campaign/appeal (decision 0154): campaign_hint by campaign code or exact name, appeal_hint
//     by appeal code or exact name (an appeal also gives its campaign); an unknown hint leaves
//     the gift without one and the row's message says so.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/import_prefetch.hpp"
#include "engine/import_record.hpp"
#include "steward/sdk/importer.hpp"
#include "store/database.hpp"
#include "store/import_identities.hpp"

namespace steward::engine::imports {

// A payer's name split for a new constituent: Hangul family name first ("김민지" -> 김 + 민지),
// Latin family name last ("Jane Q Doe" -> "Jane Q" + "Doe"); one word is the family name.
struct DonorName {
  std::string first;
  std::string last;
};
DonorName split_donor_name(const std::string& name);

struct ImportSettings {
  long long import_id = 0;  // 0 for a dry run
  std::string processor;    // "stripe"
  bool create_donors = true;
  std::optional<long long> default_fund_id;
};

struct RowPlan {
  std::string outcome;  // new_gift duplicate refund review error skipped
  std::optional<long long> constituent_id;
  bool create_donor = false;
  std::string matched_by;  // external_id email name_postal new
  std::optional<long long> fund_id;
  std::optional<long long> original_gift_id;  // refunds
  std::string message;
  // Decision 0154.
  std::optional<sdk::Money> base_amount;     // the file's converted amount in the base currency
  std::optional<std::string> exchange_rate;  // else the admin's rate for the payment's date
  bool needs_rate = false;  // foreign payment with neither: review until a rate is set
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  std::string notes;  // what the row's message adds (an unknown campaign or appeal)
};

// What earlier lines of the same file would do (only used while staging a file, when nothing
// is written yet): identities seen, and donors a previous line would create.
struct FilePlanState {
  std::map<std::string, long long> identities;  // identity key -> seq
  std::set<std::string> new_donor_keys;         // payer id / email of donors to be created
};

class Matcher {
 public:
  // Loads funds, designation rules and the base currency.
  static Result<Matcher> load(store::Unit& unit, ImportSettings settings);

  // state: the file's earlier lines while staging; nullptr at commit time.
  Result<RowPlan> plan(store::Unit& unit, const sdk::PaymentRecord& record,
                       const Identity& identity, FilePlanState* state) const;

  // Donor lookup alone (also used for review re-checks).
  Result<RowPlan> match_donor(store::Unit& unit, const sdk::PaymentRecord& record) const;
  std::optional<long long> designate(const sdk::PaymentRecord& record) const;
  // Campaign and appeal from the record's hints (import_campaigns.cpp); unknown hints are
  // described in plan.notes.
  void attribute(const sdk::PaymentRecord& record, RowPlan& plan) const;
  // Base amount or rate for a payment not in the base currency (import_currency.cpp).
  Status convert(store::Unit& unit, const sdk::PaymentRecord& record, RowPlan& plan) const;

  const ImportSettings& settings() const { return settings_; }
  // The batch's lookups fetched at once (engine/import_prefetch.hpp); nullptr: ask the database.
  void set_prefetch(std::shared_ptr<Prefetch> prefetch) { prefetch_ = std::move(prefetch); }
  Prefetch* prefetch() const { return prefetch_.get(); }
  const std::string& base_currency() const { return base_currency_; }

 private:
  struct FundName {
    long long id;
    std::string code;  // folded
    std::string name;  // folded
  };
  struct Rule {
    store::import_ids::DesignationRule rule;
    std::string folded;
  };
  struct Appeal {
    long long id;
    long long campaign_id;
    std::string code;  // folded
    std::string name;  // folded
  };
  ImportSettings settings_;
  std::string base_currency_ = "USD";
  std::vector<FundName> funds_;
  std::vector<FundName> campaigns_;
  std::vector<Appeal> appeals_;
  std::vector<Rule> rules_;
  std::shared_ptr<Prefetch> prefetch_;
  bool unkeyed_ = false;  // some constituents' stored name keys are not computed yet
};

}  // namespace steward::engine::imports

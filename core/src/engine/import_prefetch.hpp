// What the matcher looks up for every payment, fetched for a whole batch of rows at once
// (decision 0155, first step of 0153's set-based commit): the batch's payment identities
// (payment_identities and gifts by (source, external_id), the originals of refunds included),
// its payer ids (constituent_external_ids, with the donor alive and not merged) and its
// emails (alive, unmerged constituents) and its payers' name keys (decision 0200), one query
// per kind and 400 values. Matcher::plan
// consults it before the database; a key it does not hold is looked up as before.
//
// It is a picture of the database when it was loaded: at commit, apply_row() forgets the keys a
// row writes (its identity, payer id and email) so later rows of the chunk see the new state
// through the database. Used for one staging batch or one commit chunk (one transaction).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/import_record.hpp"
#include "steward/sdk/importer.hpp"
#include "store/database.hpp"
#include "store/import_identities.hpp"

namespace steward::engine::imports {

class Prefetch {
 public:
  struct Item {
    Identity identity;
    const sdk::PaymentRecord* record;
  };
  // processor: the import's processor (payer ids and refund originals are scoped by it).
  static Result<Prefetch> load(store::Unit& unit, const std::string& processor,
                               const std::vector<Item>& items);

  // nullopt: not prefetched (ask the database); else the answer as of the load.
  std::optional<std::optional<store::import_ids::AppliedPayment>> payment(const Identity& id) const;
  std::optional<std::optional<long long>> gift(const Identity& id) const;
  std::optional<std::optional<long long>> payer(const std::string& external_id) const;
  // Normalised email -> ids of alive, unmerged constituents having it.
  std::optional<std::set<long long>> email(const std::string& normalized) const;

  // Name key (domain::name_key of the payer's name) -> ids of alive, unmerged, unerased
  // constituents whose name_key or display_name_key it is, in id order (name_keys::find).
  std::optional<std::vector<long long>> name_candidates(const std::string& key) const;

  // Every donor the payer ids and emails were found to belong to, as loaded: the donors the
  // chunk's payments may be matched to (BulkChunk checks them in one query).
  std::vector<long long> known_donors() const;

  void forget(const Identity& id, const sdk::PaymentRecord& record);
  // A donor created in this chunk has these stored keys: later rows ask the database for them.
  void forget_name_keys(const std::vector<std::string>& keys);

 private:
  std::set<std::string> identities_;  // identity keys loaded
  std::map<std::string, store::import_ids::AppliedPayment> payments_;
  std::map<std::string, long long> gifts_;
  std::set<std::string> payers_loaded_;
  std::map<std::string, std::optional<long long>> payers_;  // alive donor, or none (deleted)
  std::set<std::string> payers_merged_;                     // merged: resolved by the database
  std::set<std::string> emails_loaded_;
  std::map<std::string, std::set<long long>> emails_;
  std::set<std::string> names_loaded_;
  std::map<std::string, std::set<long long>> names_;
};

}  // namespace steward::engine::imports

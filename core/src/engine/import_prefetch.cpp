#include "engine/import_prefetch.hpp"

#include "domain/name_normalizer.hpp"
#include "engine/import_in_batches.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::imports {

Result<Prefetch> Prefetch::load(store::Unit& unit, const std::string& processor,
                                const std::vector<Item>& items) {
  Prefetch p;
  std::map<std::string, std::vector<std::string>> by_source;  // source -> external ids
  std::set<std::string> payer_ids, emails, names;
  for (const Item& item : items) {
    const sdk::PaymentRecord& r = *item.record;
    if (p.identities_.insert(item.identity.key()).second) {
      by_source[item.identity.source].push_back(item.identity.external_id);
    }
    if (!r.original_external_id.empty()) {
      Identity original = original_identity(processor, r);
      if (p.identities_.insert(original.key()).second) {
        by_source[original.source].push_back(original.external_id);
      }
    }
    if (!r.donor_external_id.empty()) payer_ids.insert(r.donor_external_id);
    std::string email = domain::normalize_email(r.donor_email);
    if (!email.empty()) emails.insert(email);
    std::string name = domain::name_key(r.donor_name);
    if (!name.empty()) names.insert(name);
  }
  for (const auto& [source_key, ids] : by_source) {
    const std::string& source = source_key;  // a plain name: lambdas may not capture a binding
    in_batches(unit,
               "SELECT external_id, kind, gift_id FROM payment_identities WHERE source = :s AND "
               "external_id IN ",
               "", source, ids, [&](store::RowReader r) {
                 std::string ext = r.text();
                 store::import_ids::AppliedPayment a;
                 a.kind = r.text();
                 a.gift_id = r.opt_integer();
                 p.payments_[Identity{source, ext}.key()] = a;
               });
    in_batches(unit,
               "SELECT external_id, id FROM gifts WHERE source = :s AND deleted_at IS NULL AND "
               "external_id IN ",
               "", source, ids, [&](store::RowReader r) {
                 std::string ext = r.text();
                 long long id = r.integer();
                 p.gifts_.emplace(Identity{source, ext}.key(), id);  // the first, as find_gift
               });
  }
  std::vector<std::string> payers(payer_ids.begin(), payer_ids.end());
  p.payers_loaded_ = payer_ids;
  in_batches(unit,
             "SELECT x.external_id, x.constituent_id, c.merged_into_id, c.deleted_at FROM "
             "constituent_external_ids x JOIN constituents c ON c.id = x.constituent_id "
             "WHERE x.source = :s AND x.external_id IN ",
             "", processor, payers, [&](store::RowReader r) {
               std::string ext = r.text();
               long long id = r.integer();
               auto merged = r.opt_integer();
               auto deleted = r.opt_text();
               if (merged) {
                 p.payers_merged_.insert(ext);
               } else {
                 p.payers_[ext] = deleted ? std::nullopt : std::optional<long long>(id);
               }
             });
  std::vector<std::string> mails(emails.begin(), emails.end());
  p.emails_loaded_ = emails;
  in_batches(unit,
             "SELECT DISTINCT lower(e.email), e.constituent_id FROM emails e JOIN constituents c "
             "ON c.id = e.constituent_id WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL "
             "AND lower(e.email) IN ",
             "", std::nullopt, mails, [&](store::RowReader r) {
               std::string email = r.text();
               p.emails_[email].insert(r.integer());
             });
  std::vector<std::string> keys(names.begin(), names.end());
  p.names_loaded_ = names;
  for (const char* column : {"name_key", "display_name_key"}) {
    in_batches(unit,
               std::string("SELECT ") + column +
                   ", id FROM constituents WHERE deleted_at IS NULL AND merged_into_id IS NULL "
                   "AND erased_at IS NULL AND " +
                   column + " IN ",
               "", std::nullopt, keys, [&](store::RowReader r) {
                 std::string key = r.text();
                 p.names_[key].insert(r.integer());
               });
  }
  return p;
}

std::optional<std::vector<long long>> Prefetch::name_candidates(const std::string& key) const {
  if (!names_loaded_.contains(key)) return std::nullopt;
  auto it = names_.find(key);
  if (it == names_.end()) return std::vector<long long>();
  return std::vector<long long>(it->second.begin(), it->second.end());
}

std::vector<long long> Prefetch::known_donors() const {
  std::set<long long> ids;
  for (const auto& [payer, id] : payers_) {
    if (id) ids.insert(*id);
  }
  for (const auto& [email, owners] : emails_) ids.insert(owners.begin(), owners.end());
  return {ids.begin(), ids.end()};
}

void Prefetch::forget_name_keys(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) names_loaded_.erase(key);
}

std::optional<std::optional<store::import_ids::AppliedPayment>> Prefetch::payment(
    const Identity& id) const {
  std::string key = id.key();
  if (!identities_.contains(key)) return std::nullopt;
  auto it = payments_.find(key);
  if (it == payments_.end()) return std::optional<store::import_ids::AppliedPayment>();
  return std::optional<store::import_ids::AppliedPayment>(it->second);
}

std::optional<std::optional<long long>> Prefetch::gift(const Identity& id) const {
  std::string key = id.key();
  if (!identities_.contains(key)) return std::nullopt;
  auto it = gifts_.find(key);
  if (it == gifts_.end()) return std::optional<long long>();
  return std::optional<long long>(it->second);
}

std::optional<std::optional<long long>> Prefetch::payer(const std::string& external_id) const {
  if (!payers_loaded_.contains(external_id) || payers_merged_.contains(external_id)) {
    return std::nullopt;
  }
  auto it = payers_.find(external_id);
  if (it == payers_.end()) return std::optional<long long>();
  return it->second;
}

std::optional<std::set<long long>> Prefetch::email(const std::string& normalized) const {
  if (!emails_loaded_.contains(normalized)) return std::nullopt;
  auto it = emails_.find(normalized);
  return it == emails_.end() ? std::set<long long>() : it->second;
}

void Prefetch::forget(const Identity& id, const sdk::PaymentRecord& record) {
  identities_.erase(id.key());
  if (!record.original_external_id.empty()) {
    identities_.erase(Identity{id.source, record.original_external_id}.key());
  }
  payers_loaded_.erase(record.donor_external_id);
  emails_loaded_.erase(domain::normalize_email(record.donor_email));
}

}  // namespace steward::engine::imports

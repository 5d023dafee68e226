#include "engine/import_matcher.hpp"

#include <set>

#include "domain/constituent.hpp"
#include "domain/name_normalizer.hpp"
#include "engine/import_refunds.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::imports {
namespace {

std::string fold(const std::string& text) { return domain::normalize_text(text); }

std::string join_ids(const std::set<long long>& ids) {
  std::string out;
  for (long long id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

// Constituents (alive, not merged) with this exact email.
std::set<long long> matcher_by_email(store::Unit& unit, const std::string& email) {
  std::set<long long> out;
  soci::rowset<soci::row> rs =
      (unit.sql().prepare
           << "SELECT DISTINCT e.constituent_id FROM emails e JOIN constituents c "
              "ON c.id = e.constituent_id WHERE lower(e.email) = :e AND "
              "c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL",
       soci::use(email));
  for (const soci::row& row : rs) out.insert(store::RowReader(row).integer(0));
  return out;
}

// Whether the candidate row (id, display_name, first_name, last_name from `first`) has `key`.
// Only for rows whose stored keys are not computed yet (name_keys_ready = 0, normally none).
bool same_name(const std::string& key, const store::RowReader& r, std::size_t first) {
  std::string display = r.opt_text(first).value_or("");
  std::string given = r.opt_text(first + 1).value_or("");
  std::string family = r.opt_text(first + 2).value_or("");
  store::name_keys::Keys k = store::name_keys::compute(display, given, family);
  return (!k.display.empty() && k.display == key) || (!k.person.empty() && k.person == key);
}

// Constituents whose name has this key (the stored, indexed keys of migration 0018, decision
// 0155), split by whether one of their addresses has this postal code.
Status by_name(store::Unit& unit, const Prefetch* prefetch, const std::string& key,
               const std::string& postal, bool unkeyed, std::set<long long>& with_postal,
               std::set<long long>& name_only) {
  auto cached = prefetch ? prefetch->name_candidates(key) : std::nullopt;
  auto found = cached ? Result<std::vector<long long>>(*cached) : store::name_keys::find(unit, key);
  if (!found) return found.status();
  std::set<long long> ids(found->begin(), found->end());
  if (unkeyed) {
    soci::rowset<soci::row> rs =
        (unit.sql().prepare << "SELECT id, display_name, first_name, last_name FROM constituents "
                               "WHERE name_keys_ready = 0 AND deleted_at IS NULL AND "
                               "merged_into_id IS NULL AND erased_at IS NULL");
    for (const soci::row& row : rs) {
      store::RowReader r(row);
      if (same_name(key, r, 1)) ids.insert(r.integer(0));
    }
  }
  if (ids.empty()) return Status::ok();
  if (!postal.empty()) {
    for (long long id : ids) {
      soci::rowset<soci::row> rs =
          (unit.sql().prepare << "SELECT postal_code FROM addresses WHERE constituent_id = :c",
           soci::use(id));
      for (const soci::row& row : rs) {
        if (domain::normalize_postal(store::RowReader(row).opt_text(0).value_or("")) == postal) {
          with_postal.insert(id);
          break;
        }
      }
    }
  }
  name_only = std::move(ids);
  return Status::ok();
}

}  // namespace

DonorName split_donor_name(const std::string& name) {
  DonorName out;
  std::string trimmed = name;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(0, 1);
  if (trimmed.empty()) return out;
  bool hangul = domain::contains_hangul(trimmed);
  std::size_t space = hangul ? trimmed.find(' ') : trimmed.rfind(' ');
  if (space != std::string::npos) {
    std::string a = trimmed.substr(0, space);
    std::string b = trimmed.substr(space + 1);
    // Korean order is family name first ("김 민지"); Latin order family name last.
    out.last = hangul ? a : b;
    out.first = hangul ? b : a;
    return out;
  }
  if (hangul) {
    // "김민지": the first syllable (3 bytes in UTF-8) is the family name.
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(trimmed[0]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    if (trimmed.size() > len) {
      out.last = trimmed.substr(0, len);
      out.first = trimmed.substr(len);
      return out;
    }
  }
  out.last = trimmed;
  return out;
}

Result<Matcher> Matcher::load(store::Unit& unit, ImportSettings settings) {
  Matcher m;
  m.settings_ = std::move(settings);
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  m.base_currency_ = org->base_currency;
  long long unkeyed = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituents WHERE name_keys_ready = 0", soci::into(unkeyed);
  m.unkeyed_ = unkeyed > 0;
  soci::rowset<soci::row> funds = (unit.sql().prepare << "SELECT id, code, name FROM funds");
  for (const soci::row& row : funds) {
    store::RowReader r(row);
    m.funds_.push_back({r.integer(0), fold(r.text(1)), fold(r.text(2))});
  }
  soci::rowset<soci::row> campaigns =
      (unit.sql().prepare << "SELECT id, code, name FROM campaigns");
  for (const soci::row& row : campaigns) {
    store::RowReader r(row);
    m.campaigns_.push_back({r.integer(0), fold(r.text(1)), fold(r.text(2))});
  }
  soci::rowset<soci::row> appeals =
      (unit.sql().prepare << "SELECT id, campaign_id, code, name FROM appeals");
  for (const soci::row& row : appeals) {
    store::RowReader r(row);
    m.appeals_.push_back({r.integer(0), r.integer(1), fold(r.text(2)), fold(r.text(3))});
  }
  auto rules = store::import_ids::list_rules(unit);
  if (!rules) return rules.status();
  for (const auto& rule : *rules) m.rules_.push_back({rule, fold(rule.pattern)});
  return m;
}

std::optional<long long> Matcher::designate(const sdk::PaymentRecord& record) const {
  std::string hint = fold(record.fund_hint);
  if (!hint.empty()) {
    for (const FundName& f : funds_) {
      if (f.code == hint || f.name == hint) return f.id;
    }
  }
  std::string description = fold(record.description);
  for (const Rule& r : rules_) {
    if (r.folded.empty()) continue;
    bool in_description = description.find(r.folded) != std::string::npos;
    bool in_hint = hint.find(r.folded) != std::string::npos;
    if ((r.rule.field == "description" && in_description) ||
        (r.rule.field == "fund_hint" && in_hint) ||
        (r.rule.field == "any" && (in_description || in_hint))) {
      return r.rule.fund_id;
    }
  }
  return settings_.default_fund_id;
}

Result<RowPlan> Matcher::match_donor(store::Unit& unit, const sdk::PaymentRecord& record) const {
  RowPlan p;
  p.outcome = "new_gift";
  if (!record.donor_external_id.empty()) {
    auto cached = prefetch_ ? prefetch_->payer(record.donor_external_id) : std::nullopt;
    auto known = cached ? Result<std::optional<long long>>(*cached)
                        : store::import_ids::find_constituent(unit, settings_.processor,
                                                              record.donor_external_id);
    if (!known) return known.status();
    if (*known) {
      p.constituent_id = **known;
      p.matched_by = "external_id";
      return p;
    }
  }
  std::string email = domain::normalize_email(record.donor_email);
  if (!email.empty()) {
    auto cached = prefetch_ ? prefetch_->email(email) : std::nullopt;
    std::set<long long> ids = cached ? *cached : matcher_by_email(unit, email);
    if (ids.size() == 1) {
      p.constituent_id = *ids.begin();
      p.matched_by = "email";
      return p;
    }
    if (ids.size() > 1) {
      p.outcome = "review";
      p.matched_by = "email";
      p.message = "email " + email + " belongs to constituents " + join_ids(ids) + "; pick one";
      return p;
    }
  }
  std::string key = domain::name_key(record.donor_name);
  if (!key.empty()) {
    std::string postal =
        record.donor_address ? domain::normalize_postal(record.donor_address->postal_code) : "";
    std::set<long long> with_postal;
    std::set<long long> name_only;
    if (Status s = by_name(unit, prefetch_.get(), key, postal, unkeyed_, with_postal, name_only);
        !s) {
      return s;
    }
    if (with_postal.size() == 1) {
      p.constituent_id = *with_postal.begin();
      p.matched_by = "name_postal";
      return p;
    }
    if (with_postal.size() > 1) {
      p.outcome = "review";
      p.matched_by = "name_postal";
      p.message = "name and postal code match constituents " + join_ids(with_postal) + "; pick one";
      return p;
    }
    if (!name_only.empty()) {
      p.outcome = "review";
      p.matched_by = "name";
      p.message = "the name matches constituents " + join_ids(name_only) +
                  " but no email or postal code confirms it; pick one or create a new donor";
      return p;
    }
  }
  if (record.donor_name.empty() && email.empty() && record.donor_external_id.empty()) {
    p.outcome = "review";
    p.message = "the payment names no donor; pick one";
    return p;
  }
  if (settings_.create_donors) {
    p.create_donor = true;
    p.matched_by = "new";
    return p;
  }
  p.outcome = "review";
  p.message = "no matching donor (policy: review); pick one or create a new donor";
  return p;
}

Result<RowPlan> Matcher::plan(store::Unit& unit, const sdk::PaymentRecord& record,
                              const Identity& identity, FilePlanState* state) const {
  RowPlan p;
  if (record.kind == sdk::PaymentKind::kFee) {
    p.outcome = "skipped";
    p.message = "processor fee line";
    return p;
  }
  auto cached_payment = prefetch_ ? prefetch_->payment(identity) : std::nullopt;
  auto applied = cached_payment
                     ? Result<std::optional<store::import_ids::AppliedPayment>>(*cached_payment)
                     : store::import_ids::find_payment(unit, identity.source, identity.external_id);
  if (!applied) return applied.status();
  auto cached_gift = prefetch_ ? prefetch_->gift(identity) : std::nullopt;
  auto gift = cached_gift
                  ? Result<std::optional<long long>>(*cached_gift)
                  : store::import_ids::find_gift(unit, identity.source, identity.external_id);
  if (!gift) return gift.status();
  bool undo =
      record.kind == sdk::PaymentKind::kRefund || record.kind == sdk::PaymentKind::kReversal;
  bool grows = false;  // a refund total stated again with more refunded (decision 0154)
  if (undo && *applied) {
    auto more = refund_line_grows(unit, identity, record);
    if (!more) return more.status();
    grows = *more;
  }
  if ((*applied || *gift) && !grows) {
    p.outcome = "duplicate";
    long long id = *gift ? **gift : ((*applied)->gift_id ? *(*applied)->gift_id : 0);
    p.message = "already imported" + (id ? " (gift " + std::to_string(id) + ")" : std::string());
    return p;
  }
  if (state) {
    auto seen = state->identities.find(identity.key());
    if (seen != state->identities.end()) {
      p.outcome = "duplicate";
      p.message = "repeats row " + std::to_string(seen->second) + " of this file";
      return p;
    }
  }
  if (record.amount.minor <= 0) {
    p.outcome = "error";
    p.message = "amount: must be positive";
    return p;
  }
  if (undo) {
    if (record.original_external_id.empty()) {
      p.outcome = "error";
      p.message = "original_external_id: a refund must name the payment it undoes";
      return p;
    }
    Identity original = original_identity(settings_.processor, record);
    auto cached_original = prefetch_ ? prefetch_->gift(original) : std::nullopt;
    auto original_gift =
        cached_original ? Result<std::optional<long long>>(*cached_original)
                        : store::import_ids::find_gift(unit, original.source, original.external_id);
    if (!original_gift) return original_gift.status();
    bool in_file = state && state->identities.contains(original.key());
    if (!*original_gift && !in_file && state) {
      // Exports list newest first: the charge may come later in this file. Commit applies
      // refunds after every payment and skips this one if the charge is still unknown then.
      p.outcome = "refund";
      p.message = std::string(sdk::payment_kind_name(record.kind)) + " of " +
                  record.original_external_id +
                  ", not recorded yet: skipped at commit unless this file has it";
      return p;
    }
    if (!*original_gift && !in_file) {
      p.outcome = "skipped";
      p.message =
          "refund of payment " + record.original_external_id + ", which Steward has not recorded";
      return p;
    }
    p.outcome = "refund";
    p.original_gift_id = *original_gift;
    p.message =
        std::string(sdk::payment_kind_name(record.kind)) + " of " + record.original_external_id;
    return p;
  }
  if (Status s = convert(unit, record, p); !s) return s;
  p.fund_id = designate(record);
  if (!p.fund_id) {
    p.outcome = "error";
    p.message = "fund: no fund matches '" + record.fund_hint +
                "', no designation rule applies and the import has no default fund";
    return p;
  }
  attribute(record, p);
  auto donor = match_donor(unit, record);
  if (!donor) return donor.status();
  donor->fund_id = p.fund_id;
  donor->base_amount = p.base_amount;
  donor->exchange_rate = p.exchange_rate;
  donor->needs_rate = p.needs_rate;
  donor->campaign_id = p.campaign_id;
  donor->appeal_id = p.appeal_id;
  donor->notes = p.notes;
  if (p.needs_rate) {
    donor->outcome = "review";
    donor->message = donor->message.empty() ? p.message : donor->message + "; " + p.message;
  } else if (!p.notes.empty() && donor->outcome == "new_gift") {
    donor->message = p.notes;
  }
  if (state && donor->create_donor) {
    // A donor an earlier line of this file creates is matched, not created twice.
    std::string key = !record.donor_external_id.empty()
                          ? "x:" + record.donor_external_id
                          : "e:" + domain::normalize_email(record.donor_email);
    if (key.size() > 2 && !state->new_donor_keys.insert(key).second) donor->matched_by = "file";
  }
  return donor;
}

}  // namespace steward::engine::imports

#include "engine/import_apply.hpp"

#include <exception>

#include "domain/contact.hpp"
#include "engine/gift_service.hpp"
#include "engine/import_frequency.hpp"
#include "engine/import_refunds.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/gift_repository.hpp"
#include "store/import_identities.hpp"
#include "store/recurring_plan_repository.hpp"

namespace steward::engine::imports {
namespace {

// A savepoint around one row: released on success, rolled back otherwise (also after a failed
// statement, which PostgreSQL requires before the transaction can go on).
class RowSavepoint {
 public:
  explicit RowSavepoint(store::Unit& unit) : unit_(unit) { unit_.sql() << "SAVEPOINT import_row"; }
  ~RowSavepoint() {
    if (open_) {
      try {
        unit_.sql() << "ROLLBACK TO SAVEPOINT import_row";
        unit_.sql() << "RELEASE SAVEPOINT import_row";
      } catch (...) {  // the chunk's transaction fails anyway
      }
    }
  }
  RowSavepoint(const RowSavepoint&) = delete;
  RowSavepoint& operator=(const RowSavepoint&) = delete;
  void release() {
    unit_.sql() << "RELEASE SAVEPOINT import_row";
    open_ = false;
  }

 private:
  store::Unit& unit_;
  bool open_ = true;
};

Identity split_identity(const std::string& key) {
  auto sep = key.find('\x1f');
  if (sep == std::string::npos) return {key, ""};
  return {key.substr(0, sep), key.substr(sep + 1)};
}

Result<long long> create_donor(store::Unit& unit, Prefetch* prefetch, const std::string& processor,
                               const sdk::PaymentRecord& r) {
  domain::ConstituentInput in;
  DonorName name = split_donor_name(r.donor_name);
  if (name.last.empty()) {
    name.last = !r.donor_email.empty() ? r.donor_email : "Donor " + r.donor_external_id;
  }
  in.last_name = name.last;
  if (!name.first.empty()) in.first_name = name.first;
  in.source = "import: " + processor;
  auto created = store::constituents::create(unit, in);
  if (!created) return created.status();
  long long id = created->id;
  if (prefetch) {  // the new donor's stored name keys: later rows ask the database
    auto keys = store::name_keys::compute(created->display_name.value_or(""),
                                          created->first_name.value_or(""),
                                          created->last_name.value_or(""));
    prefetch->forget_name_keys({keys.person, keys.display});
  }
  if (!r.donor_email.empty()) {
    domain::EmailInput email;
    email.email = r.donor_email;
    email.is_primary = true;
    auto added = store::contacts::add_email(unit, id, email);
    if (!added && added.status().code() != StatusCode::kInvalid) return added.status();
  }
  if (r.donor_address && !r.donor_address->line1.empty()) {
    const sdk::PostalAddress& a = *r.donor_address;
    domain::AddressInput address;
    address.line1 = a.line1;
    if (!a.line2.empty()) address.line2 = a.line2;
    if (!a.city.empty()) address.city = a.city;
    if (!a.region.empty()) address.region = a.region;
    if (!a.postal_code.empty()) address.postal_code = a.postal_code;
    if (!a.country.empty()) address.country = a.country;
    address.is_primary = true;
    auto added = store::contacts::add_address(unit, id, address);
    if (!added && added.status().code() != StatusCode::kInvalid) return added.status();
  }
  return id;
}

// The plan this payment belongs to, created on first sight from this payment: the file's
// interval, else monthly.
Status ensure_plan(store::Unit& unit, const Identity& identity, const sdk::PaymentRecord& r,
                   long long constituent_id, long long fund_id) {
  auto found = store::recurring_plans::find_by_processor_reference(unit, identity.source,
                                                                   r.recurring_reference);
  if (found) return Status::ok();
  if (found.status().code() != StatusCode::kNotFound) return found.status();
  domain::PlanInput plan;
  plan.constituent_id = constituent_id;
  plan.amount = r.amount;
  plan.frequency = frequency_from_interval(r.recurring_interval).frequency;  // decision 0154
  plan.anchor_day = static_cast<unsigned>(r.date.day);
  auto starts = domain::Date::parse(r.date.iso(), "date");
  if (!starts) return starts.status();
  plan.starts_on = *starts;
  plan.fund_id = fund_id;
  plan.processor = identity.source;
  plan.processor_reference = r.recurring_reference;
  plan.notes = "created by an import from the first payment of " + r.recurring_reference;
  auto created = store::recurring_plans::create(unit, plan);
  return created ? Status::ok() : created.status();
}

// Records the gift (and donor, plan, identity). Returns a row-level problem as a non-ok Status.
Status apply_gift(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                  const sdk::PaymentRecord& r, const Identity& identity, const RowPlan& plan,
                  ApplyTotals& totals) {
  const std::string& processor = matcher.settings().processor;
  long long donor = 0;
  if (plan.constituent_id) {
    donor = *plan.constituent_id;
  } else {
    auto created = create_donor(unit, matcher.prefetch(), processor, r);
    if (!created) return created.status();
    donor = *created;
    ++totals.donors_created;
  }
  if (!r.donor_external_id.empty()) {
    if (Status s = store::import_ids::link_constituent(unit, processor, r.donor_external_id, donor);
        !s) {
      return s;
    }
  }
  long long fund = plan.fund_id.value_or(0);
  std::optional<std::string> reference;
  if (!r.recurring_reference.empty()) {
    if (Status s = ensure_plan(unit, identity, r, donor, fund); !s) return s;
    reference = r.recurring_reference;
  }
  domain::GiftInput g;
  g.constituent_id = donor;
  g.received_on = r.date.iso();
  g.amount = r.amount;
  if (r.fee) g.fee_minor = r.fee->minor;
  g.payment_method = gift_payment_method(r.payment_method);
  g.source = identity.source;
  g.external_id = identity.external_id;
  if (!r.description.empty()) g.notes = r.description;
  g.allocations.push_back({fund, r.amount, 0});
  g.base_amount = plan.base_amount;  // foreign currency (decision 0154)
  g.exchange_rate = plan.exchange_rate;
  g.campaign_id = plan.campaign_id;
  g.appeal_id = plan.appeal_id;
  auto recorded = record_gift(unit, g, reference);
  if (!recorded) return recorded.status();
  long long gift_id = recorded->gift.id;
  if (Status s = store::import_ids::record_payment(unit, identity.source, identity.external_id,
                                                   "payment", gift_id, row.import_id);
      !s) {
    return s;
  }
  row.outcome = "new_gift";
  row.constituent_id = donor;
  row.gift_id = gift_id;
  row.fund_id = fund;
  if (!row.decided_by) row.matched_by = plan.create_donor ? "new" : plan.matched_by;
  row.create_donor = plan.create_donor;
  row.message.reset();
  if (!plan.notes.empty()) row.message = plan.notes;
  if (recorded->plan.plan_id) {
    row.message = (plan.notes.empty() ? "" : plan.notes + "; ") + "recurring plan " +
                  std::to_string(*recorded->plan.plan_id) + ": " + to_string(recorded->plan.result);
  }
  row.committed = true;
  ++totals.gifts;
  return Status::ok();
}

Status apply_refund(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                    const sdk::PaymentRecord& r, const Identity& identity, ApplyTotals& totals) {
  // One total per charge, however many files state it (engine/import_refunds.hpp).
  auto applied = apply_refund_line(unit, matcher.settings().processor, identity, r, row.import_id);
  if (!applied) return applied.status();
  row.gift_id = applied->gift_id;
  row.constituent_id = applied->constituent_id;
  row.committed = true;
  if (applied->applied_minor == 0) {
    row.outcome = "duplicate";
    row.message = std::string(sdk::payment_kind_name(r.kind)) + " of gift " +
                  std::to_string(applied->gift_id) + " already counted in its refunds (now " +
                  applied->status + ")";
    ++totals.duplicates;
    return Status::ok();
  }
  row.outcome = "refund";
  row.message = std::string(sdk::payment_kind_name(r.kind)) + " of gift " +
                std::to_string(applied->gift_id) + " (now " + applied->status + ")";
  ++totals.refunds;
  return Status::ok();
}

}  // namespace

Identity row_identity(const store::imports::ImportRow& row) {
  return split_identity(row.identity.value_or(""));
}

Status apply_row(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                 ApplyTotals& totals) {
  nlohmann::json j = nlohmann::json::parse(row.record.value_or(""), nullptr, false);
  auto record = from_json(j);
  if (!record) {
    row.outcome = "error";
    row.message = record.status().message();
    ++totals.errors;
    return store::imports::update_row(unit, row);
  }
  Identity identity = split_identity(row.identity.value_or(""));
  auto planned = matcher.plan(unit, *record, identity, nullptr);
  if (!planned) return planned.status();
  // What this row writes is no longer as prefetched: later rows ask the database.
  if (Prefetch* prefetch = matcher.prefetch()) prefetch->forget(identity, *record);
  return apply_plan(unit, matcher, row, *record, identity, *planned, totals);
}

RowPlan decided_plan(const store::imports::ImportRow& row, RowPlan plan) {
  if (row.decided_by && !plan.needs_rate &&
      (plan.outcome == "new_gift" || plan.outcome == "review")) {
    plan.outcome = "new_gift";
    plan.constituent_id = row.constituent_id;
    plan.create_donor = row.create_donor;
    plan.matched_by = "review";
  }
  return plan;
}

Status apply_plan(store::Unit& unit, const Matcher& matcher, store::imports::ImportRow& row,
                  const sdk::PaymentRecord& record_value, const Identity& identity,
                  const RowPlan& planned, ApplyTotals& totals) {
  const sdk::PaymentRecord* record = &record_value;
  RowPlan plan = decided_plan(row, planned);
  if (plan.outcome == "duplicate" || plan.outcome == "skipped") {
    row.outcome = plan.outcome;
    row.message = plan.message;
    row.committed = true;
    ++(plan.outcome == "duplicate" ? totals.duplicates : totals.skipped);
    ++totals.committed;
    return store::imports::update_row(unit, row);
  }
  if (plan.outcome == "review" || plan.outcome == "error") {
    row.outcome = plan.outcome;
    row.message = plan.message;
    row.constituent_id = plan.constituent_id;
    ++(plan.outcome == "review" ? totals.review : totals.errors);
    return store::imports::update_row(unit, row);
  }
  Status problem;
  ApplyTotals before = totals;
  {
    RowSavepoint savepoint(unit);
    try {
      problem = plan.outcome == "refund"
                    ? apply_refund(unit, matcher, row, *record, identity, totals)
                    : apply_gift(unit, matcher, row, *record, identity, plan, totals);
    } catch (...) {
      problem = store::status_from_exception(std::current_exception());
    }
    if (problem) savepoint.release();
  }
  if (!problem) {
    if (problem.code() == StatusCode::kUnavailable || problem.code() == StatusCode::kInternal) {
      return problem;  // the database itself failed: the chunk rolls back
    }
    row.outcome = "error";
    row.message = problem.message();
    row.committed = false;
    row.gift_id.reset();
    totals = before;
    ++totals.errors;
  } else {
    ++totals.committed;
  }
  return store::imports::update_row(unit, row);
}

}  // namespace steward::engine::imports

#include "store/recurring_plan_repository.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/references.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::recurring_plans {
namespace {

using domain::Date;
using domain::PlanStatus;
using domain::RecurringPlan;

const char* kRecurringPlanColumns =
    "id, constituent_id, amount_minor, currency, frequency, anchor_day, starts_on, ends_on, "
    "status, fund_id, campaign_id, appeal_id, processor, processor_reference, next_expected_on, "
    "last_paid_on, consecutive_failures, status_changed_at, notes, version, created_at, "
    "updated_at";

std::optional<Date> recurring_plan_opt_date(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto d = Date::parse(*text);
  if (!d) return std::nullopt;
  return *d;
}

RecurringPlan recurring_plan_from_row(const soci::row& row) {
  RowReader r(row);
  RecurringPlan p;
  p.id = r.integer();
  p.constituent_id = r.integer();
  p.amount.minor = r.integer();
  p.amount.currency = r.text();
  p.frequency = domain::parse_frequency(r.text()).value();
  p.anchor_day = static_cast<unsigned>(r.integer());
  p.starts_on = Date::parse(r.date()).value();
  p.ends_on = recurring_plan_opt_date(r.opt_date());
  p.status = domain::parse_plan_status(r.text()).value();
  p.fund_id = r.opt_integer();
  p.campaign_id = r.opt_integer();
  p.appeal_id = r.opt_integer();
  p.processor = r.opt_text();
  p.processor_reference = r.opt_text();
  p.next_expected_on = recurring_plan_opt_date(r.opt_date());
  p.last_paid_on = recurring_plan_opt_date(r.opt_date());
  p.consecutive_failures = static_cast<int>(r.integer());
  p.status_changed_at = r.opt_timestamp();
  p.notes = r.opt_text();
  p.version = static_cast<int>(r.integer());
  p.created_at = r.timestamp();
  p.updated_at = r.timestamp();
  return p;
}

nlohmann::json recurring_plan_to_json(const RecurringPlan& p) {
  nlohmann::json j = {{"id", p.id},
                      {"constituent_id", p.constituent_id},
                      {"amount", {{"minor", p.amount.minor}, {"currency", p.amount.currency}}},
                      {"frequency", domain::to_string(p.frequency)},
                      {"anchor_day", p.anchor_day},
                      {"starts_on", p.starts_on.to_string()},
                      {"status", domain::to_string(p.status)},
                      {"consecutive_failures", p.consecutive_failures}};
  if (p.ends_on) j["ends_on"] = p.ends_on->to_string();
  if (p.fund_id) j["fund_id"] = *p.fund_id;
  if (p.campaign_id) j["campaign_id"] = *p.campaign_id;
  if (p.appeal_id) j["appeal_id"] = *p.appeal_id;
  if (p.processor) j["processor"] = *p.processor;
  if (p.processor_reference) j["processor_reference"] = *p.processor_reference;
  if (p.next_expected_on) j["next_expected_on"] = p.next_expected_on->to_string();
  if (p.last_paid_on) j["last_paid_on"] = p.last_paid_on->to_string();
  if (p.notes) j["notes"] = *p.notes;
  return j;
}

// Validation plus the references the schema would otherwise refuse with a bare constraint error.
Status check_input(Unit& unit, const domain::PlanInput& in, long long self_id) {
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = check_donor_and_designation(unit, in.constituent_id, in.fund_id, in.campaign_id,
                                             in.appeal_id);
      !s)
    return s;
  if (in.processor && in.processor_reference) {
    long long taken = 0;
    unit.sql() << "SELECT COUNT(*) FROM recurring_plans WHERE processor = :p AND "
                  "processor_reference = :r AND id <> :id",
        soci::use(*in.processor), soci::use(*in.processor_reference), soci::use(self_id),
        soci::into(taken);
    if (taken > 0)
      return Status::conflict("another plan already has " + *in.processor + " reference '" +
                              *in.processor_reference + "'");
  }
  return Status::ok();
}

void insert_transition(Unit& unit, long long plan_id, const std::optional<std::string>& from,
                       const std::string& to, const std::string& reason) {
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO recurring_plan_transitions (plan_id, from_status, to_status, reason, "
                "created_at, updated_at) VALUES (:plan, :from, :to, :reason, :c, :u) RETURNING id",
      soci::use(plan_id), soci::use(from), soci::use(to), soci::use(reason), soci::use(now),
      soci::use(now), soci::into(id);
  nlohmann::json after = {{"plan_id", plan_id}, {"to_status", to}, {"reason", reason}};
  if (from) after["from_status"] = *from;
  record_audit(unit, "create", "recurring_plan_transition", id, nullptr, after);
}

// The first installment after the period holding `last_paid` (or the first one).
std::optional<Date> next_after_paid(const domain::Schedule& s, const std::optional<Date>& paid) {
  if (!paid) return domain::occurrence(s, 0);
  return domain::occurrence(s, std::max(0, domain::period_index(s, *paid) + 1));
}

// The input's columns in the form they are bound, for INSERT and UPDATE.
struct RecurringPlanBinds {
  long long amount;
  std::string frequency;
  int anchor;
  std::string starts;
  std::optional<std::string> ends;
  std::optional<std::string> next;
  RecurringPlanBinds(const domain::PlanInput& in, const std::optional<Date>& next_expected)
      : amount(in.amount.minor),
        frequency(domain::to_string(in.frequency)),
        anchor(static_cast<int>(in.anchor_day)),
        starts(in.starts_on.to_string()),
        ends(domain::date_text(in.ends_on)),
        next(domain::date_text(next_expected)) {}
};

}  // namespace

Result<RecurringPlan> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kRecurringPlanColumns) +
                    " FROM recurring_plans WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("recurring plan " + std::to_string(id) + " does not exist");
  return recurring_plan_from_row(row);
}

Result<RecurringPlan> find_by_processor_reference(Unit& unit, const std::string& processor,
                                                  const std::string& reference) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kRecurringPlanColumns) +
                    " FROM recurring_plans WHERE processor = :p AND processor_reference = :r",
      soci::use(processor), soci::use(reference), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("no recurring plan has " + processor + " reference '" + reference +
                             "'");
  return recurring_plan_from_row(row);
}

Result<RecurringPlan> create(Unit& unit, const domain::PlanInput& in) {
  if (Status s = check_input(unit, in, 0); !s) return s;
  std::string now = domain::utc_now_iso();
  RecurringPlanBinds b(in, domain::occurrence(in.schedule(), 0));
  long long id = 0;
  unit.sql() << "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, frequency, "
                "anchor_day, starts_on, ends_on, status, fund_id, campaign_id, appeal_id, "
                "processor, processor_reference, next_expected_on, consecutive_failures, "
                "status_changed_at, notes, created_at, updated_at) VALUES (:c, :amount, "
                ":currency, :frequency, :anchor, :starts, :ends, 'active', :fund, :campaign, "
                ":appeal, :processor, :reference, :next, 0, :changed, :notes, :created, :updated) "
                "RETURNING id",
      soci::use(in.constituent_id), soci::use(b.amount), soci::use(in.amount.currency),
      soci::use(b.frequency), soci::use(b.anchor), soci::use(b.starts), soci::use(b.ends),
      soci::use(in.fund_id), soci::use(in.campaign_id), soci::use(in.appeal_id),
      soci::use(in.processor), soci::use(in.processor_reference), soci::use(b.next), soci::use(now),
      soci::use(in.notes), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (!created) return created;
  record_audit(unit, "create", "recurring_plan", id, nullptr, recurring_plan_to_json(*created));
  insert_transition(unit, id, std::nullopt, "active", "plan created");
  return created;
}

Result<RecurringPlan> update(Unit& unit, long long id, const domain::PlanInput& in) {
  auto before = get(unit, id);
  if (!before) return before;
  if (domain::is_final(before->status))
    return Status::precondition_failed("recurring plan " + std::to_string(id) + " is " +
                                       domain::to_string(before->status) +
                                       " and can no longer change");
  if (Status s = check_input(unit, in, id); !s) return s;
  std::string now = domain::utc_now_iso();
  RecurringPlanBinds b(in, next_after_paid(in.schedule(), before->last_paid_on));
  unit.sql() << "UPDATE recurring_plans SET constituent_id = :c, amount_minor = :amount, "
                "currency = :currency, frequency = :frequency, anchor_day = :anchor, "
                "starts_on = :starts, ends_on = :ends, fund_id = :fund, campaign_id = :campaign, "
                "appeal_id = :appeal, processor = :processor, processor_reference = :reference, "
                "next_expected_on = :next, notes = :notes, version = version + 1, "
                "updated_at = :updated WHERE id = :id",
      soci::use(in.constituent_id), soci::use(b.amount), soci::use(in.amount.currency),
      soci::use(b.frequency), soci::use(b.anchor), soci::use(b.starts), soci::use(b.ends),
      soci::use(in.fund_id), soci::use(in.campaign_id), soci::use(in.appeal_id),
      soci::use(in.processor), soci::use(in.processor_reference), soci::use(b.next),
      soci::use(in.notes), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "recurring_plan", id, recurring_plan_to_json(*before),
                 recurring_plan_to_json(*after));
  return after;
}

Result<Page<RecurringPlan>> list(Unit& unit, const ListFilter& filter) {
  int limit = clamp_limit(filter.page.limit);
  int fetch = limit + 1;
  int has_c = filter.constituent_id ? 1 : 0;
  long long c = filter.constituent_id.value_or(0);
  int has_s = filter.status ? 1 : 0;
  std::string s = filter.status ? domain::to_string(*filter.status) : std::string("active");
  int has_f = filter.fund_id ? 1 : 0;
  long long f = filter.fund_id.value_or(0);
  long long after = filter.page.after_id;
  int restricted_too = filter.include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kRecurringPlanColumns) +
                                 " FROM recurring_plans WHERE (:has_c = 0 OR constituent_id = :c) "
                                 "AND (:has_s = 0 OR status = :s) AND (:has_f = 0 OR fund_id = "
                                 ":f) AND (:ir = 1 OR NOT EXISTS (SELECT 1 FROM constituents rc "
                                 "WHERE rc.id = recurring_plans.constituent_id "
                                 "AND rc.restricted = TRUE)) "
                                 "AND id > :after ORDER BY id LIMIT :fetch",
       soci::use(has_c), soci::use(c), soci::use(has_s), soci::use(s), soci::use(has_f),
       soci::use(f), soci::use(restricted_too), soci::use(after), soci::use(fetch));
  Page<RecurringPlan> page;
  for (const soci::row& r : rows) page.items.push_back(recurring_plan_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

Result<std::vector<RecurringPlan>> open_plans_of(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kRecurringPlanColumns) +
                                 " FROM recurring_plans WHERE constituent_id = :c AND status NOT "
                                 "IN ('cancelled', 'completed') ORDER BY id",
       soci::use(constituent_id));
  std::vector<RecurringPlan> out;
  for (const soci::row& r : rows) out.push_back(recurring_plan_from_row(r));
  return out;
}

Result<RecurringPlan> set_status(Unit& unit, long long id, PlanStatus to,
                                 const std::string& reason) {
  if (Status s = domain::require_text("reason", reason, 500); !s) return s;
  auto before = get(unit, id);
  if (!before) return before;
  if (domain::is_final(before->status))
    return Status::precondition_failed("recurring plan " + std::to_string(id) + " is " +
                                       domain::to_string(before->status) +
                                       " and can no longer change");
  if (before->status == to) return before;
  std::string now = domain::utc_now_iso();
  std::string status = domain::to_string(to);
  unit.sql() << "UPDATE recurring_plans SET status = :status, status_changed_at = :changed, "
                "version = version + 1, updated_at = :updated WHERE id = :id",
      soci::use(status), soci::use(now), soci::use(now), soci::use(id);
  insert_transition(unit, id, domain::to_string(before->status), status, reason);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "recurring_plan", id, recurring_plan_to_json(*before),
                 recurring_plan_to_json(*after));
  return after;
}

Result<RecurringPlan> pause(Unit& unit, long long id, const std::string& reason) {
  auto plan = get(unit, id);
  if (!plan) return plan;
  if (plan->status == PlanStatus::kPaused)
    return Status::precondition_failed("recurring plan " + std::to_string(id) +
                                       " is paused already");
  return set_status(unit, id, PlanStatus::kPaused, reason);
}

Result<RecurringPlan> resume(Unit& unit, long long id, const Date& today,
                             const std::string& reason) {
  auto plan = get(unit, id);
  if (!plan) return plan;
  if (plan->status != PlanStatus::kPaused)
    return Status::precondition_failed("recurring plan " + std::to_string(id) + " is " +
                                       domain::to_string(plan->status) + ", not paused");
  auto moved = set_status(unit, id, PlanStatus::kActive, reason);
  if (!moved) return moved;
  const domain::Schedule s = moved->schedule();
  std::optional<Date> next = domain::next_on_or_after(s, today);
  std::optional<Date> after_paid = next_after_paid(s, moved->last_paid_on);
  if (next && after_paid && *after_paid > *next) next = after_paid;
  if (!after_paid) next.reset();
  return record_progress(unit, id, Progress{next, moved->last_paid_on, 0});
}

Result<RecurringPlan> cancel(Unit& unit, long long id, const std::string& reason) {
  return set_status(unit, id, PlanStatus::kCancelled, reason);
}

Result<RecurringPlan> record_progress(Unit& unit, long long id, const Progress& progress) {
  auto before = get(unit, id);
  if (!before) return before;
  if (before->next_expected_on == progress.next_expected_on &&
      before->last_paid_on == progress.last_paid_on &&
      before->consecutive_failures == progress.consecutive_failures)
    return before;
  std::optional<std::string> next = domain::date_text(progress.next_expected_on);
  std::optional<std::string> paid = domain::date_text(progress.last_paid_on);
  int failures = progress.consecutive_failures;
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE recurring_plans SET next_expected_on = :next, last_paid_on = :paid, "
                "consecutive_failures = :failures, version = version + 1, updated_at = :updated "
                "WHERE id = :id",
      soci::use(next), soci::use(paid), soci::use(failures), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "update", "recurring_plan", id, recurring_plan_to_json(*before),
                 recurring_plan_to_json(*after));
  return after;
}

Result<std::vector<domain::PlanTransition>> transitions(Unit& unit, long long plan_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, plan_id, from_status, to_status, reason, created_at "
                             "FROM recurring_plan_transitions WHERE plan_id = :p ORDER BY id",
       soci::use(plan_id));
  std::vector<domain::PlanTransition> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    domain::PlanTransition t;
    t.id = r.integer();
    t.plan_id = r.integer();
    t.from_status = r.opt_text();
    t.to_status = r.text();
    t.reason = r.text();
    t.created_at = r.timestamp();
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace steward::store::recurring_plans

#include "store/pledge_repository.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/references.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::pledges {
namespace {

using domain::Date;
using domain::Pledge;
using domain::PledgeStatus;

const char* kPledgeColumns =
    "id, constituent_id, amount_minor, currency, fund_id, campaign_id, appeal_id, pledged_on, "
    "status, written_off_minor, written_off_on, write_off_reason, notes, created_at, updated_at";

Pledge pledge_from_row(const soci::row& row) {
  RowReader r(row);
  Pledge p;
  p.id = r.integer();
  p.constituent_id = r.integer();
  p.amount.minor = r.integer();
  p.amount.currency = r.text();
  p.fund_id = r.opt_integer();
  p.campaign_id = r.opt_integer();
  p.appeal_id = r.opt_integer();
  p.pledged_on = Date::parse(r.date()).value();
  p.status = domain::parse_pledge_status(r.text()).value();
  p.written_off_minor = r.integer();
  if (auto d = r.opt_date()) p.written_off_on = Date::parse(*d).value();
  p.write_off_reason = r.opt_text();
  p.notes = r.opt_text();
  p.created_at = r.timestamp();
  p.updated_at = r.timestamp();
  return p;
}

nlohmann::json pledge_to_json(const Pledge& p) {
  nlohmann::json j = {{"id", p.id},
                      {"constituent_id", p.constituent_id},
                      {"amount", {{"minor", p.amount.minor}, {"currency", p.amount.currency}}},
                      {"pledged_on", p.pledged_on.to_string()},
                      {"status", domain::to_string(p.status)},
                      {"installments", p.installments.size()},
                      {"written_off_minor", p.written_off_minor}};
  if (p.fund_id) j["fund_id"] = *p.fund_id;
  if (p.write_off_reason) j["write_off_reason"] = *p.write_off_reason;
  if (p.notes) j["notes"] = *p.notes;
  return j;
}

long long paid_of(Unit& unit, long long id) {
  long long paid = 0;
  unit.sql() << "SELECT CAST(COALESCE(SUM(amount_minor - refunded_minor), 0) AS BIGINT) FROM "
                "gifts WHERE pledge_id = :id AND deleted_at IS NULL AND status IN ('completed', "
                "'partially_refunded', 'refunded')",
      soci::use(id), soci::into(paid);
  return paid;
}

// Fills installments, paid and balance.
void complete(Unit& unit, Pledge& p) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT seq, due_on, amount_minor FROM pledge_installments WHERE "
                             "pledge_id = :id ORDER BY seq",
       soci::use(p.id));
  p.installments.clear();
  for (const soci::row& row : rows) {
    RowReader r(row);
    domain::PledgeInstallment in;
    in.seq = static_cast<int>(r.integer());
    in.due_on = Date::parse(r.date()).value();
    in.amount_minor = r.integer();
    p.installments.push_back(in);
  }
  p.paid_minor = paid_of(unit, p.id);
  domain::apply_payments(p.installments, p.paid_minor);
  p.balance_minor = std::max(0LL, p.amount.minor - p.paid_minor - p.written_off_minor);
}

Status pledge_check_references(Unit& unit, const domain::PledgeInput& in) {
  return check_donor_and_designation(unit, in.constituent_id, in.fund_id, in.campaign_id,
                                     in.appeal_id);
}

Result<Pledge> set_status(Unit& unit, const Pledge& before, PledgeStatus to) {
  std::string status = domain::to_string(to);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE pledges SET status = :s, version = version + 1, updated_at = :u "
                "WHERE id = :id",
      soci::use(status), soci::use(now), soci::use(before.id);
  auto after = get(unit, before.id);
  if (after)
    record_audit(unit, "update", "pledge", before.id, pledge_to_json(before),
                 pledge_to_json(*after));
  return after;
}

}  // namespace

Result<Pledge> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kPledgeColumns) +
                    " FROM pledges WHERE id = :id AND deleted_at IS NULL",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("pledge " + std::to_string(id) + " does not exist");
  Pledge p = pledge_from_row(row);
  complete(unit, p);
  return p;
}

Result<Pledge> create(Unit& unit, const domain::PledgeInput& in) {
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = pledge_check_references(unit, in); !s) return s;
  std::string now = domain::utc_now_iso();
  std::string pledged = in.pledged_on.to_string();
  long long amount = in.amount.minor;
  long long id = 0;
  unit.sql() << "INSERT INTO pledges (constituent_id, amount_minor, currency, fund_id, "
                "campaign_id, appeal_id, pledged_on, status, notes, created_at, updated_at) "
                "VALUES (:c, :amount, :currency, :fund, :campaign, :appeal, :pledged, 'open', "
                ":notes, :created, :updated) RETURNING id",
      soci::use(in.constituent_id), soci::use(amount), soci::use(in.amount.currency),
      soci::use(in.fund_id), soci::use(in.campaign_id), soci::use(in.appeal_id), soci::use(pledged),
      soci::use(in.notes), soci::use(now), soci::use(now), soci::into(id);
  for (const domain::PledgeInstallment& inst : domain::installment_schedule(in)) {
    int seq = inst.seq;
    std::string due = inst.due_on.to_string();
    long long part = inst.amount_minor;
    unit.sql() << "INSERT INTO pledge_installments (pledge_id, seq, due_on, amount_minor, "
                  "created_at, updated_at) VALUES (:p, :seq, :due, :amount, :c, :u)",
        soci::use(id), soci::use(seq), soci::use(due), soci::use(part), soci::use(now),
        soci::use(now);
  }
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "pledge", id, nullptr, pledge_to_json(*created));
  return created;
}

Result<Page<Pledge>> list(Unit& unit, const ListFilter& filter) {
  int limit = clamp_limit(filter.page.limit);
  int fetch = limit + 1;
  int has_c = filter.constituent_id ? 1 : 0;
  long long c = filter.constituent_id.value_or(0);
  int has_s = filter.status ? 1 : 0;
  std::string s = filter.status ? domain::to_string(*filter.status) : std::string("open");
  long long after = filter.page.after_id;
  int restricted_too = filter.include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kPledgeColumns) +
                                 " FROM pledges WHERE deleted_at IS NULL AND (:has_c = 0 OR "
                                 "constituent_id = :c) AND (:has_s = 0 OR status = :s) "
                                 "AND (:ir = 1 OR NOT EXISTS (SELECT 1 FROM constituents rc "
                                 "WHERE rc.id = pledges.constituent_id AND rc.restricted = TRUE)) "
                                 "AND id > :after ORDER BY id LIMIT :fetch",
       soci::use(has_c), soci::use(c), soci::use(has_s), soci::use(s), soci::use(restricted_too),
       soci::use(after), soci::use(fetch));
  Page<Pledge> page;
  for (const soci::row& r : rows) page.items.push_back(pledge_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  for (Pledge& p : page.items) complete(unit, p);
  return page;
}

Result<std::vector<domain::PledgeInstallment>> overdue_installments(Unit& unit, long long id,
                                                                    const Date& as_of) {
  auto p = get(unit, id);
  if (!p) return p.status();
  if (p->status != PledgeStatus::kOpen) return std::vector<domain::PledgeInstallment>{};
  return domain::overdue(p->installments, as_of);
}

Result<std::vector<Pledge>> overdue(Unit& unit, const Date& as_of) {
  std::string day = as_of.to_string();
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT DISTINCT p.id FROM pledges p JOIN pledge_installments i ON "
                             "i.pledge_id = p.id WHERE p.status = 'open' AND p.deleted_at IS "
                             "NULL AND i.due_on < :day ORDER BY p.id",
       soci::use(day));
  for (const soci::row& row : rows) ids.push_back(RowReader(row).integer(0));
  std::vector<Pledge> out;
  for (long long id : ids) {
    auto p = get(unit, id);
    if (!p) return p.status();
    if (!domain::overdue(p->installments, as_of).empty()) out.push_back(*p);
  }
  return out;
}

Result<Pledge> write_off(Unit& unit, long long id, const std::string& reason, const Date& on) {
  if (Status s = domain::require_text("reason", reason, 500); !s) return s;
  auto before = get(unit, id);
  if (!before) return before;
  if (before->status != PledgeStatus::kOpen || before->balance_minor <= 0)
    return Status::precondition_failed("pledge " + std::to_string(id) + " is " +
                                       domain::to_string(before->status) +
                                       " with nothing left to write off");
  long long amount = before->written_off_minor + before->balance_minor;
  std::string day = on.to_string();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE pledges SET status = 'written_off', written_off_minor = :amount, "
                "written_off_on = :on, write_off_reason = :reason, version = version + 1, "
                "updated_at = :u WHERE id = :id",
      soci::use(amount), soci::use(day), soci::use(reason), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "write_off", "pledge", id, pledge_to_json(*before), pledge_to_json(*after));
  return after;
}

Result<Pledge> refresh_status(Unit& unit, long long id) {
  auto p = get(unit, id);
  if (!p) return p;
  if (p->status == PledgeStatus::kOpen && p->paid_minor >= p->amount.minor)
    return set_status(unit, *p, PledgeStatus::kFulfilled);
  if (p->status == PledgeStatus::kFulfilled && p->paid_minor < p->amount.minor)
    return set_status(unit, *p, PledgeStatus::kOpen);
  return p;
}

}  // namespace steward::store::pledges

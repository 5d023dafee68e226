#include <string>

#include "domain/date.hpp"
#include "engine/demo_writer.hpp"
#include "store/soci_optional.hpp"

namespace steward::engine::demo {
namespace {

long long id_of(const std::vector<long long>& ids, int index) {
  return ids.at(static_cast<std::size_t>(index));
}
std::optional<long long> opt_id(const std::vector<long long>& ids, int index) {
  if (index < 0) return std::nullopt;
  return id_of(ids, index);
}

void write_plans(store::Unit& unit, const DemoData& d, Ids& ids) {
  Plan p;
  long long who = 0, fund = 0, amount = 0, anchor = 0, failures = 0, id = 0;
  std::string created;
  soci::statement st =
      (unit.sql().prepare
           << "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, frequency, "
              "anchor_day, starts_on, ends_on, status, fund_id, processor, processor_reference, "
              "next_expected_on, last_paid_on, consecutive_failures, status_changed_at, notes, "
              "created_at, updated_at) VALUES (:who, :amount, :currency, 'monthly', :anchor, "
              ":starts, :ends, :status, :fund, :processor, :reference, :next, :last, :failures, "
              ":changed, :notes, :c, :u) RETURNING id",
       soci::use(who), soci::use(amount), soci::use(p.currency), soci::use(anchor),
       soci::use(p.starts_on), soci::use(p.ends_on), soci::use(p.status), soci::use(fund),
       soci::use(p.processor), soci::use(p.processor_reference), soci::use(p.next_expected_on),
       soci::use(p.last_paid_on), soci::use(failures), soci::use(p.status_changed_at),
       soci::use(p.notes), soci::use(created), soci::use(created), soci::into(id));
  Transition t;
  soci::statement tx =
      (unit.sql().prepare << "INSERT INTO recurring_plan_transitions (plan_id, from_status, "
                             "to_status, reason, created_at, updated_at) VALUES (:plan, :from, "
                             ":to, :reason, :c, :u)",
       soci::use(id), soci::use(t.from), soci::use(t.to), soci::use(t.reason), soci::use(t.at),
       soci::use(t.at));
  for (const Plan& in : d.plans) {
    p = in;
    who = id_of(ids.constituents, in.who);
    fund = id_of(ids.funds, in.fund);
    amount = in.amount_minor;
    anchor = in.anchor_day;
    failures = in.consecutive_failures;
    created = in.transitions.front().at;
    st.execute(true);
    ids.plans.push_back(id);
    for (const Transition& tr : in.transitions) {
      t = tr;
      tx.execute(true);
    }
  }
}

void write_pledges(store::Unit& unit, const DemoData& d, Ids& ids) {
  Pledge p;
  long long who = 0, fund = 0, amount = 0, written_off = 0, id = 0;
  std::optional<long long> campaign;
  std::string created;
  soci::statement st =
      (unit.sql().prepare
           << "INSERT INTO pledges (constituent_id, amount_minor, currency, fund_id, campaign_id, "
              "pledged_on, status, written_off_minor, written_off_on, write_off_reason, notes, "
              "created_at, updated_at) VALUES (:who, :amount, 'USD', :fund, :campaign, :on, "
              ":status, :written_off, :written_off_on, :reason, :notes, :c, :u) RETURNING id",
       soci::use(who), soci::use(amount), soci::use(fund), soci::use(campaign),
       soci::use(p.pledged_on), soci::use(p.status), soci::use(written_off),
       soci::use(p.written_off_on), soci::use(p.write_off_reason), soci::use(p.notes),
       soci::use(created), soci::use(created), soci::into(id));
  long long seq = 0, due_amount = 0;
  std::string due_on;
  soci::statement inst =
      (unit.sql().prepare << "INSERT INTO pledge_installments (pledge_id, seq, due_on, "
                             "amount_minor, created_at, updated_at) VALUES (:pledge, :seq, :due, "
                             ":amount, :c, :u)",
       soci::use(id), soci::use(seq), soci::use(due_on), soci::use(due_amount), soci::use(created),
       soci::use(created));
  for (const Pledge& in : d.pledges) {
    p = in;
    who = id_of(ids.constituents, in.who);
    fund = id_of(ids.funds, in.fund);
    campaign = opt_id(ids.campaigns, in.campaign);
    amount = in.amount_minor;
    written_off = in.written_off_minor;
    created = in.pledged_on + "T16:00:00Z";
    st.execute(true);
    ids.pledges.push_back(id);
    seq = 0;
    for (const Installment& i : in.installments) {
      ++seq;
      due_on = i.due_on;
      due_amount = i.amount_minor;
      inst.execute(true);
    }
  }
}

}  // namespace

void write_campaigns(store::Unit& unit, const DemoData& d, Ids& ids) {
  long long goal = 0, id = 0, campaign = 0;
  int active = 0;
  std::string now = domain::utc_now_iso();
  Campaign c;
  soci::statement st =
      (unit.sql().prepare << "INSERT INTO campaigns (code, name, description, goal_minor, "
                             "currency, starts_on, ends_on, active, created_at, updated_at) "
                             "VALUES (:code, :name, :description, :goal, 'USD', :starts, :ends, "
                             ":active, :c, :u) RETURNING id",
       soci::use(c.code), soci::use(c.name), soci::use(c.description), soci::use(goal),
       soci::use(c.starts_on), soci::use(c.ends_on), soci::use(active), soci::use(now),
       soci::use(now), soci::into(id));
  for (const Campaign& in : d.campaigns) {
    c = in;
    goal = in.goal_minor;
    active = in.active ? 1 : 0;
    st.execute(true);
    ids.campaigns.push_back(id);
  }
  Appeal a;
  soci::statement ap =
      (unit.sql().prepare << "INSERT INTO appeals (campaign_id, code, name, channel, goal_minor, "
                             "currency, starts_on, ends_on, created_at, updated_at) VALUES "
                             "(:campaign, :code, :name, :channel, :goal, 'USD', :starts, :ends, "
                             ":c, :u) RETURNING id",
       soci::use(campaign), soci::use(a.code), soci::use(a.name), soci::use(a.channel),
       soci::use(goal), soci::use(a.starts_on), soci::use(a.ends_on), soci::use(now),
       soci::use(now), soci::into(id));
  for (const Appeal& in : d.appeals) {
    a = in;
    campaign = id_of(ids.campaigns, in.campaign);
    goal = in.goal_minor;
    ap.execute(true);
    ids.appeals.push_back(id);
  }
}

void write_giving(store::Unit& unit, const DemoData& d, Ids& ids) {
  write_plans(unit, d, ids);
  write_pledges(unit, d, ids);
  Gift g;
  long long who = 0, amount = 0, base = 0, fee = 0, refunded = 0, base_refunded = 0, id = 0;
  std::optional<long long> campaign, appeal, plan, pledge;
  int anonymous = 0;
  std::string created, created_by = unit.actor().name;
  soci::statement st =
      (unit.sql().prepare
           << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
              "base_amount_minor, base_currency, exchange_rate, fee_minor, refunded_minor, "
              "base_refunded_minor, payment_method, check_number, status, source, external_id, "
              "campaign_id, appeal_id, recurring_plan_id, pledge_id, tribute_type, tribute_name, "
              "anonymous, acknowledged_at, acknowledgment_method, receipt_number, notes, "
              "created_by, created_at, updated_at) VALUES (:who, :on, :amount, :currency, :base, "
              "'USD', :rate, :fee, :refunded, :base_refunded, :method, :check, :status, :source, "
              ":external, :campaign, :appeal, :plan, :pledge, :tribute_type, :tribute_name, "
              ":anonymous, :ack_at, :ack_method, :receipt, :notes, :by, :c, :u) RETURNING id",
       soci::use(who), soci::use(g.received_on), soci::use(amount), soci::use(g.currency),
       soci::use(base), soci::use(g.exchange_rate), soci::use(fee), soci::use(refunded),
       soci::use(base_refunded), soci::use(g.payment_method), soci::use(g.check_number),
       soci::use(g.status), soci::use(g.source), soci::use(g.external_id), soci::use(campaign),
       soci::use(appeal), soci::use(plan), soci::use(pledge), soci::use(g.tribute_type),
       soci::use(g.tribute_name), soci::use(anonymous), soci::use(g.acknowledged_at),
       soci::use(g.acknowledgment_method), soci::use(g.receipt_number), soci::use(g.notes),
       soci::use(created_by), soci::use(created), soci::use(created), soci::into(id));
  long long fund = 0, part = 0, part_refunded = 0, credited = 0;
  soci::statement alloc =
      (unit.sql().prepare << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor, "
                             "refunded_minor, created_at, updated_at) VALUES (:gift, :fund, "
                             ":amount, :refunded, :c, :u)",
       soci::use(id), soci::use(fund), soci::use(part), soci::use(part_refunded),
       soci::use(created), soci::use(created));
  std::string role;
  soci::statement soft =
      (unit.sql().prepare << "INSERT INTO soft_credits (gift_id, constituent_id, amount_minor, "
                             "role, created_at, updated_at) VALUES (:gift, :who, :amount, :role, "
                             ":c, :u)",
       soci::use(id), soci::use(credited), soci::use(part), soci::use(role), soci::use(created),
       soci::use(created));
  for (const Gift& in : d.gifts) {
    g = in;
    who = id_of(ids.constituents, in.who);
    amount = in.amount_minor;
    base = in.base_amount_minor;
    fee = in.fee_minor;
    refunded = in.refunded_minor;
    base_refunded = in.base_refunded_minor;
    campaign = opt_id(ids.campaigns, in.campaign);
    appeal = opt_id(ids.appeals, in.appeal);
    plan = opt_id(ids.plans, in.plan);
    pledge = opt_id(ids.pledges, in.pledge);
    anonymous = in.anonymous ? 1 : 0;
    created = in.received_on + "T17:00:00Z";
    st.execute(true);
    for (const Allocation& a : in.allocations) {
      fund = id_of(ids.funds, a.fund);
      part = a.amount_minor;
      part_refunded = a.refunded_minor;
      alloc.execute(true);
    }
    for (const SoftCredit& s : in.soft_credits) {
      credited = id_of(ids.constituents, s.who);
      part = s.amount_minor;
      role = s.role;
      soft.execute(true);
    }
  }
}

}  // namespace steward::engine::demo

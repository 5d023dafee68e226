#include <string>

#include "domain/date.hpp"
#include "engine/demo_writer.hpp"
#include "store/bulk_writer.hpp"

namespace steward::engine::demo {
namespace {

using store::BulkWriter;

long long gifts_id_of(const std::vector<long long>& ids, int index) {
  return ids.at(static_cast<std::size_t>(index));
}
std::optional<long long> opt_id(const std::vector<long long>& ids, int index) {
  if (index < 0) return std::nullopt;
  return gifts_id_of(ids, index);
}

void write_plans(store::Unit& unit, const DemoData& d, Ids& ids) {
  long long next = store::reserve_ids(unit, "recurring_plans", std::ssize(d.plans));
  BulkWriter plans(unit, "recurring_plans",
                   {"id", "constituent_id", "amount_minor", "currency", "frequency", "anchor_day",
                    "starts_on", "ends_on", "status", "fund_id", "processor", "processor_reference",
                    "next_expected_on", "last_paid_on", "consecutive_failures", "status_changed_at",
                    "notes", "created_at", "updated_at"});
  for (const Plan& p : d.plans) {
    const std::string& created = p.transitions.front().at;
    plans.add(next).add(gifts_id_of(ids.constituents, p.who)).add(p.amount_minor).add(p.currency);
    plans.add("monthly").add(p.anchor_day).add(p.starts_on).add(p.ends_on).add(p.status);
    plans.add(gifts_id_of(ids.funds, p.fund)).add(p.processor).add(p.processor_reference);
    plans.add(p.next_expected_on).add(p.last_paid_on).add(p.consecutive_failures);
    plans.add(p.status_changed_at).add(p.notes).add(created).add(created).end_row();
    ids.plans.push_back(next++);
  }
  plans.finish();
  // One COPY at a time per connection: the children after their parents.
  BulkWriter transitions(
      unit, "recurring_plan_transitions",
      {"plan_id", "from_status", "to_status", "reason", "created_at", "updated_at"});
  for (std::size_t i = 0; i < d.plans.size(); ++i) {
    for (const Transition& t : d.plans[i].transitions) {
      transitions.add(ids.plans[i]).add(t.from).add(t.to).add(t.reason).add(t.at).add(t.at);
      transitions.end_row();
    }
  }
  transitions.finish();
}

void write_pledges(store::Unit& unit, const DemoData& d, Ids& ids) {
  long long next = store::reserve_ids(unit, "pledges", std::ssize(d.pledges));
  BulkWriter pledges(unit, "pledges",
                     {"id", "constituent_id", "amount_minor", "currency", "fund_id", "campaign_id",
                      "pledged_on", "status", "written_off_minor", "written_off_on",
                      "write_off_reason", "notes", "created_at", "updated_at"});
  for (const Pledge& p : d.pledges) {
    std::string created = p.pledged_on + "T16:00:00Z";
    pledges.add(next).add(gifts_id_of(ids.constituents, p.who)).add(p.amount_minor).add("USD");
    pledges.add(gifts_id_of(ids.funds, p.fund)).add(opt_id(ids.campaigns, p.campaign));
    pledges.add(p.pledged_on).add(p.status).add(p.written_off_minor).add(p.written_off_on);
    pledges.add(p.write_off_reason).add(p.notes).add(created).add(created).end_row();
    ids.pledges.push_back(next++);
  }
  pledges.finish();
  BulkWriter installments(
      unit, "pledge_installments",
      {"pledge_id", "seq", "due_on", "amount_minor", "created_at", "updated_at"});
  for (std::size_t i = 0; i < d.pledges.size(); ++i) {
    const Pledge& p = d.pledges[i];
    std::string created = p.pledged_on + "T16:00:00Z";
    int seq = 0;
    for (const Installment& in : p.installments) {
      installments.add(ids.pledges[i]).add(++seq).add(in.due_on).add(in.amount_minor);
      installments.add(created).add(created).end_row();
    }
  }
  installments.finish();
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
    campaign = gifts_id_of(ids.campaigns, in.campaign);
    goal = in.goal_minor;
    ap.execute(true);
    ids.appeals.push_back(id);
  }
}

void write_giving(store::Unit& unit, const DemoData& d, Ids& ids) {
  write_plans(unit, d, ids);
  write_pledges(unit, d, ids);
  const std::string& created_by = unit.actor().name;
  long long next = store::reserve_ids(unit, "gifts", std::ssize(d.gifts));
  BulkWriter gifts(unit, "gifts",
                   {"id",
                    "constituent_id",
                    "received_on",
                    "amount_minor",
                    "currency",
                    "base_amount_minor",
                    "base_currency",
                    "exchange_rate",
                    "fee_minor",
                    "refunded_minor",
                    "base_refunded_minor",
                    "payment_method",
                    "check_number",
                    "status",
                    "source",
                    "external_id",
                    "campaign_id",
                    "appeal_id",
                    "recurring_plan_id",
                    "pledge_id",
                    "tribute_type",
                    "tribute_name",
                    "anonymous",
                    "acknowledged_at",
                    "acknowledgment_method",
                    "receipt_number",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_at"});
  // COPY holds the connection, so allocations and soft credits are collected and written after.
  struct Part {
    long long gift, target, amount, refunded;
    const std::string* role;
  };
  std::vector<Part> allocations, credits;
  for (const Gift& g : d.gifts) {
    std::string created = g.received_on + "T17:00:00Z";
    gifts.add(next)
        .add(gifts_id_of(ids.constituents, g.who))
        .add(g.received_on)
        .add(g.amount_minor);
    gifts.add(g.currency).add(g.base_amount_minor).add("USD").add(g.exchange_rate);
    gifts.add(g.fee_minor).add(g.refunded_minor).add(g.base_refunded_minor);
    gifts.add(g.payment_method).add(g.check_number).add(g.status).add(g.source);
    gifts.add(g.external_id).add(opt_id(ids.campaigns, g.campaign));
    gifts.add(opt_id(ids.appeals, g.appeal)).add(opt_id(ids.plans, g.plan));
    gifts.add(opt_id(ids.pledges, g.pledge)).add(g.tribute_type).add(g.tribute_name);
    gifts.add(g.anonymous).add(g.acknowledged_at).add(g.acknowledgment_method);
    gifts.add(g.receipt_number).add(g.notes).add(created_by).add(created).add(created).end_row();
    for (const Allocation& a : g.allocations)
      allocations.push_back(
          {next, gifts_id_of(ids.funds, a.fund), a.amount_minor, a.refunded_minor, nullptr});
    for (const SoftCredit& s : g.soft_credits)
      credits.push_back({next, gifts_id_of(ids.constituents, s.who), s.amount_minor, 0, &s.role});
    ++next;
  }
  gifts.finish();
  // created_at of the parts: the gift's, found again by id (ids are consecutive).
  long long first = next - std::ssize(d.gifts);
  auto created_of = [&](long long gift) {
    return d.gifts[static_cast<std::size_t>(gift - first)].received_on + "T17:00:00Z";
  };
  BulkWriter alloc(
      unit, "gift_allocations",
      {"gift_id", "fund_id", "amount_minor", "refunded_minor", "created_at", "updated_at"});
  for (const Part& a : allocations) {
    std::string created = created_of(a.gift);
    alloc.add(a.gift).add(a.target).add(a.amount).add(a.refunded).add(created).add(created);
    alloc.end_row();
  }
  alloc.finish();
  BulkWriter soft(
      unit, "soft_credits",
      {"gift_id", "constituent_id", "amount_minor", "role", "created_at", "updated_at"});
  for (const Part& s : credits) {
    std::string created = created_of(s.gift);
    soft.add(s.gift).add(s.target).add(s.amount).add(*s.role).add(created).add(created);
    soft.end_row();
  }
  soft.finish();
}

}  // namespace steward::engine::demo

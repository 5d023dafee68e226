#include <string>

#include "domain/date.hpp"
#include "engine/demo_writer.hpp"
#include "store/soci_optional.hpp"

namespace steward::engine::demo {
namespace {

long long id_of(const std::vector<long long>& ids, int index) {
  return ids.at(static_cast<std::size_t>(index));
}
int flag(bool b) { return b ? 1 : 0; }

void write_constituents(store::Unit& unit, const DemoData& d, Ids& ids) {
  Constituent c;
  int restricted = 0, dne = 0, dnm = 0, dnc = 0, dns = 0, anon = 0;
  std::string created;
  long long id = 0;
  soci::statement st =
      (unit.sql().prepare
           << "INSERT INTO constituents (kind, first_name, last_name, organization_name, "
              "organization_type, display_name, sort_name, salutation, addressee, donor_source, "
              "stage, notes, restricted, do_not_email, do_not_mail, do_not_call, do_not_solicit, "
              "anonymous_giver, created_at, updated_at) VALUES (:kind, :first, :last, :org, "
              ":org_type, :display, :sort, :salutation, :addressee, :source, :stage, :notes, "
              ":restricted, :dne, :dnm, :dnc, :dns, :anon, :created, :updated) RETURNING id",
       soci::use(c.kind), soci::use(c.first_name), soci::use(c.last_name),
       soci::use(c.organization_name), soci::use(c.organization_type), soci::use(c.display_name),
       soci::use(c.sort_name), soci::use(c.salutation), soci::use(c.addressee),
       soci::use(c.donor_source), soci::use(c.stage), soci::use(c.notes), soci::use(restricted),
       soci::use(dne), soci::use(dnm), soci::use(dnc), soci::use(dns), soci::use(anon),
       soci::use(created), soci::use(created), soci::into(id));
  for (const Constituent& in : d.constituents) {
    c = in;
    restricted = flag(in.restricted);
    dne = flag(in.do_not_email);
    dnm = flag(in.do_not_mail);
    dnc = flag(in.do_not_call);
    dns = flag(in.do_not_solicit);
    anon = flag(in.anonymous_giver);
    created = at_time(in.since, 15);
    st.execute(true);
    ids.constituents.push_back(id);
  }
}

void write_contacts(store::Unit& unit, const DemoData& d, const Ids& ids) {
  long long who = 0;
  int primary = 0, undeliverable = 0;
  std::string now = domain::utc_now_iso();
  {
    Email e;
    soci::statement st =
        (unit.sql().prepare << "INSERT INTO emails (constituent_id, email, kind, is_primary, "
                               "created_at, updated_at) VALUES (:who, :email, :kind, :primary, "
                               ":c, :u)",
         soci::use(who), soci::use(e.email), soci::use(e.kind), soci::use(primary), soci::use(now),
         soci::use(now));
    for (const Email& in : d.emails) {
      e = in;
      who = id_of(ids.constituents, in.who);
      primary = flag(in.primary);
      st.execute(true);
    }
  }
  {
    Phone p;
    soci::statement st =
        (unit.sql().prepare << "INSERT INTO phones (constituent_id, phone, phone_normalized, "
                               "kind, is_primary, created_at, updated_at) VALUES (:who, :phone, "
                               ":normalized, :kind, :primary, :c, :u)",
         soci::use(who), soci::use(p.phone), soci::use(p.normalized), soci::use(p.kind),
         soci::use(primary), soci::use(now), soci::use(now));
    for (const Phone& in : d.phones) {
      p = in;
      who = id_of(ids.constituents, in.who);
      primary = flag(in.primary);
      st.execute(true);
    }
  }
  {
    Address a;
    soci::statement st =
        (unit.sql().prepare
             << "INSERT INTO addresses (constituent_id, kind, line1, line2, city, region, "
                "postal_code, country, is_primary, undeliverable, created_at, updated_at) VALUES "
                "(:who, :kind, :line1, :line2, :city, :region, :postal, :country, :primary, "
                ":undeliverable, :c, :u)",
         soci::use(who), soci::use(a.kind), soci::use(a.line1), soci::use(a.line2),
         soci::use(a.city), soci::use(a.region), soci::use(a.postal_code), soci::use(a.country),
         soci::use(primary), soci::use(undeliverable), soci::use(now), soci::use(now));
    for (const Address& in : d.addresses) {
      a = in;
      who = id_of(ids.constituents, in.who);
      primary = flag(in.primary);
      undeliverable = flag(in.undeliverable);
      st.execute(true);
    }
  }
}

void write_links(store::Unit& unit, const DemoData& d, const Ids& ids) {
  long long a = 0, b = 0;
  std::string now = domain::utc_now_iso();
  {
    HouseholdMember m;
    soci::statement st =
        (unit.sql().prepare << "INSERT INTO household_members (household_id, member_id, role, "
                               "started_on, created_at, updated_at) VALUES (:h, :m, :role, "
                               ":started, :c, :u)",
         soci::use(a), soci::use(b), soci::use(m.role), soci::use(m.started_on), soci::use(now),
         soci::use(now));
    for (const HouseholdMember& in : d.household_members) {
      m = in;
      a = id_of(ids.constituents, in.household);
      b = id_of(ids.constituents, in.member);
      st.execute(true);
    }
  }
  {
    Relationship r;
    soci::statement st =
        (unit.sql().prepare << "INSERT INTO relationships (constituent_id, related_id, type, "
                               "reciprocal_type, created_at, updated_at) VALUES (:a, :b, :type, "
                               ":reciprocal, :c, :u)",
         soci::use(a), soci::use(b), soci::use(r.type), soci::use(r.reciprocal_type),
         soci::use(now), soci::use(now));
    for (const Relationship& in : d.relationships) {
      r = in;
      a = id_of(ids.constituents, in.from);
      b = id_of(ids.constituents, in.to);
      st.execute(true);
    }
  }
  std::vector<long long> tag_ids;
  {
    std::string name;
    long long id = 0;
    soci::statement st = (unit.sql().prepare << "INSERT INTO tags (name, created_at, updated_at) "
                                                "VALUES (:name, :c, :u) RETURNING id",
                          soci::use(name), soci::use(now), soci::use(now), soci::into(id));
    for (const std::string& t : d.tags) {
      name = t;
      st.execute(true);
      tag_ids.push_back(id);
    }
  }
  soci::statement st =
      (unit.sql().prepare << "INSERT INTO constituent_tags (constituent_id, tag_id, created_at, "
                             "updated_at) VALUES (:who, :tag, :c, :u)",
       soci::use(a), soci::use(b), soci::use(now), soci::use(now));
  for (const auto& [who, tag] : d.constituent_tags) {
    a = id_of(ids.constituents, who);
    b = id_of(tag_ids, tag);
    st.execute(true);
  }
}

}  // namespace

void write_people(store::Unit& unit, const DemoData& d, Ids& ids) {
  write_constituents(unit, d, ids);
  write_contacts(unit, d, ids);
  write_links(unit, d, ids);
}

void write_activity(store::Unit& unit, const DemoData& d, const Ids& ids) {
  long long who = 0;
  std::optional<long long> maybe_who;
  int restricted = 0;
  std::string created_by;
  {
    Interaction i;
    soci::statement st =
        (unit.sql().prepare
             << "INSERT INTO interactions (constituent_id, kind, occurred_at, staff, summary, "
                "details, restricted, created_by, created_at, updated_at) VALUES (:who, :kind, "
                ":at, :staff, :summary, :details, :restricted, :by, :c, :u)",
         soci::use(who), soci::use(i.kind), soci::use(i.occurred_at), soci::use(i.staff),
         soci::use(i.summary), soci::use(i.details), soci::use(restricted), soci::use(created_by),
         soci::use(i.occurred_at), soci::use(i.occurred_at));
    for (const Interaction& in : d.interactions) {
      i = in;
      who = id_of(ids.constituents, in.who);
      restricted = flag(in.restricted);
      created_by = in.staff;
      st.execute(true);
    }
  }
  {
    Task t;
    soci::statement st =
        (unit.sql().prepare
             << "INSERT INTO tasks (constituent_id, assignee, title, details, due_on, status, "
                "completed_at, created_by, created_at, updated_at) VALUES (:who, :assignee, "
                ":title, :details, :due, :status, :completed, :by, :c, :u)",
         soci::use(maybe_who), soci::use(t.assignee), soci::use(t.title), soci::use(t.details),
         soci::use(t.due_on), soci::use(t.status), soci::use(t.completed_at), soci::use(created_by),
         soci::use(t.created_at), soci::use(t.created_at));
    for (const Task& in : d.tasks) {
      t = in;
      maybe_who.reset();
      if (in.who >= 0) maybe_who = id_of(ids.constituents, in.who);
      created_by = "grace";
      st.execute(true);
    }
  }
  StageChange s;
  soci::statement st =
      (unit.sql().prepare << "INSERT INTO stage_history (constituent_id, from_stage, to_stage, "
                             "changed_by, note, created_at, updated_at) VALUES (:who, :from, "
                             ":to, :by, :note, :c, :u)",
       soci::use(who), soci::use(s.from), soci::use(s.to), soci::use(s.changed_by),
       soci::use(s.note), soci::use(s.at), soci::use(s.at));
  for (const StageChange& in : d.stage_history) {
    s = in;
    who = id_of(ids.constituents, in.who);
    st.execute(true);
  }
}

}  // namespace steward::engine::demo

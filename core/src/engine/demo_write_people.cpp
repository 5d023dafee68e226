#include <stdexcept>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "engine/demo_writer.hpp"
#include "store/bulk_writer.hpp"
#include "store/constituent_search_refresh.hpp"

namespace steward::engine::demo {
namespace {

using store::BulkWriter;

long long people_id_of(const std::vector<long long>& ids, int index) {
  return ids.at(static_cast<std::size_t>(index));
}

void write_constituents(store::Unit& unit, const DemoData& d, Ids& ids) {
  long long next = store::reserve_ids(unit, "constituents", std::ssize(d.constituents));
  BulkWriter w(unit, "constituents",
               {"id",
                "kind",
                "first_name",
                "last_name",
                "organization_name",
                "organization_type",
                "display_name",
                "sort_name",
                "salutation",
                "addressee",
                "donor_source",
                "stage",
                "notes",
                "restricted",
                "do_not_email",
                "do_not_mail",
                "do_not_call",
                "do_not_solicit",
                "anonymous_giver",
                "created_at",
                "updated_at"});
  for (const Constituent& c : d.constituents) {
    std::string created = at_time(c.since, 15);
    w.add(next).add(c.kind).add(c.first_name).add(c.last_name).add(c.organization_name);
    w.add(c.organization_type).add(c.display_name).add(c.sort_name).add(c.salutation);
    w.add(c.addressee).add(c.donor_source).add(c.stage).add(c.notes).add(c.restricted);
    w.add(c.do_not_email).add(c.do_not_mail).add(c.do_not_call).add(c.do_not_solicit);
    w.add(c.anonymous_giver).add(created).add(created);
    w.end_row();
    ids.constituents.push_back(next++);
  }
  w.finish();
}

void write_contacts(store::Unit& unit, const DemoData& d, const Ids& ids) {
  std::string now = domain::utc_now_iso();
  BulkWriter emails(unit, "emails",
                    {"constituent_id", "email", "kind", "is_primary", "created_at", "updated_at"});
  for (const Email& e : d.emails) {
    emails.add(people_id_of(ids.constituents, e.who)).add(e.email).add(e.kind).add(e.primary);
    emails.add(now).add(now).end_row();
  }
  emails.finish();
  BulkWriter phones(unit, "phones",
                    {"constituent_id", "phone", "phone_normalized", "kind", "is_primary",
                     "created_at", "updated_at"});
  for (const Phone& p : d.phones) {
    phones.add(people_id_of(ids.constituents, p.who)).add(p.phone).add(p.normalized).add(p.kind);
    phones.add(p.primary).add(now).add(now).end_row();
  }
  phones.finish();
  BulkWriter addresses(unit, "addresses",
                       {"constituent_id", "kind", "line1", "line2", "city", "region", "postal_code",
                        "country", "is_primary", "undeliverable", "created_at", "updated_at"});
  for (const Address& a : d.addresses) {
    addresses.add(people_id_of(ids.constituents, a.who)).add(a.kind).add(a.line1).add(a.line2);
    addresses.add(a.city).add(a.region).add(a.postal_code).add(a.country).add(a.primary);
    addresses.add(a.undeliverable).add(now).add(now).end_row();
  }
  addresses.finish();
}

// Tags are few and written once (a generated organisation's later chunks reuse them).
void write_tags(store::Unit& unit, const DemoData& d, Ids& ids, const std::string& now) {
  if (!ids.tags.empty()) return;
  std::string name;
  long long id = 0;
  soci::statement st = (unit.sql().prepare << "INSERT INTO tags (name, created_at, updated_at) "
                                              "VALUES (:name, :c, :u) RETURNING id",
                        soci::use(name), soci::use(now), soci::use(now), soci::into(id));
  for (const std::string& t : d.tags) {
    name = t;
    st.execute(true);
    ids.tags.push_back(id);
  }
}

void write_links(store::Unit& unit, const DemoData& d, Ids& ids) {
  std::string now = domain::utc_now_iso();
  BulkWriter members(
      unit, "household_members",
      {"household_id", "member_id", "role", "started_on", "created_at", "updated_at"});
  for (const HouseholdMember& m : d.household_members) {
    members.add(people_id_of(ids.constituents, m.household))
        .add(people_id_of(ids.constituents, m.member));
    members.add(m.role).add(m.started_on).add(now).add(now).end_row();
  }
  members.finish();
  BulkWriter relationships(
      unit, "relationships",
      {"constituent_id", "related_id", "type", "reciprocal_type", "created_at", "updated_at"});
  for (const Relationship& r : d.relationships) {
    relationships.add(people_id_of(ids.constituents, r.from))
        .add(people_id_of(ids.constituents, r.to));
    relationships.add(r.type).add(r.reciprocal_type).add(now).add(now).end_row();
  }
  relationships.finish();
  write_tags(unit, d, ids, now);
  BulkWriter tags(unit, "constituent_tags",
                  {"constituent_id", "tag_id", "created_at", "updated_at"});
  for (const auto& [who, tag] : d.constituent_tags) {
    tags.add(people_id_of(ids.constituents, who))
        .add(people_id_of(ids.tags, tag))
        .add(now)
        .add(now)
        .end_row();
  }
  tags.finish();
}

}  // namespace

void write_people(store::Unit& unit, const DemoData& d, Ids& ids) {
  // The quick-search rows of the chunk's constituents are built once, after their contacts,
  // instead of by the triggers for every constituent, email, phone and address (decision 0217).
  store::constituents::DeferSearchRefresh search(unit);
  const std::size_t first = ids.constituents.size();
  write_constituents(unit, d, ids);
  write_contacts(unit, d, ids);
  std::vector<long long> written(ids.constituents.begin() + static_cast<std::ptrdiff_t>(first),
                                 ids.constituents.end());
  if (Status s = search.finish(written); !s) throw std::runtime_error(s.message());
  write_links(unit, d, ids);
}

void write_activity(store::Unit& unit, const DemoData& d, const Ids& ids) {
  BulkWriter interactions(unit, "interactions",
                          {"constituent_id", "kind", "occurred_at", "staff", "summary", "details",
                           "restricted", "created_by", "created_at", "updated_at"});
  for (const Interaction& i : d.interactions) {
    interactions.add(people_id_of(ids.constituents, i.who))
        .add(i.kind)
        .add(i.occurred_at)
        .add(i.staff);
    interactions.add(i.summary).add(i.details).add(i.restricted).add(i.staff);
    interactions.add(i.occurred_at).add(i.occurred_at).end_row();
  }
  interactions.finish();
  BulkWriter tasks(unit, "tasks",
                   {"constituent_id", "assignee", "title", "details", "due_on", "status",
                    "completed_at", "created_by", "created_at", "updated_at"});
  for (const Task& t : d.tasks) {
    std::optional<long long> who;
    if (t.who >= 0) who = people_id_of(ids.constituents, t.who);
    tasks.add(who).add(t.assignee).add(t.title).add(t.details).add(t.due_on).add(t.status);
    tasks.add(t.completed_at).add("grace").add(t.created_at).add(t.created_at).end_row();
  }
  tasks.finish();
  BulkWriter stages(unit, "stage_history",
                    {"constituent_id", "from_stage", "to_stage", "changed_by", "note", "created_at",
                     "updated_at"});
  for (const StageChange& s : d.stage_history) {
    stages.add(people_id_of(ids.constituents, s.who)).add(s.from).add(s.to).add(s.changed_by);
    stages.add(s.note).add(s.at).add(s.at).end_row();
  }
  stages.finish();
}

}  // namespace steward::engine::demo

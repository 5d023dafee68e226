#include "app/constituent_view.hpp"

#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"

namespace steward::app {

Result<ConstituentView> load_view(store::Unit& unit, long long id) {
  ConstituentView v;
  auto c = store::constituents::get(unit, id, true);
  if (!c) return c.status();
  v.constituent = *c;
  auto emails = store::contacts::emails(unit, id);
  if (!emails) return emails.status();
  v.emails = *emails;
  auto phones = store::contacts::phones(unit, id);
  if (!phones) return phones.status();
  v.phones = *phones;
  auto addresses = store::contacts::addresses(unit, id);
  if (!addresses) return addresses.status();
  v.addresses = *addresses;
  auto tags = store::tags::tags_of(unit, id);
  if (!tags) return tags.status();
  v.tags = *tags;
  auto household = store::households::household_of(unit, id);
  if (!household) return household.status();
  v.household = *household;
  if (c->kind == domain::kHousehold) {
    auto members = store::households::members(unit, id);
    if (!members) return members.status();
    v.members = *members;
  }
  auto rels = store::relationships::list_for(unit, id);
  if (!rels) return rels.status();
  v.relationships = *rels;
  return v;
}

nlohmann::json view_json(const ConstituentView& v) {
  nlohmann::json j = store::constituents::to_json(v.constituent);
  j["emails"] = nlohmann::json::array();
  for (const auto& e : v.emails)
    j["emails"].push_back(
        {{"id", e.id}, {"email", e.email}, {"kind", e.kind}, {"is_primary", e.is_primary}});
  j["phones"] = nlohmann::json::array();
  for (const auto& p : v.phones)
    j["phones"].push_back(
        {{"id", p.id}, {"phone", p.phone}, {"kind", p.kind}, {"is_primary", p.is_primary}});
  j["addresses"] = nlohmann::json::array();
  for (const auto& a : v.addresses) {
    nlohmann::json aj = {{"id", a.id},
                         {"kind", a.kind},
                         {"line1", a.line1},
                         {"country", a.country},
                         {"is_primary", a.is_primary},
                         {"undeliverable", a.undeliverable}};
    if (a.line2) aj["line2"] = *a.line2;
    if (a.city) aj["city"] = *a.city;
    if (a.region) aj["region"] = *a.region;
    if (a.postal_code) aj["postal_code"] = *a.postal_code;
    j["addresses"].push_back(aj);
  }
  j["tags"] = nlohmann::json::array();
  for (const auto& t : v.tags) j["tags"].push_back(t.name);
  if (v.household) j["household_id"] = v.household->household_id;
  j["members"] = nlohmann::json::array();
  for (const auto& m : v.members)
    j["members"].push_back({{"member_id", m.member_id}, {"name", m.member_name}, {"role", m.role}});
  j["relationships"] = nlohmann::json::array();
  for (const auto& r : v.relationships)
    j["relationships"].push_back({{"id", r.id},
                                  {"type", r.type},
                                  {"related_id", r.related_id},
                                  {"related_name", r.related_name}});
  return j;
}

void print_view(std::ostream& out, const ConstituentView& v) {
  const domain::Constituent& c = v.constituent;
  out << c.name() << "  (#" << c.id << ", " << c.kind << (c.deleted() ? ", deleted" : "")
      << (c.restricted ? ", restricted" : "") << ")\n";
  if (c.organization_type) out << "  type: " << *c.organization_type << "\n";
  if (c.salutation) out << "  salutation: " << *c.salutation << "\n";
  if (c.addressee) out << "  addressee: " << *c.addressee << "\n";
  std::string flags;
  if (c.do_not_email) flags += " do-not-email";
  if (c.do_not_mail) flags += " do-not-mail";
  if (c.do_not_call) flags += " do-not-call";
  if (c.do_not_solicit) flags += " do-not-solicit";
  if (c.anonymous_giver) flags += " anonymous";
  if (!flags.empty()) out << "  preferences:" << flags << "\n";
  for (const auto& e : v.emails)
    out << "  email: " << e.email << " (" << e.kind << (e.is_primary ? ", primary" : "") << ")\n";
  for (const auto& p : v.phones)
    out << "  phone: " << p.phone << " (" << p.kind << (p.is_primary ? ", primary" : "") << ")\n";
  for (const auto& a : v.addresses) {
    out << "  address: " << a.line1;
    if (a.city) out << ", " << *a.city;
    if (a.region) out << ", " << *a.region;
    if (a.postal_code) out << " " << *a.postal_code;
    out << " " << a.country << (a.is_primary ? " (primary)" : "")
        << (a.undeliverable ? " (undeliverable)" : "") << "\n";
  }
  if (!v.tags.empty()) {
    out << "  tags:";
    for (const auto& t : v.tags) out << " [" << t.name << "]";
    out << "\n";
  }
  if (v.household) out << "  household: #" << v.household->household_id << "\n";
  for (const auto& m : v.members)
    out << "  member: " << m.member_name << " (#" << m.member_id << ", " << m.role << ")\n";
  for (const auto& r : v.relationships)
    out << "  " << r.type << ": " << r.related_name << " (#" << r.related_id << ")\n";
  if (c.notes) out << "  notes: " << *c.notes << "\n";
}

}  // namespace steward::app

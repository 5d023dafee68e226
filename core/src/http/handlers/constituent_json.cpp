#include "http/handlers/constituent_json.hpp"

#include "http/json_body.hpp"
#include "store/constituent_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json minor_money(long long minor, const std::string& currency) {
  return money_json(sdk::Money{minor, currency});
}

}  // namespace

nlohmann::json constituent_json(const domain::Constituent& c) {
  nlohmann::json j = store::constituents::to_json(c);
  for (const char* key :
       {"first_name", "middle_name", "last_name", "preferred_name", "organization_name",
        "salutation", "addressee", "organization_type", "source", "notes", "deleted_at"}) {
    if (!j.contains(key)) j[key] = nullptr;
  }
  return j;
}

nlohmann::json email_json(const domain::Email& e) {
  return {{"id", e.id},
          {"constituent_id", e.constituent_id},
          {"email", e.email},
          {"kind", e.kind},
          {"is_primary", e.is_primary},
          {"unsubscribed_at", optional_json(e.unsubscribed_at)},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

nlohmann::json phone_json(const domain::Phone& p) {
  return {{"id", p.id},
          {"constituent_id", p.constituent_id},
          {"phone", p.phone},
          {"phone_normalized", p.phone_normalized},
          {"kind", p.kind},
          {"is_primary", p.is_primary},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

nlohmann::json address_json(const domain::Address& a) {
  return {{"id", a.id},
          {"constituent_id", a.constituent_id},
          {"kind", a.kind},
          {"line1", a.line1},
          {"line2", optional_json(a.line2)},
          {"line3", optional_json(a.line3)},
          {"city", optional_json(a.city)},
          {"region", optional_json(a.region)},
          {"postal_code", optional_json(a.postal_code)},
          {"country", a.country},
          {"is_primary", a.is_primary},
          {"undeliverable", a.undeliverable},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

nlohmann::json membership_json(const store::households::Membership& m) {
  return {{"id", m.id},
          {"household_id", m.household_id},
          {"member_id", m.member_id},
          {"member_name", m.member_name},
          {"member_erased_at", optional_json(m.member_erased_at)},
          {"role", m.role},
          {"started_on", optional_json(m.started_on)},
          {"ended_on", optional_json(m.ended_on)}};
}

nlohmann::json relationship_json(const store::relationships::Relationship& r) {
  return {{"id", r.id},
          {"constituent_id", r.constituent_id},
          {"related_id", r.related_id},
          {"related_name", r.related_name},
          {"type", r.type},
          {"started_on", optional_json(r.started_on)},
          {"ended_on", optional_json(r.ended_on)},
          {"notes", optional_json(r.notes)}};
}

nlohmann::json tag_json(const store::tags::Tag& t) { return {{"id", t.id}, {"name", t.name}}; }

nlohmann::json giving_json(const store::giving::Summary& s) {
  nlohmann::json years = nlohmann::json::array();
  for (const auto& y : s.by_year) {
    years.push_back({{"fiscal_year", y.fiscal_year},
                     {"gift_count", y.gift_count},
                     {"total", minor_money(y.total_minor, s.currency)},
                     {"soft_credit", minor_money(y.soft_credit_minor, s.currency)}});
  }
  return {{"currency", s.currency},
          {"first_gift_on", optional_json(s.first_gift_on)},
          {"first_gift", minor_money(s.first_gift_minor, s.currency)},
          {"last_gift_on", optional_json(s.last_gift_on)},
          {"last_gift", minor_money(s.last_gift_minor, s.currency)},
          {"largest_gift", minor_money(s.largest_gift_minor, s.currency)},
          {"gift_count", s.gift_count},
          {"lifetime", minor_money(s.lifetime_minor, s.currency)},
          {"soft_credit_count", s.soft_credit_count},
          {"soft_credit", minor_money(s.soft_credit_minor, s.currency)},
          {"by_year", years}};
}

Result<domain::Constituent> visible_constituent(store::Unit& unit, long long id,
                                                bool sees_restricted, bool include_deleted) {
  auto c = store::constituents::get(unit, id, include_deleted);
  if (c && c.value().restricted && !sees_restricted) {
    return Status::not_found("constituent " + std::to_string(id) + " does not exist");
  }
  return c;
}

Response no_such_constituent() {
  return Response::problem(404, "not-found", "no such constituent");
}

Result<domain::ConstituentInput> read_constituent(const Request& request,
                                                  std::optional<Response>& bad) {
  nlohmann::json body;
  bad = parse_json_body(request, body);
  if (bad) return Status::invalid("bad body");
  JsonReader in(body);
  domain::ConstituentInput c;
  c.kind = in.text("kind", false).value_or("individual");
  c.first_name = in.text("first_name", false);
  c.middle_name = in.text("middle_name", false);
  c.last_name = in.text("last_name", false);
  c.preferred_name = in.text("preferred_name", false);
  c.organization_name = in.text("organization_name", false);
  c.display_name = in.text("display_name", false);
  c.salutation = in.text("salutation", false);
  c.addressee = in.text("addressee", false);
  c.organization_type = in.text("organization_type", false);
  c.restricted = in.boolean("restricted", false).value_or(false);
  c.source = in.text("source", false);
  c.do_not_email = in.boolean("do_not_email", false).value_or(false);
  c.do_not_mail = in.boolean("do_not_mail", false).value_or(false);
  c.do_not_call = in.boolean("do_not_call", false).value_or(false);
  c.do_not_solicit = in.boolean("do_not_solicit", false).value_or(false);
  c.anonymous_giver = in.boolean("anonymous_giver", false).value_or(false);
  c.notes = in.text("notes", false);
  if (const nlohmann::json* custom = in.object("custom_fields", false))
    c.custom_fields = custom->dump();
  for (const char* echoed : {"id", "created_at", "updated_at", "version", "sort_name", "deleted_at",
                             "erased_at", "merged_into_id", "emails", "phones", "addresses",
                             "household", "members", "relationships", "tags", "giving"}) {
    in.ignore(echoed);
  }
  if (Status s = in.finish(); !s) return s;
  if (c.display_name && c.display_name->empty()) c.display_name.reset();
  return c;
}

}  // namespace steward::http

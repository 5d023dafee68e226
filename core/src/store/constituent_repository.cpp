#include "store/constituent_repository.hpp"

#include "domain/contact.hpp"
#include "domain/date.hpp"
#include "domain/text.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/bulk_images.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/constituent_search.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::constituents {
namespace {

const std::string kConstituentColumns =
    "c.id, c.kind, c.first_name, c.middle_name, c.last_name, c.preferred_name, "
    "c.organization_name, c.display_name, c.sort_name, c.salutation, c.addressee, "
    "c.organization_type, c.restricted, c.donor_source, c.do_not_email, c.do_not_mail, "
    "c.do_not_call, c.do_not_solicit, c.anonymous_giver, c.notes, c.custom_fields, "
    "c.merged_into_id, c.version, c.created_at, c.updated_at, c.deleted_at";

domain::Constituent constituent_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Constituent c;
  c.id = r.integer();
  c.kind = r.text();
  c.first_name = r.opt_text();
  c.middle_name = r.opt_text();
  c.last_name = r.opt_text();
  c.preferred_name = r.opt_text();
  c.organization_name = r.opt_text();
  c.display_name = r.text();
  c.sort_name = r.text();
  c.salutation = r.opt_text();
  c.addressee = r.opt_text();
  c.organization_type = r.opt_text();
  c.restricted = r.flag();
  c.source = r.opt_text();
  c.do_not_email = r.flag();
  c.do_not_mail = r.flag();
  c.do_not_call = r.flag();
  c.do_not_solicit = r.flag();
  c.anonymous_giver = r.flag();
  c.notes = r.opt_text();
  c.custom_fields = r.text();
  c.merged_into_id = r.opt_integer();
  c.version = r.integer();
  c.created_at = r.timestamp();
  c.updated_at = r.timestamp();
  c.deleted_at = r.opt_timestamp();
  return c;
}

// Blank optional text is stored as NULL (domain::null_if_blank).
struct ConstituentBinds {
  std::optional<std::string> first, middle, last, preferred, org, salutation, addressee, org_type,
      source, notes;
  std::string display, sort, custom;
  int restricted, no_email, no_mail, no_call, no_solicit, anonymous;
  explicit ConstituentBinds(const domain::ConstituentInput& in)
      : first(domain::null_if_blank(in.first_name)),
        middle(domain::null_if_blank(in.middle_name)),
        last(domain::null_if_blank(in.last_name)),
        preferred(domain::null_if_blank(in.preferred_name)),
        org(domain::null_if_blank(in.organization_name)),
        salutation(domain::null_if_blank(in.salutation)),
        addressee(domain::null_if_blank(in.addressee)),
        org_type(domain::null_if_blank(in.organization_type)),
        source(domain::null_if_blank(in.source)),
        notes(domain::null_if_blank(in.notes)),
        display(domain::computed_display_name(in)),
        sort(domain::computed_sort_name(in)),
        custom(nlohmann::json::parse(in.custom_fields).dump()),
        restricted(in.restricted ? 1 : 0),
        no_email(in.do_not_email ? 1 : 0),
        no_mail(in.do_not_mail ? 1 : 0),
        no_call(in.do_not_call ? 1 : 0),
        no_solicit(in.do_not_solicit ? 1 : 0),
        anonymous(in.anonymous_giver ? 1 : 0) {}
};

}  // namespace

nlohmann::json to_json(const domain::Constituent& c) {
  nlohmann::json j = {{"id", c.id},
                      {"kind", c.kind},
                      {"display_name", c.display_name.value_or("")},
                      {"sort_name", c.sort_name},
                      {"restricted", c.restricted},
                      {"do_not_email", c.do_not_email},
                      {"do_not_mail", c.do_not_mail},
                      {"do_not_call", c.do_not_call},
                      {"do_not_solicit", c.do_not_solicit},
                      {"anonymous_giver", c.anonymous_giver},
                      {"version", c.version},
                      {"created_at", c.created_at},
                      {"updated_at", c.updated_at}};
  auto put = [&j](const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
  };
  put("first_name", c.first_name);
  put("middle_name", c.middle_name);
  put("last_name", c.last_name);
  put("preferred_name", c.preferred_name);
  put("organization_name", c.organization_name);
  put("salutation", c.salutation);
  put("addressee", c.addressee);
  put("organization_type", c.organization_type);
  put("source", c.source);
  put("notes", c.notes);
  put("deleted_at", c.deleted_at);
  j["custom_fields"] = nlohmann::json::parse(c.custom_fields, nullptr, false);
  if (c.merged_into_id) j["merged_into_id"] = *c.merged_into_id;
  return j;
}

Result<domain::Constituent> get(Unit& unit, long long id, bool include_deleted) {
  soci::row row;
  unit.sql() << "SELECT " + kConstituentColumns + " FROM constituents c WHERE c.id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("constituent " + std::to_string(id) + " does not exist");
  domain::Constituent c = constituent_from_row(row);
  if (c.deleted() && !include_deleted)
    return Status::not_found("constituent " + std::to_string(id) + " is deleted");
  return c;
}

Result<std::vector<domain::Constituent>> get_range(Unit& unit, long long first, long long last) {
  std::vector<domain::Constituent> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + kConstituentColumns +
                                 " FROM constituents c WHERE c.id BETWEEN :a AND :b ORDER BY c.id",
       soci::use(first), soci::use(last));
  for (const soci::row& row : rows) out.push_back(constituent_from_row(row));
  return out;
}

Result<domain::Constituent> create(Unit& unit, const domain::ConstituentInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  ConstituentBinds b(input);
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO constituents (kind, first_name, middle_name, last_name, "
                "preferred_name, organization_name, display_name, sort_name, salutation, "
                "addressee, organization_type, restricted, donor_source, do_not_email, "
                "do_not_mail, do_not_call, do_not_solicit, anonymous_giver, notes, custom_fields, "
                "created_at, updated_at) VALUES (:kind, :first, :middle, :last, :preferred, :org, "
                ":display, :sort, :salutation, :addressee, :org_type, :restricted, :source, "
                ":no_email, :no_mail, :no_call, :no_solicit, :anonymous, :notes, :custom, "
                ":created, :updated) RETURNING id",
      soci::use(input.kind), soci::use(b.first), soci::use(b.middle), soci::use(b.last),
      soci::use(b.preferred), soci::use(b.org), soci::use(b.display), soci::use(b.sort),
      soci::use(b.salutation), soci::use(b.addressee), soci::use(b.org_type),
      soci::use(b.restricted), soci::use(b.source), soci::use(b.no_email), soci::use(b.no_mail),
      soci::use(b.no_call), soci::use(b.no_solicit), soci::use(b.anonymous), soci::use(b.notes),
      soci::use(b.custom), soci::use(now), soci::use(now), soci::into(id);
  if (Status s = name_keys::refresh(unit, id); !s) return s;
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "constituent", id, nullptr, to_json(*created));
  return created;
}

Result<domain::Constituent> update(Unit& unit, long long id,
                                   const domain::ConstituentInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  auto before = get(unit, id);
  if (!before) return before.status();
  ConstituentBinds b(input);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE constituents SET kind = :kind, first_name = :first, middle_name = :middle, "
                "last_name = :last, preferred_name = :preferred, organization_name = :org, "
                "display_name = :display, sort_name = :sort, salutation = :salutation, "
                "addressee = :addressee, organization_type = :org_type, restricted = :restricted, "
                "donor_source = :source, do_not_email = :no_email, do_not_mail = :no_mail, "
                "do_not_call = :no_call, do_not_solicit = :no_solicit, "
                "anonymous_giver = :anonymous, notes = :notes, custom_fields = :custom, "
                "version = version + 1, updated_at = :updated WHERE id = :id",
      soci::use(input.kind), soci::use(b.first), soci::use(b.middle), soci::use(b.last),
      soci::use(b.preferred), soci::use(b.org), soci::use(b.display), soci::use(b.sort),
      soci::use(b.salutation), soci::use(b.addressee), soci::use(b.org_type),
      soci::use(b.restricted), soci::use(b.source), soci::use(b.no_email), soci::use(b.no_mail),
      soci::use(b.no_call), soci::use(b.no_solicit), soci::use(b.anonymous), soci::use(b.notes),
      soci::use(b.custom), soci::use(now), soci::use(id);
  if (Status s = name_keys::refresh(unit, id); !s) return s;
  auto after = get(unit, id);
  if (after) record_audit(unit, "update", "constituent", id, to_json(*before), to_json(*after));
  return after;
}

Status soft_delete(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE constituents SET deleted_at = :deleted, version = version + 1, "
                "updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  auto after = get(unit, id, true);
  record_audit(unit, "delete", "constituent", id, to_json(*before),
               after ? to_json(*after) : nlohmann::json());
  return Status::ok();
}

Result<domain::Constituent> restore(Unit& unit, long long id) {
  auto before = get(unit, id, true);
  if (!before) return before.status();
  if (!before->deleted())
    return Status::precondition_failed("constituent " + std::to_string(id) + " is not deleted");
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE constituents SET deleted_at = NULL, version = version + 1, "
                "updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "restore", "constituent", id, to_json(*before), to_json(*after));
  return after;
}

Result<Page<domain::Constituent>> list(Unit& unit, const ListFilter& filter) {
  if (filter.kind) {
    Status s = domain::require_one_of(
        "kind", *filter.kind, {domain::kIndividual, domain::kHousehold, domain::kOrganization});
    if (!s) return s;
  }
  int limit = clamp_limit(filter.page.limit);
  int fetch = limit + 1;
  std::string after_sort;
  long long after_id = filter.page.after_id;
  if (after_id > 0) {
    auto last = get(unit, after_id, true);
    if (!last)
      return Status::invalid_field("after", "the cursor no longer points at a constituent");
    after_sort = last->sort_name;
  }
  int has_cursor = after_id > 0 ? 1 : 0;
  int has_kind = filter.kind ? 1 : 0;
  std::string kind = filter.kind.value_or("");
  int has_tag = filter.tag_id ? 1 : 0;
  long long tag_id = filter.tag_id.value_or(0);
  int with_restricted = filter.include_restricted ? 1 : 0;
  int with_deleted = filter.include_deleted ? 1 : 0;
  SearchTerms terms = search_terms(unit, filter.search.value_or(""));
  int search_on = terms.active ? 1 : 0;
  const std::string sql =
      "SELECT " + kConstituentColumns +
      " FROM constituents c WHERE (:with_deleted = 1 OR c.deleted_at IS NULL) AND c.erased_at IS "
      "NULL "
      "AND (:with_restricted = 1 OR c.restricted = FALSE) "
      "AND (:has_kind = 0 OR c.kind = :kind) "
      "AND (:has_tag = 0 OR EXISTS (SELECT 1 FROM constituent_tags ct WHERE ct.constituent_id = "
      "c.id AND ct.tag_id = :tag_id))" +
      search_clause(unit, terms) +
      " AND (:has_cursor = 0 OR c.sort_name > :after_sort OR (c.sort_name = :after_sort2 AND "
      "c.id > :after_id)) ORDER BY c.sort_name, c.id LIMIT :fetch";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << sql, soci::use(with_deleted), soci::use(with_restricted),
       soci::use(has_kind), soci::use(kind), soci::use(has_tag), soci::use(tag_id),
       soci::use(search_on), soci::use(terms.text), soci::use(terms.digits), soci::use(has_cursor),
       soci::use(after_sort), soci::use(after_sort), soci::use(after_id), soci::use(fetch));
  Page<domain::Constituent> page;
  for (const soci::row& r : rows) page.items.push_back(constituent_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::constituents

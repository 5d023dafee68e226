// Postal addresses of a constituent (declared in contact_repository.hpp).
#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/contact_primary.hpp"
#include "store/contact_repository.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::contacts {
namespace {

const std::string kAddresses = "addresses";
const char* kAddressColumns =
    "id, constituent_id, kind, line1, line2, line3, city, region, postal_code, country, "
    "is_primary, undeliverable, created_at, updated_at";

domain::Address address_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Address a;
  a.id = r.integer();
  a.constituent_id = r.integer();
  a.kind = r.text();
  a.line1 = r.text();
  a.line2 = r.opt_text();
  a.line3 = r.opt_text();
  a.city = r.opt_text();
  a.region = r.opt_text();
  a.postal_code = r.opt_text();
  a.country = r.text();
  a.is_primary = r.flag();
  a.undeliverable = r.flag();
  a.created_at = r.timestamp();
  a.updated_at = r.timestamp();
  return a;
}

nlohmann::json address_to_json(const domain::Address& a) {
  nlohmann::json j = {{"id", a.id},
                      {"constituent_id", a.constituent_id},
                      {"kind", a.kind},
                      {"line1", a.line1},
                      {"country", a.country},
                      {"is_primary", a.is_primary},
                      {"undeliverable", a.undeliverable}};
  auto put = [&j](const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
  };
  put("line2", a.line2);
  put("line3", a.line3);
  put("city", a.city);
  put("region", a.region);
  put("postal_code", a.postal_code);
  return j;
}

Result<domain::Address> get_address(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << std::string("SELECT ") + kAddressColumns + " FROM addresses WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("address " + std::to_string(id) + " does not exist");
  return address_from_row(row);
}

domain::AddressInput normalized(const domain::AddressInput& input) {
  domain::AddressInput in = input;
  for (char& c : in.country) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return in;
}

}  // namespace

Result<domain::Address> add_address(Unit& unit, long long constituent_id,
                                    const domain::AddressInput& input) {
  domain::AddressInput in = normalized(input);
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = detail::require_constituent(unit, constituent_id); !s) return s;
  int primary = 1;
  if (detail::count_for(unit, kAddresses, constituent_id) > 0) {
    primary = in.is_primary ? 1 : 0;
    if (primary) detail::clear_primary(unit, kAddresses, constituent_id);
  }
  int undeliverable = in.undeliverable ? 1 : 0;
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO addresses (constituent_id, kind, line1, line2, line3, city, region, "
                "postal_code, country, is_primary, undeliverable, created_at, updated_at) VALUES "
                "(:c, :kind, :l1, :l2, :l3, :city, :region, :postal, :country, :primary, "
                ":undeliverable, :created, :updated) RETURNING id",
      soci::use(constituent_id), soci::use(in.kind), soci::use(in.line1), soci::use(in.line2),
      soci::use(in.line3), soci::use(in.city), soci::use(in.region), soci::use(in.postal_code),
      soci::use(in.country), soci::use(primary), soci::use(undeliverable), soci::use(now),
      soci::use(now), soci::into(id);
  auto made = get_address(unit, id);
  if (made) record_audit(unit, "create", "address", id, nullptr, address_to_json(*made));
  return made;
}

Result<domain::Address> update_address(Unit& unit, long long address_id,
                                       const domain::AddressInput& input) {
  domain::AddressInput in = normalized(input);
  if (Status s = domain::validate(in); !s) return s;
  auto before = get_address(unit, address_id);
  if (!before) return before.status();
  int primary = 1;
  if (!before->is_primary) {
    primary = in.is_primary ? 1 : 0;
    if (primary) detail::clear_primary(unit, kAddresses, before->constituent_id);
  }
  int undeliverable = in.undeliverable ? 1 : 0;
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE addresses SET kind = :kind, line1 = :l1, line2 = :l2, line3 = :l3, "
                "city = :city, region = :region, postal_code = :postal, country = :country, "
                "is_primary = :primary, undeliverable = :undeliverable, updated_at = :updated "
                "WHERE id = :id",
      soci::use(in.kind), soci::use(in.line1), soci::use(in.line2), soci::use(in.line3),
      soci::use(in.city), soci::use(in.region), soci::use(in.postal_code), soci::use(in.country),
      soci::use(primary), soci::use(undeliverable), soci::use(now), soci::use(address_id);
  auto after = get_address(unit, address_id);
  if (after)
    record_audit(unit, "update", "address", address_id, address_to_json(*before),
                 address_to_json(*after));
  return after;
}

Status remove_address(Unit& unit, long long address_id) {
  auto before = get_address(unit, address_id);
  if (!before) return before.status();
  unit.sql() << "DELETE FROM addresses WHERE id = :id", soci::use(address_id);
  detail::promote_oldest(unit, kAddresses, before->constituent_id);
  record_audit(unit, "delete", "address", address_id, address_to_json(*before), nullptr);
  return Status::ok();
}

Result<std::vector<domain::Address>> addresses(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string("SELECT ") + kAddressColumns +
                                 " FROM addresses WHERE constituent_id = :c "
                                 "ORDER BY is_primary DESC, id",
       soci::use(constituent_id));
  std::vector<domain::Address> out;
  for (const soci::row& r : rows) out.push_back(address_from_row(r));
  return out;
}

}  // namespace steward::store::contacts

// Emails and phones (addresses are in contact_addresses.cpp).
#include "store/contact_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/text.hpp"
#include "store/audit.hpp"
#include "store/bulk_images.hpp"
#include "store/contact_primary.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::contacts {
namespace {

const std::string kEmails = "emails";
const std::string kPhones = "phones";

domain::Email email_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Email e;
  e.id = r.integer();
  e.constituent_id = r.integer();
  e.email = r.text();
  e.kind = r.text();
  e.is_primary = r.flag();
  e.unsubscribed_at = r.opt_timestamp();
  e.created_at = r.timestamp();
  e.updated_at = r.timestamp();
  return e;
}

domain::Phone phone_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Phone p;
  p.id = r.integer();
  p.constituent_id = r.integer();
  p.phone = r.text();
  p.phone_normalized = r.text();
  p.kind = r.text();
  p.is_primary = r.flag();
  p.created_at = r.timestamp();
  p.updated_at = r.timestamp();
  return p;
}

nlohmann::json phone_json(const domain::Phone& p) {
  return {{"id", p.id},       {"constituent_id", p.constituent_id},
          {"phone", p.phone}, {"phone_normalized", p.phone_normalized},
          {"kind", p.kind},   {"is_primary", p.is_primary}};
}

const char* kEmailColumns =
    "id, constituent_id, email, kind, is_primary, unsubscribed_at, created_at, updated_at";
const char* kPhoneColumns =
    "id, constituent_id, phone, phone_normalized, kind, is_primary, created_at, updated_at";

Result<domain::Email> get_email(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << std::string("SELECT ") + kEmailColumns + " FROM emails WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("email " + std::to_string(id) + " does not exist");
  return email_from_row(row);
}

Result<domain::Phone> get_phone(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << std::string("SELECT ") + kPhoneColumns + " FROM phones WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("phone " + std::to_string(id) + " does not exist");
  return phone_from_row(row);
}

// Decides the stored primary flag for a new row and clears the old primary when needed.
int primary_for_new(Unit& unit, const std::string& table, long long constituent_id, bool wanted) {
  if (detail::count_for(unit, table, constituent_id) == 0) return 1;
  if (!wanted) return 0;
  detail::clear_primary(unit, table, constituent_id);
  return 1;
}

// Decides the stored primary flag for an updated row.
int primary_for_update(Unit& unit, const std::string& table, const detail::Owner& owner,
                       bool wanted) {
  if (owner.is_primary) return 1;  // stays primary until another one takes the flag
  if (!wanted) return 0;
  detail::clear_primary(unit, table, owner.constituent_id);
  return 1;
}

}  // namespace

nlohmann::json email_json(const domain::Email& e) {
  return {{"id", e.id},
          {"constituent_id", e.constituent_id},
          {"email", e.email},
          {"kind", e.kind},
          {"is_primary", e.is_primary}};
}

Result<domain::Email> add_email(Unit& unit, long long constituent_id,
                                const domain::EmailInput& input) {
  domain::EmailInput in = input;
  in.email = domain::trim(in.email);
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = detail::require_constituent(unit, constituent_id); !s) return s;
  int primary = primary_for_new(unit, kEmails, constituent_id, in.is_primary);
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, "
                "updated_at) VALUES (:c, :email, :kind, :primary, :created, :updated) RETURNING id",
      soci::use(constituent_id), soci::use(in.email), soci::use(in.kind), soci::use(primary),
      soci::use(now), soci::use(now), soci::into(id);
  auto made = get_email(unit, id);
  if (made) record_audit(unit, "create", "email", id, nullptr, email_json(*made));
  return made;
}

Result<domain::Email> update_email(Unit& unit, long long email_id,
                                   const domain::EmailInput& input) {
  domain::EmailInput in = input;
  in.email = domain::trim(in.email);
  if (Status s = domain::validate(in); !s) return s;
  auto before = get_email(unit, email_id);
  if (!before) return before.status();
  auto owner = detail::owner_of(unit, kEmails, email_id);
  int primary = primary_for_update(unit, kEmails, *owner, in.is_primary);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE emails SET email = :email, kind = :kind, is_primary = :primary, "
                "updated_at = :updated WHERE id = :id",
      soci::use(in.email), soci::use(in.kind), soci::use(primary), soci::use(now),
      soci::use(email_id);
  auto after = get_email(unit, email_id);
  if (after)
    record_audit(unit, "update", "email", email_id, email_json(*before), email_json(*after));
  return after;
}

Status remove_email(Unit& unit, long long email_id) {
  auto before = get_email(unit, email_id);
  if (!before) return before.status();
  unit.sql() << "DELETE FROM emails WHERE id = :id", soci::use(email_id);
  detail::promote_oldest(unit, kEmails, before->constituent_id);
  record_audit(unit, "delete", "email", email_id, email_json(*before), nullptr);
  return Status::ok();
}

Result<std::vector<domain::Email>> emails(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string("SELECT ") + kEmailColumns +
                                 " FROM emails WHERE constituent_id = :c "
                                 "ORDER BY is_primary DESC, id",
       soci::use(constituent_id));
  std::vector<domain::Email> out;
  for (const soci::row& r : rows) out.push_back(email_from_row(r));
  return out;
}

Result<domain::Phone> add_phone(Unit& unit, long long constituent_id,
                                const domain::PhoneInput& input) {
  domain::PhoneInput in = input;
  in.phone = domain::trim(in.phone);
  if (Status s = domain::validate(in); !s) return s;
  if (Status s = detail::require_constituent(unit, constituent_id); !s) return s;
  int primary = primary_for_new(unit, kPhones, constituent_id, in.is_primary);
  std::string digits = domain::phone_digits(in.phone);
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO phones (constituent_id, phone, phone_normalized, kind, is_primary, "
                "created_at, updated_at) VALUES (:c, :phone, :digits, :kind, :primary, :created, "
                ":updated) RETURNING id",
      soci::use(constituent_id), soci::use(in.phone), soci::use(digits), soci::use(in.kind),
      soci::use(primary), soci::use(now), soci::use(now), soci::into(id);
  auto made = get_phone(unit, id);
  if (made) record_audit(unit, "create", "phone", id, nullptr, phone_json(*made));
  return made;
}

Result<domain::Phone> update_phone(Unit& unit, long long phone_id,
                                   const domain::PhoneInput& input) {
  domain::PhoneInput in = input;
  in.phone = domain::trim(in.phone);
  if (Status s = domain::validate(in); !s) return s;
  auto before = get_phone(unit, phone_id);
  if (!before) return before.status();
  auto owner = detail::owner_of(unit, kPhones, phone_id);
  int primary = primary_for_update(unit, kPhones, *owner, in.is_primary);
  std::string digits = domain::phone_digits(in.phone);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE phones SET phone = :phone, phone_normalized = :digits, kind = :kind, "
                "is_primary = :primary, updated_at = :updated WHERE id = :id",
      soci::use(in.phone), soci::use(digits), soci::use(in.kind), soci::use(primary),
      soci::use(now), soci::use(phone_id);
  auto after = get_phone(unit, phone_id);
  if (after)
    record_audit(unit, "update", "phone", phone_id, phone_json(*before), phone_json(*after));
  return after;
}

Status remove_phone(Unit& unit, long long phone_id) {
  auto before = get_phone(unit, phone_id);
  if (!before) return before.status();
  unit.sql() << "DELETE FROM phones WHERE id = :id", soci::use(phone_id);
  detail::promote_oldest(unit, kPhones, before->constituent_id);
  record_audit(unit, "delete", "phone", phone_id, phone_json(*before), nullptr);
  return Status::ok();
}

Result<std::vector<domain::Phone>> phones(Unit& unit, long long constituent_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string("SELECT ") + kPhoneColumns +
                                 " FROM phones WHERE constituent_id = :c "
                                 "ORDER BY is_primary DESC, id",
       soci::use(constituent_id));
  std::vector<domain::Phone> out;
  for (const soci::row& r : rows) out.push_back(phone_from_row(r));
  return out;
}

}  // namespace steward::store::contacts

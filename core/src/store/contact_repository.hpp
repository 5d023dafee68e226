// Emails, phones and postal addresses of a constituent. Every function runs inside the caller's
// unit of work; writes validate first, write nothing on error, and are audited.
//
// Primary rule, for each kind separately: when a constituent has any, exactly one is primary.
// The first one added becomes primary; adding or updating one with is_primary = true moves the
// flag to it; removing the primary promotes the oldest remaining one. Clearing is_primary on
// the primary itself is ignored (make another one primary instead).
#pragma once

#include <vector>

#include "domain/contact.hpp"
#include "store/database.hpp"

namespace steward::store::contacts {

// Errors: kInvalid (names the field), kNotFound (constituent missing or deleted).
Result<domain::Email> add_email(Unit& unit, long long constituent_id, const domain::EmailInput& in);
Result<domain::Email> update_email(Unit& unit, long long email_id, const domain::EmailInput& in);
Status remove_email(Unit& unit, long long email_id);
// Primary first, then oldest first.
Result<std::vector<domain::Email>> emails(Unit& unit, long long constituent_id);

Result<domain::Phone> add_phone(Unit& unit, long long constituent_id, const domain::PhoneInput& in);
Result<domain::Phone> update_phone(Unit& unit, long long phone_id, const domain::PhoneInput& in);
Status remove_phone(Unit& unit, long long phone_id);
Result<std::vector<domain::Phone>> phones(Unit& unit, long long constituent_id);

Result<domain::Address> add_address(Unit& unit, long long constituent_id,
                                    const domain::AddressInput& in);
Result<domain::Address> update_address(Unit& unit, long long address_id,
                                       const domain::AddressInput& in);
Status remove_address(Unit& unit, long long address_id);
Result<std::vector<domain::Address>> addresses(Unit& unit, long long constituent_id);

}  // namespace steward::store::contacts

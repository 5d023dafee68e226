// One donor's personal data on request (GDPR-style): export everything held about them, or
// erase their identity while keeping every financial total exact. docs/privacy.md describes what
// each keeps and removes; decision 0190 says why.
//
// Both run in the caller's unit of work (export writes its "export" audit event, so it needs a
// write unit too). "The person" is the constituent and every record merged into it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::engine::privacy {

struct ExportOptions {
  // Without the restricted grant, restricted interactions are left out and counted in
  // "restricted_items_hidden" (the caller must check visibility of the constituent itself).
  bool include_restricted = true;
};

// The whole document ("format": "steward-personal-data/1"). Errors: kNotFound for a missing
// constituent. Appends an "export" audit event naming the sections and their counts.
Result<nlohmann::json> export_personal_data(store::Unit& unit, long long constituent_id,
                                            const ExportOptions& options = {});

// The phrase an erase request must carry, typed by the operator: "ERASE <id>".
std::string confirmation_phrase(long long constituent_id);

struct EraseOutcome {
  long long constituent_id = 0;
  std::string display_name;  // "Erased donor #<id>"
  std::string erased_at;     // UTC instant
  std::vector<long long> redacted_audit_ids;
  nlohmann::json removed;  // counts per table
};

// Erases the person's identity in the unit (see docs/privacy.md). Errors: kNotFound; kInvalid
// naming "confirm" when `confirmation` is not confirmation_phrase(id);
// kPreconditionFailed when already erased or merged into another record (erase that one).
Result<EraseOutcome> erase_personal_data(store::Unit& unit, long long constituent_id,
                                         const std::string& confirmation);

namespace detail {
// The constituent and the records merged into it. kNotFound when it does not exist.
Result<std::vector<long long>> person_ids(store::Unit& unit, long long constituent_id);
// Every audit row about the person, oldest first.
std::set<long long> audit_ids_about(store::Unit& unit, const std::vector<long long>& person);
// The person's values replaced by "[erased]" in one audit image; structural values (ids,
// amounts, dates, statuses, kinds) kept.
nlohmann::json redact_image(const nlohmann::json& image);
// A row as a JSON object, column name -> value, the same on both backends.
nlohmann::json row_json(const soci::row& row);
// Rows of `sql` (one bound id) as JSON objects.
nlohmann::json rows_json(store::Unit& unit, const std::string& sql, long long id);
// The person's names, email addresses and phone numbers (at least 3 bytes each), read before
// they are erased, to find copies of them elsewhere (privacy_scrub.cpp).
std::vector<std::string> personal_strings(store::Unit& unit, const std::vector<long long>& person);
// Import rows of the person staged but not committed keep only what records the gift (identity,
// amount, date, fund, campaign, method) and are decided for the erased record, so committing
// the import later records the money without bringing the name or email back. Returns the count.
Result<long long> redact_pending_import_rows(store::Unit& unit,
                                             const std::vector<long long>& person,
                                             long long erased_id);
// Stored Idempotency-Key answers that name the person (their id, name, email or phone) replay a
// short "erased" answer instead. Returns the count.
long long scrub_idempotency_replies(store::Unit& unit, const std::vector<long long>& person,
                                    const std::vector<std::string>& needles);
// Mail run items (thank-you emails, letters, tribute notices, statements) about the person's
// gifts, naming them as the person told, or their statements keep only what an audit needs
// (ids, state, channel, language, receipt number, figures) and lose names, addresses, subjects,
// the mail server's reply and file paths; the person's own statement PDFs
// (statement-<number>.pdf) are deleted. Returns the count of items changed.
long long redact_mail_run_items(store::Unit& unit, const std::vector<long long>& person);
}  // namespace detail

}  // namespace steward::engine::privacy

// erase_personal_data(): removes one person's identity, keeps their gifts and every total.
// What is kept and why: docs/privacy.md and docs/decisions/0190-personal-data-export-and-erase.md.
#include "domain/date.hpp"
#include "engine/privacy.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::privacy {
namespace {

// Statements run for each of the person's ids (bound as :p, and :q where a table has two
// columns naming a constituent). Table and column names are constants.
struct Step {
  const char* name;  // the key in EraseOutcome::removed
  const char* sql;
};

const Step kSteps[] = {
    {"emails", "DELETE FROM emails WHERE constituent_id = :p"},
    {"phones", "DELETE FROM phones WHERE constituent_id = :p"},
    {"addresses", "DELETE FROM addresses WHERE constituent_id = :p"},
    {"relationships", "DELETE FROM relationships WHERE constituent_id = :p OR related_id = :q"},
    {"tags", "DELETE FROM constituent_tags WHERE constituent_id = :p"},
    {"external_ids", "DELETE FROM constituent_external_ids WHERE constituent_id = :p"},
    {"interactions",
     "UPDATE interactions SET summary = '[erased]', details = NULL WHERE constituent_id = :p"},
    {"tasks", "UPDATE tasks SET title = '[erased]', details = NULL WHERE constituent_id = :p"},
    {"stage_history", "UPDATE stage_history SET note = NULL WHERE constituent_id = :p"},
    {"gifts",
     "UPDATE gifts SET notes = NULL, "
     "tribute_name = CASE WHEN tribute_name IS NULL THEN NULL ELSE '[erased]' END, "
     "tribute_notify_name = CASE WHEN tribute_notify_name IS NULL THEN NULL ELSE '[erased]' END "
     "WHERE constituent_id = :p"},
    {"pledges",
     "UPDATE pledges SET notes = NULL, "
     "write_off_reason = CASE WHEN write_off_reason IS NULL THEN NULL ELSE '[erased]' END "
     "WHERE constituent_id = :p"},
    {"recurring_plans",
     "UPDATE recurring_plans SET notes = NULL, processor_reference = NULL "
     "WHERE constituent_id = :p"},
    {"mail_messages",
     "UPDATE mail_messages SET address = '', subject = '[erased]', reply = NULL "
     "WHERE constituent_id = :p"},
    // A tribute notice about the person's gift went to someone else; its subject may name them.
    {"mail_messages_about_gifts",
     "UPDATE mail_messages SET subject = '[erased]' WHERE subject <> '[erased]' AND gift_id IN "
     "(SELECT id FROM gifts WHERE constituent_id = :p)"},
    {"tribute_notifications",
     "UPDATE tribute_notifications SET note = NULL WHERE gift_id IN (SELECT id FROM gifts WHERE "
     ":p IN (constituent_id, tribute_notify_id))"},
    {"import_rows",
     "UPDATE import_rows SET record = NULL, identity = NULL, message = NULL "
     "WHERE committed = 1 AND (constituent_id = :p OR gift_id IN "
     "(SELECT id FROM gifts WHERE constituent_id = :q))"},
};

long long run_step(store::Unit& unit, const Step& step, long long p) {
  std::string sql = step.sql;
  soci::statement st = sql.find(":q") == std::string::npos
                           ? (unit.sql().prepare << sql, soci::use(p))
                           : (unit.sql().prepare << sql, soci::use(p), soci::use(p));
  st.execute(true);
  return st.get_affected_rows();
}

void blank_constituent(store::Unit& unit, long long p, const std::string& name,
                       const std::string& now) {
  unit.sql() << "UPDATE constituents SET first_name = NULL, middle_name = NULL, "
                "last_name = NULL, preferred_name = NULL, organization_name = NULL, "
                "display_name = :n, sort_name = :s, salutation = NULL, addressee = NULL, "
                "notes = NULL, custom_fields = '{}', do_not_email = TRUE, do_not_mail = TRUE, "
                "do_not_call = TRUE, do_not_solicit = TRUE, name_key = NULL, "
                "display_name_key = NULL, name_keys_ready = 1, erased_at = :e, updated_at = :u, "
                "version = version + 1 WHERE id = :id",
      soci::use(name), soci::use(name), soci::use(now), soci::use(now), soci::use(p);
}

// Rewrites the images of the audit rows about the person; returns the ids actually changed.
std::vector<long long> redact_audit(store::Unit& unit, const std::set<long long>& ids,
                                    const std::string& now) {
  std::vector<long long> changed;
  for (long long id : ids) {
    std::optional<std::string> before, after;
    soci::indicator bi = soci::i_ok, ai = soci::i_ok;
    std::string b, a;
    unit.sql() << "SELECT before_json, after_json FROM audit_events WHERE id = :id",
        soci::into(b, bi), soci::into(a, ai), soci::use(id);
    if (bi == soci::i_ok) before = b;
    if (ai == soci::i_ok) after = a;
    auto redact = [](const std::optional<std::string>& text) -> std::optional<std::string> {
      if (!text) return std::nullopt;
      auto image = nlohmann::json::parse(*text, nullptr, false);
      if (image.is_discarded()) return std::string("\"[erased]\"");
      return detail::redact_image(image).dump();
    };
    auto new_before = redact(before);
    auto new_after = redact(after);
    if (new_before == before && new_after == after) continue;
    soci::indicator nbi = new_before ? soci::i_ok : soci::i_null;
    soci::indicator nai = new_after ? soci::i_ok : soci::i_null;
    std::string nb = new_before.value_or(""), na = new_after.value_or("");
    unit.sql() << "UPDATE audit_events SET before_json = :b, after_json = :a, redacted_at = :r "
                  "WHERE id = :id",
        soci::use(nb, nbi), soci::use(na, nai), soci::use(now), soci::use(id);
    changed.push_back(id);
  }
  return changed;
}

}  // namespace

std::string confirmation_phrase(long long constituent_id) {
  return "ERASE " + std::to_string(constituent_id);
}

Result<EraseOutcome> erase_personal_data(store::Unit& unit, long long constituent_id,
                                         const std::string& confirmation) {
  if (confirmation != confirmation_phrase(constituent_id)) {
    return Status::invalid_field("confirm", "type '" + confirmation_phrase(constituent_id) +
                                                "' to confirm: erasing cannot be undone");
  }
  std::optional<long long> merged_into;
  std::optional<std::string> erased_at;
  {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT merged_into_id, erased_at FROM constituents WHERE id = :id",
         soci::use(constituent_id));
    bool found = false;
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      found = true;
      merged_into = r.opt_integer(0);
      erased_at = r.opt_timestamp(1);
    }
    if (!found) {
      return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
    }
  }
  if (merged_into) {
    return Status::precondition_failed("constituent " + std::to_string(constituent_id) +
                                       " was merged into " + std::to_string(*merged_into) +
                                       ": erase that record");
  }
  if (erased_at) {
    return Status::precondition_failed("constituent " + std::to_string(constituent_id) +
                                       " was already erased at " + *erased_at);
  }
  auto person = detail::person_ids(unit, constituent_id);
  if (!person) return person.status();
  // Found before anything is deleted: the rows of deleted emails are found through their ids.
  std::set<long long> audit_ids = detail::audit_ids_about(unit, *person);
  const std::vector<std::string> needles = detail::personal_strings(unit, *person);

  EraseOutcome out;
  out.constituent_id = constituent_id;
  out.display_name = "Erased donor #" + std::to_string(constituent_id);
  out.erased_at = domain::utc_now_iso();
  out.removed = nlohmann::json::object();
  for (const Step& step : kSteps) {
    long long n = 0;
    for (long long p : *person) n += run_step(unit, step, p);
    out.removed[step.name] = n;
  }
  auto pending = detail::redact_pending_import_rows(unit, *person, constituent_id);
  if (!pending) return pending.status();
  out.removed["pending_import_rows"] = *pending;
  out.removed["idempotency_replies"] = detail::scrub_idempotency_replies(unit, *person, needles);
  out.removed["mail_run_items"] = detail::redact_mail_run_items(unit, *person);
  for (long long p : *person) {
    std::string name = "Erased donor #" + std::to_string(p);
    blank_constituent(unit, p, name, out.erased_at);
  }
  out.redacted_audit_ids = redact_audit(unit, audit_ids, out.erased_at);
  // Who and when (the unit's actor and the row's time), which rows: never the values.
  store::record_audit(unit, "erase", "constituent", constituent_id, nullptr,
                      {{"erased_at", out.erased_at},
                       {"records", *person},
                       {"removed", out.removed},
                       {"redacted_audit_ids", out.redacted_audit_ids}});
  return out;
}

}  // namespace steward::engine::privacy

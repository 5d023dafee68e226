// What an erase must also reach besides the person's own rows (docs/privacy.md, decision 0190):
// import rows staged but not yet committed, whose payment record would otherwise bring the
// name and email back when the import is committed, and the stored answers the API replays for
// an Idempotency-Key, which can hold the person's record for 24 hours.
#include <algorithm>

#include "engine/import_record.hpp"
#include "engine/privacy.hpp"
#include "store/import_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::privacy::detail {
namespace {

constexpr const char* kPendingMessage =
    "the donor's personal data was erased before this row was committed; the gift will be "
    "recorded to the erased record without the name, email or address";

// The answer an Idempotency-Key replays once its original held erased personal data.
constexpr const char* kErasedReply =
    R"({"erased":true,"detail":"this stored answer held personal data that has since been erased"})";

// `"key":id` in compact JSON, not followed by another digit.
bool mentions_id(const std::string& body, const std::string& key, long long id) {
  const std::string needle = "\"" + key + "\":" + std::to_string(id);
  for (auto at = body.find(needle); at != std::string::npos; at = body.find(needle, at + 1)) {
    const auto end = at + needle.size();
    if (end >= body.size() || body[end] < '0' || body[end] > '9') return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> personal_strings(store::Unit& unit, const std::vector<long long>& person) {
  std::vector<std::string> out;
  auto keep = [&](const std::optional<std::string>& s) {
    // Very short strings (an initial) would match unrelated answers; over-matching only blanks
    // a replay, so three bytes (one Hangul syllable) is the floor.
    if (s && s->size() >= 3 && std::find(out.begin(), out.end(), *s) == out.end())
      out.push_back(*s);
  };
  for (long long p : person) {
    soci::rowset<soci::row> names =
        (unit.sql().prepare << "SELECT display_name, sort_name, first_name, last_name, "
                               "preferred_name, organization_name FROM constituents WHERE id = :p",
         soci::use(p));
    for (const soci::row& row : names) {
      store::RowReader r(row);
      for (std::size_t i = 0; i < 6; ++i) keep(r.opt_text(i));
    }
    soci::rowset<soci::row> emails =
        (unit.sql().prepare << "SELECT email FROM emails WHERE constituent_id = :p", soci::use(p));
    for (const soci::row& row : emails) keep(store::RowReader(row).opt_text(0));
    soci::rowset<soci::row> phones =
        (unit.sql().prepare << "SELECT phone FROM phones WHERE constituent_id = :p", soci::use(p));
    for (const soci::row& row : phones) keep(store::RowReader(row).opt_text(0));
  }
  return out;
}

Result<long long> redact_pending_import_rows(store::Unit& unit,
                                             const std::vector<long long>& person,
                                             long long erased_id) {
  long long changed = 0;
  for (long long p : person) {
    std::vector<long long> ids;
    std::vector<std::string> records;
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT id, record FROM import_rows WHERE committed = 0 AND "
                               "constituent_id = :p ORDER BY id",
         soci::use(p));
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      ids.push_back(r.integer(0));
      records.push_back(r.opt_text(1).value_or(""));
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      // Keep what records the gift exactly once (identity, amount, date, fund, campaign,
      // method, what a refund undoes); drop who paid and what they wrote.
      std::optional<std::string> kept;
      auto record = imports::from_json(nlohmann::json::parse(records[i], nullptr, false));
      if (record) {
        record->donor_name.clear();
        record->donor_email.clear();
        record->donor_address.reset();
        record->description.clear();
        record->donor_external_id.clear();
        record->raw.clear();
        kept = imports::to_json(*record).dump();
      }
      soci::indicator ki = kept ? soci::i_ok : soci::i_null;
      std::string text = kept.value_or("");
      const std::string decided = "privacy erase";
      const std::string message = kPendingMessage;
      unit.sql() << "UPDATE import_rows SET record = :r, constituent_id = :c, create_donor = 0, "
                    "decided_by = :d, message = :m WHERE id = :id",
          soci::use(text, ki), soci::use(erased_id), soci::use(decided), soci::use(message),
          soci::use(ids[i]);
      ++changed;
    }
  }
  return changed;
}

long long scrub_idempotency_replies(store::Unit& unit, const std::vector<long long>& person,
                                    const std::vector<std::string>& needles) {
  std::vector<long long> hit;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, target, response_body FROM idempotency_keys "
                             "WHERE response_body IS NOT NULL ORDER BY id");
  for (const soci::row& row : rows) {
    store::RowReader r(row);
    const std::string target = r.opt_text(1).value_or("");
    const std::string body = r.opt_text(2).value_or("");
    bool personal = std::any_of(needles.begin(), needles.end(), [&](const std::string& n) {
      return body.find(n) != std::string::npos;
    });
    for (long long p : person) {
      if (personal) break;
      const bool about_constituents = target.rfind("/api/v1/constituents", 0) == 0;
      personal = mentions_id(body, "constituent_id", p) ||
                 (about_constituents && mentions_id(body, "id", p)) ||
                 target.find("/constituents/" + std::to_string(p)) != std::string::npos;
    }
    if (personal) hit.push_back(r.integer(0));
  }
  const std::string reply = kErasedReply;
  const std::string type = "application/json";
  for (long long id : hit) {
    unit.sql() << "UPDATE idempotency_keys SET response_body = :b, content_type = :t "
                  "WHERE id = :id",
        soci::use(reply), soci::use(type), soci::use(id);
  }
  return static_cast<long long>(hit.size());
}

}  // namespace steward::engine::privacy::detail

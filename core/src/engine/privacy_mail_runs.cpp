// What an erase does to mail runs' items (privacy.hpp, detail::redact_mail_run_items; decision
// 0216): a run item keeps what an audit needs to say "this gift was thanked by email on this
// run" and loses everything that names or reaches the person.
#include <filesystem>
#include <set>

#include "engine/privacy.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::privacy::detail {
namespace {

// Keys of an item body that identify no one: ids, outcome, how, language, numbers and figures.
const std::set<std::string>& kept_keys() {
  static const std::set<std::string> keys = {
      "gift_id",  "constituent_id", "notify_constituent_id", "state",       "channel",
      "language", "personal_call",  "receipt_number",        "replacement", "gift_count",
      "totals",   "reason"};
  return keys;
}

}  // namespace

long long redact_mail_run_items(store::Unit& unit, const std::vector<long long>& person) {
  std::vector<long long> ids;
  std::vector<std::string> bodies;
  for (long long p : person) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT id, body FROM mail_run_items WHERE (section = "
                               "'statement' AND item_key = :p) OR (section <> 'statement' AND "
                               "item_key IN (SELECT id FROM gifts WHERE constituent_id = :q OR "
                               "tribute_notify_id = :r)) ORDER BY id",
         soci::use(p), soci::use(p), soci::use(p));
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      ids.push_back(r.integer(0));
      bodies.push_back(r.opt_text(1).value_or("{}"));
    }
  }
  long long changed = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    nlohmann::json body = nlohmann::json::parse(bodies[i], nullptr, false);
    if (!body.is_object()) body = nlohmann::json::object();
    if (body.value("erased", false)) continue;  // a record merged into another, erased before
    // The donor's own statement PDF holds their name and address; the receipt (number,
    // totals) stays, and the statement can be produced again from it for the erased record.
    if (body.contains("pdf") && body["pdf"].is_string()) {
      const std::filesystem::path pdf = body["pdf"].get<std::string>();
      if (pdf.filename().string().rfind("statement-", 0) == 0) {
        std::error_code ec;
        std::filesystem::remove(pdf, ec);
      }
    }
    nlohmann::json kept = {{"erased", true}};
    for (const auto& [key, value] : body.items()) {
      if (kept_keys().count(key) > 0) kept[key] = value;
    }
    const std::string text = kept.dump();
    unit.sql() << "UPDATE mail_run_items SET body = :b WHERE id = :id", soci::use(text),
        soci::use(ids[i]);
    ++changed;
  }
  return changed;
}

}  // namespace steward::engine::privacy::detail

#include "store/mail_log.hpp"

#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::mail_log {
namespace {

Delivery mail_log_from_row(const soci::row& row) {
  RowReader r(row);
  Delivery d;
  d.id = r.integer();
  d.purpose = r.text();
  d.constituent_id = r.integer();
  d.donor = r.text();
  d.gift_id = r.opt_integer();
  d.address = r.text();
  d.subject = r.text();
  d.mailer = r.text();
  d.state = r.text();
  d.reply = r.opt_text();
  d.sent_at = r.opt_timestamp();
  d.created_at = r.timestamp();
  return d;
}

}  // namespace

Result<std::vector<Delivery>> recent(Unit& unit, int limit, const std::optional<std::string>& state,
                                     bool include_restricted) {
  if (limit < 1 || limit > 500) return Status::invalid_field("limit", "must be 1..500");
  if (state && *state != "sending" && *state != "accepted" && *state != "rejected" &&
      *state != "deferred")
    return Status::invalid_field("state", "must be sending, accepted, rejected or deferred");
  // Only fixed text is joined into the SQL; the state is bound, the limit a checked integer.
  std::string sql =
      "SELECT m.id, m.purpose, m.constituent_id, c.display_name, m.gift_id, m.address, "
      "m.subject, m.mailer, m.state, m.reply, m.sent_at, m.created_at "
      "FROM mail_messages m JOIN constituents c ON c.id = m.constituent_id WHERE 1 = 1";
  if (!include_restricted) sql += " AND c.restricted = FALSE";
  if (state) sql += " AND m.state = :state";
  sql += " ORDER BY m.id DESC LIMIT " + std::to_string(limit);
  std::vector<Delivery> out;
  if (state) {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(*state));
    for (const auto& row : rows) out.push_back(mail_log_from_row(row));
  } else {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql);
    for (const auto& row : rows) out.push_back(mail_log_from_row(row));
  }
  return out;
}

}  // namespace steward::store::mail_log

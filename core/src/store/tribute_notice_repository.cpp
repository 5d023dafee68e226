#include "store/tribute_notice_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::tribute_notices {

Result<std::vector<DueNotice>> due(Unit& unit, const DueFilter& filter) {
  std::string sql =
      "SELECT g.id, g.constituent_id, c.display_name, c.restricted, g.received_on, n.id, "
      "n.display_name, "
      "e.email, n.do_not_email, (SELECT COUNT(*) FROM mail_messages m WHERE m.gift_id = g.id AND "
      "m.purpose = 'tribute' AND m.state = 'sending') "
      "FROM gifts g JOIN constituents c ON c.id = g.constituent_id "
      "JOIN constituents n ON n.id = g.tribute_notify_id "
      "LEFT JOIN emails e ON e.constituent_id = n.id AND e.is_primary = TRUE "
      "WHERE g.tribute_type IS NOT NULL AND g.deleted_at IS NULL AND g.status IN ('completed', "
      "'partially_refunded') AND c.deleted_at IS NULL AND n.deleted_at IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM tribute_notifications t WHERE t.gift_id = g.id) "
      "AND (g.acknowledged_at IS NULL OR EXISTS (SELECT 1 FROM mail_messages m2 WHERE "
      "m2.gift_id = g.id AND m2.purpose = 'tribute')) "
      "AND g.received_on >= :since AND (:gift = 0 OR g.id = :gift2) AND " +
      std::string(kAfterCursor) + " ORDER BY g.received_on, g.id LIMIT " +
      std::to_string(filter.limit < 1 ? 1 : filter.limit);
  std::string since = filter.since.value_or("1900-01-01");
  long long gift = filter.gift_id.value_or(0);
  const QueueCursor& after = filter.after;
  std::vector<DueNotice> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << sql, soci::use(since), soci::use(gift), soci::use(gift),
       soci::use(after.day), soci::use(after.day), soci::use(after.id));
  for (const auto& row : rows) {
    RowReader r(row);
    DueNotice d;
    d.gift_id = r.integer();
    d.donor_id = r.integer();
    d.donor_name = r.text();
    d.donor_restricted = r.flag();
    d.received_on = r.date();
    d.notify_id = r.integer();
    d.notify_name = r.text();
    d.notify_email = r.opt_text();
    d.notify_do_not_email = r.flag();
    d.in_flight = r.integer() > 0;
    out.push_back(d);
  }
  return out;
}

Status record(Unit& unit, long long gift_id, long long notify_id, const std::string& method,
              std::optional<long long> mail_message_id, const std::string& document) {
  if (method != "email" && method != "letter") {
    return Status::invalid_field("method", "must be email or letter");
  }
  auto existing = for_gift(unit, gift_id);
  if (!existing) return existing.status();
  if (*existing) {
    return Status::conflict("gift " + std::to_string(gift_id) +
                            " already has its tribute notification");
  }
  const std::string now = domain::utc_now_iso();
  std::optional<std::string> doc;
  if (!document.empty()) doc = document;
  long long id = 0;
  unit.sql() << "INSERT INTO tribute_notifications (gift_id, constituent_id, method, "
                "mail_message_id, document, created_by, created_at, updated_at) VALUES (:g, :c, "
                ":m, :mm, :d, :by, :ca, :ua) RETURNING id",
      soci::use(gift_id), soci::use(notify_id), soci::use(method), soci::use(mail_message_id),
      soci::use(doc), soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  nlohmann::json after = {{"gift_id", gift_id}, {"constituent_id", notify_id}, {"method", method}};
  after["mail_message_id"] = mail_message_id ? nlohmann::json(*mail_message_id) : nullptr;
  after["document"] = doc ? nlohmann::json(*doc) : nullptr;
  record_audit(unit, "create", "tribute_notification", id, nullptr, after);
  return Status::ok();
}

Status record_by_hand(Unit& unit, long long gift_id, long long notify_id,
                      const std::optional<std::string>& note) {
  auto existing = for_gift(unit, gift_id);
  if (!existing) return existing.status();
  if (*existing) {
    const std::string why = "already has its tribute notification (" + (*existing)->method + ")";
    return Status(StatusCode::kConflict, "gift_id: " + why, {{"gift_id", why}});
  }
  const std::string now = domain::utc_now_iso();
  const std::string method = "by_hand";
  long long id = 0;
  unit.sql() << "INSERT INTO tribute_notifications (gift_id, constituent_id, method, note, "
                "created_by, created_at, updated_at) VALUES (:g, :c, :m, :n, :by, :ca, :ua) "
                "RETURNING id",
      soci::use(gift_id), soci::use(notify_id), soci::use(method), soci::use(note),
      soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  nlohmann::json after = {{"gift_id", gift_id}, {"constituent_id", notify_id}, {"method", method}};
  after["note"] = note ? nlohmann::json(*note) : nullptr;
  record_audit(unit, "create", "tribute_notification", id, nullptr, after);
  return Status::ok();
}

Result<std::optional<NoticeRecord>> for_gift(Unit& unit, long long gift_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, gift_id, constituent_id, method, mail_message_id, "
                             "document, created_at FROM tribute_notifications WHERE gift_id = :g",
       soci::use(gift_id));
  for (const auto& row : rows) {
    RowReader r(row);
    NoticeRecord n;
    n.id = r.integer();
    n.gift_id = r.integer();
    n.constituent_id = r.integer();
    n.method = r.text();
    n.mail_message_id = r.opt_integer();
    n.document = r.opt_text();
    n.created_at = r.timestamp();
    return std::optional<NoticeRecord>(n);
  }
  return std::optional<NoticeRecord>();
}

}  // namespace steward::store::tribute_notices

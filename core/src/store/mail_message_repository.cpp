#include "store/mail_message_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::mail_messages {
namespace {

const char* kMailMessageColumns =
    "id, purpose, template_id, constituent_id, gift_id, address, subject, message_id, mailer, "
    "state, reply, sent_at, created_at";

MailMessageRecord mail_message_from_row(const soci::row& row) {
  RowReader r(row);
  MailMessageRecord m;
  m.id = r.integer();
  m.purpose = r.text();
  m.template_id = r.opt_integer();
  m.constituent_id = r.integer();
  m.gift_id = r.opt_integer();
  m.address = r.text();
  m.subject = r.text();
  m.message_id = r.text();
  m.mailer = r.text();
  m.state = r.text();
  m.reply = r.opt_text();
  m.sent_at = r.opt_timestamp();
  m.created_at = r.timestamp();
  return m;
}

nlohmann::json mail_message_to_json(const MailMessageRecord& m) {
  nlohmann::json j = {
      {"id", m.id},           {"purpose", m.purpose}, {"constituent_id", m.constituent_id},
      {"address", m.address}, {"subject", m.subject}, {"message_id", m.message_id},
      {"mailer", m.mailer},   {"state", m.state}};
  if (m.template_id) j["template_id"] = *m.template_id;
  if (m.gift_id) j["gift_id"] = *m.gift_id;
  if (m.reply) j["reply"] = *m.reply;
  return j;
}

Result<std::vector<MailMessageRecord>> mail_message_select(Unit& unit, const std::string& where,
                                                           std::optional<long long> bind,
                                                           int limit) {
  std::vector<MailMessageRecord> out;
  std::string sql = "SELECT " + std::string(kMailMessageColumns) + " FROM mail_messages" +
                    (where.empty() ? "" : " WHERE " + where) + " ORDER BY id DESC LIMIT " +
                    std::to_string(limit);
  if (bind) {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(*bind));
    for (const auto& row : rows) out.push_back(mail_message_from_row(row));
  } else {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql);
    for (const auto& row : rows) out.push_back(mail_message_from_row(row));
  }
  return out;
}

}  // namespace

Result<MailMessageRecord> get(Unit& unit, long long id) {
  auto rows = mail_message_select(unit, "id = :id", id, 1);
  if (!rows) return rows.status();
  if (rows->empty()) {
    return Status::not_found("mail message " + std::to_string(id) + " does not exist");
  }
  return rows->front();
}

Result<long long> claim(Unit& unit, const MailMessageInput& input) {
  if (input.gift_id) {
    long long taken = 0;
    unit.sql() << "SELECT COUNT(*) FROM mail_messages WHERE gift_id = :gift AND purpose = :p "
                  "AND state IN ('sending', 'accepted')",
        soci::use(*input.gift_id), soci::use(input.purpose), soci::into(taken);
    if (taken > 0) {
      return Status::conflict("gift " + std::to_string(*input.gift_id) + " already has a " +
                              input.purpose + " message sending or sent");
    }
  }
  std::string now = domain::utc_now_iso();
  std::string state = "sending";
  long long id = 0;
  unit.sql() << "INSERT INTO mail_messages (purpose, template_id, constituent_id, gift_id, "
                "address, subject, message_id, mailer, state, created_by, created_at, updated_at) "
                "VALUES (:purpose, :template, :constituent, :gift, :address, :subject, :mid, "
                ":mailer, :state, :by, :c, :u) RETURNING id",
      soci::use(input.purpose), soci::use(input.template_id), soci::use(input.constituent_id),
      soci::use(input.gift_id), soci::use(input.address), soci::use(input.subject),
      soci::use(input.message_id), soci::use(input.mailer), soci::use(state),
      soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (!created) return created.status();
  record_audit(unit, "create", "mail_message", id, nullptr, mail_message_to_json(*created));
  return id;
}

Status finish(Unit& unit, long long id, const std::string& state, const std::string& reply) {
  if (state != "accepted" && state != "rejected" && state != "deferred") {
    return Status::invalid_field("state", "must be accepted, rejected or deferred");
  }
  auto before = get(unit, id);
  if (!before) return before.status();
  std::string now = domain::utc_now_iso();
  std::optional<std::string> sent_at;
  if (state == "accepted") sent_at = now;
  unit.sql() << "UPDATE mail_messages SET state = :state, reply = :reply, sent_at = :sent, "
                "updated_at = :u WHERE id = :id",
      soci::use(state), soci::use(reply), soci::use(sent_at), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (!after) return after.status();
  record_audit(unit, "update", "mail_message", id, mail_message_to_json(*before),
               mail_message_to_json(*after));
  return Status::ok();
}

Result<std::vector<MailMessageRecord>> for_gift(Unit& unit, long long gift_id) {
  return mail_message_select(unit, "gift_id = :gift", gift_id, 1000);
}

Result<std::vector<MailMessageRecord>> recent(Unit& unit, int limit) {
  if (limit < 1) limit = 1;
  if (limit > 1000) limit = 1000;
  return mail_message_select(unit, "", std::nullopt, limit);
}

}  // namespace steward::store::mail_messages

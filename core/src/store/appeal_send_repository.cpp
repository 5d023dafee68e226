#include "store/appeal_send_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::appeal_sends {
namespace {

const char* kSendColumns =
    "id, appeal_id, segment_id, template_name, mailer, rate_per_minute, status, recipient_count, "
    "exclusions, job_id, created_by, created_at, finished_at";
const char* kRecipientColumns =
    "id, appeal_send_id, constituent_id, template_id, address, state, attempts, mail_message_id, "
    "reply";

SendRecord send_from_row(const soci::row& row) {
  RowReader r(row);
  SendRecord s;
  s.id = r.integer();
  s.appeal_id = r.integer();
  s.segment_id = r.integer();
  s.template_name = r.text();
  s.mailer = r.text();
  s.rate_per_minute = static_cast<int>(r.integer());
  s.status = r.text();
  s.recipient_count = r.integer();
  s.exclusions = r.text();
  s.job_id = r.opt_integer();
  s.created_by = r.text();
  s.created_at = r.timestamp();
  s.finished_at = r.opt_timestamp();
  return s;
}

Recipient recipient_from_row(const soci::row& row) {
  RowReader r(row);
  Recipient x;
  x.id = r.integer();
  x.send_id = r.integer();
  x.constituent_id = r.integer();
  x.template_id = r.integer();
  x.address = r.text();
  x.state = r.text();
  x.attempts = static_cast<int>(r.integer());
  x.mail_message_id = r.opt_integer();
  x.reply = r.opt_text();
  return x;
}

nlohmann::json appeal_send_json(const SendRecord& s) {
  nlohmann::json j = {{"appeal_id", s.appeal_id},
                      {"segment_id", s.segment_id},
                      {"template_name", s.template_name},
                      {"mailer", s.mailer},
                      {"rate_per_minute", s.rate_per_minute},
                      {"status", s.status},
                      {"recipient_count", s.recipient_count},
                      {"exclusions", nlohmann::json::parse(s.exclusions, nullptr, false)}};
  if (s.job_id) j["job_id"] = *s.job_id;
  return j;
}

nlohmann::json recipient_json(const Recipient& x) {
  nlohmann::json j = {{"appeal_send_id", x.send_id},
                      {"constituent_id", x.constituent_id},
                      {"address", x.address},
                      {"state", x.state},
                      {"attempts", x.attempts}};
  if (x.reply) j["reply"] = *x.reply;
  if (x.mail_message_id) j["mail_message_id"] = *x.mail_message_id;
  return j;
}

Result<Recipient> recipient(Unit& unit, long long id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kRecipientColumns
                          << " FROM appeal_send_recipients WHERE id = :id",
       soci::use(id));
  for (const auto& row : rows) return recipient_from_row(row);
  return Status::not_found("appeal send recipient " + std::to_string(id) + " does not exist");
}

}  // namespace

Result<long long> create(Unit& unit, const SendInput& input) {
  if (input.rate_per_minute < 1 || input.rate_per_minute > 6000) {
    return Status::invalid_field("rate_per_minute", "must be between 1 and 6000 messages a minute");
  }
  if (input.template_name.empty()) return Status::invalid_field("template_name", "is required");
  if (input.mailer.empty()) return Status::invalid_field("mailer", "is required");
  const std::string now = domain::utc_now_iso();
  const std::string status = "sending";
  long long id = 0;
  unit.sql() << "INSERT INTO appeal_sends (appeal_id, segment_id, template_name, mailer, "
                "rate_per_minute, status, recipient_count, exclusions, created_by, created_at, "
                "updated_at) VALUES (:a, :s, :t, :m, :r, :st, :n, :x, :by, :c, :u) RETURNING id",
      soci::use(input.appeal_id), soci::use(input.segment_id), soci::use(input.template_name),
      soci::use(input.mailer), soci::use(input.rate_per_minute), soci::use(status),
      soci::use(input.recipient_count), soci::use(input.exclusions), soci::use(unit.actor().name),
      soci::use(now), soci::use(now), soci::into(id);
  auto made = get(unit, id);
  if (!made) return made.status();
  record_audit(unit, "create", "appeal_send", id, nullptr, appeal_send_json(*made));
  return id;
}

Status add_recipients(Unit& unit, long long send_id, const std::vector<RecipientInput>& list) {
  const std::string now = domain::utc_now_iso();
  const std::string state = "queued";
  long long constituent = 0;
  long long tmpl = 0;
  std::string address;
  soci::statement st =
      (unit.sql().prepare << "INSERT INTO appeal_send_recipients (appeal_send_id, constituent_id, "
                             "template_id, address, state, updated_at) VALUES (:s, :c, :t, :a, "
                             ":st, :u)",
       soci::use(send_id), soci::use(constituent), soci::use(tmpl), soci::use(address),
       soci::use(state), soci::use(now));
  for (const auto& r : list) {
    constituent = r.constituent_id;
    tmpl = r.template_id;
    address = r.address;
    st.execute(true);
  }
  record_audit(unit, "create", "appeal_send_recipients", send_id, nullptr,
               {{"appeal_send_id", send_id}, {"recipients", list.size()}});
  return Status::ok();
}

Status set_job(Unit& unit, long long send_id, long long job_id) {
  auto before = get(unit, send_id);
  if (!before) return before.status();
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE appeal_sends SET job_id = :j, updated_at = :u WHERE id = :id",
      soci::use(job_id), soci::use(now), soci::use(send_id);
  SendRecord after = *before;
  after.job_id = job_id;
  record_audit(unit, "update", "appeal_send", send_id, appeal_send_json(*before),
               appeal_send_json(after));
  return Status::ok();
}

Status set_status(Unit& unit, long long send_id, const std::string& status) {
  if (status != "finished" && status != "cancelled") {
    return Status::invalid_field("status", "must be finished or cancelled");
  }
  auto before = get(unit, send_id);
  if (!before) return before.status();
  if (before->status == status) return Status::ok();
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE appeal_sends SET status = :s, finished_at = :f, updated_at = :u "
                "WHERE id = :id",
      soci::use(status), soci::use(now), soci::use(now), soci::use(send_id);
  SendRecord after = *before;
  after.status = status;
  record_audit(unit, "update", "appeal_send", send_id, appeal_send_json(*before),
               appeal_send_json(after));
  return Status::ok();
}

Result<SendRecord> get(Unit& unit, long long send_id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kSendColumns << " FROM appeal_sends WHERE id = :id",
       soci::use(send_id));
  for (const auto& row : rows) return send_from_row(row);
  return Status::not_found("appeal send " + std::to_string(send_id) + " does not exist");
}

Result<std::vector<SendRecord>> for_appeal(Unit& unit, long long appeal_id) {
  std::vector<SendRecord> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kSendColumns
                          << " FROM appeal_sends WHERE appeal_id = :a ORDER BY id DESC",
       soci::use(appeal_id));
  for (const auto& row : rows) out.push_back(send_from_row(row));
  return out;
}

Result<std::vector<Recipient>> due(Unit& unit, long long send_id, int max_attempts, int limit,
                                   long long after_id) {
  std::vector<Recipient> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kRecipientColumns
                          << " FROM appeal_send_recipients WHERE appeal_send_id = :s AND (state = "
                             "'queued' OR (state = 'deferred' AND attempts < :m)) AND id > :after "
                             "ORDER BY id LIMIT :l",
       soci::use(send_id), soci::use(max_attempts), soci::use(after_id), soci::use(limit));
  for (const auto& row : rows) out.push_back(recipient_from_row(row));
  return out;
}

Result<std::vector<Recipient>> recipients(Unit& unit, long long send_id) {
  std::vector<Recipient> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " << kRecipientColumns
                          << " FROM appeal_send_recipients WHERE appeal_send_id = :s ORDER BY id",
       soci::use(send_id));
  for (const auto& row : rows) out.push_back(recipient_from_row(row));
  return out;
}

Result<bool> claim(Unit& unit, long long recipient_id) {
  const std::string now = domain::utc_now_iso();
  std::optional<long long> claimed;
  unit.sql() << "UPDATE appeal_send_recipients SET state = 'sending', attempts = attempts + 1, "
                "updated_at = :u WHERE id = :id AND state IN ('queued', 'deferred') RETURNING id",
      soci::use(now), soci::use(recipient_id), soci::into(claimed);
  if (!unit.sql().got_data() || !claimed) return false;
  auto after = recipient(unit, recipient_id);
  if (!after) return after.status();
  record_audit(unit, "claim", "appeal_send_recipient", recipient_id, nullptr,
               recipient_json(*after));
  return true;
}

Status finish(Unit& unit, long long recipient_id, const std::string& state,
              const std::string& reply, std::optional<long long> mail_message_id) {
  if (state != "sent" && state != "rejected" && state != "deferred" && state != "skipped" &&
      state != "queued" && state != "cancelled") {
    return Status::invalid_field("state",
                                 "must be sent, rejected, deferred, skipped, queued or cancelled");
  }
  auto before = recipient(unit, recipient_id);
  if (!before) return before.status();
  const std::string now = domain::utc_now_iso();
  std::optional<std::string> r;
  if (!reply.empty()) r = reply;
  if (!mail_message_id) mail_message_id = before->mail_message_id;
  // Handing a claimed row back untried does not count as an attempt.
  const bool untried = state == "queued" || state == "cancelled";
  int attempts = before->attempts - (untried && before->state == "sending" ? 1 : 0);
  unit.sql() << "UPDATE appeal_send_recipients SET state = :s, reply = :r, mail_message_id = :m, "
                "attempts = :a, updated_at = :u WHERE id = :id",
      soci::use(state), soci::use(r), soci::use(mail_message_id), soci::use(attempts),
      soci::use(now), soci::use(recipient_id);
  auto after = recipient(unit, recipient_id);
  if (!after) return after.status();
  record_audit(unit, "update", "appeal_send_recipient", recipient_id, recipient_json(*before),
               recipient_json(*after));
  return Status::ok();
}

Result<std::optional<std::string>> stop_reason(Unit& unit, long long constituent_id,
                                               const std::string& address) {
  soci::row row;
  unit.sql() << "SELECT c.deleted_at, c.merged_into_id, c.restricted, c.do_not_email, "
                "c.do_not_solicit, (SELECT COUNT(*) FROM emails em WHERE em.constituent_id = c.id "
                "AND lower(em.email) = lower(:a1) AND em.unsubscribed_at IS NOT NULL), (SELECT "
                "COUNT(*) FROM emails em WHERE em.constituent_id = c.id AND em.is_primary = TRUE "
                "AND lower(em.email) = lower(:a2)) FROM constituents c WHERE c.id = :id",
      soci::use(address), soci::use(address), soci::use(constituent_id), soci::into(row);
  using Reason = std::optional<std::string>;
  if (!unit.sql().got_data()) return Reason("deleted");
  RowReader r(row);
  if (!r.is_null(0) || !r.is_null(1)) return Reason("deleted");
  r.skip(2);
  if (r.flag()) return Reason("restricted");
  const bool do_not_email = r.flag();
  const bool do_not_solicit = r.flag();
  if (r.integer() > 0) return Reason("unsubscribed");
  if (do_not_email) return Reason("do not email");
  if (do_not_solicit) return Reason("do not solicit");
  if (r.integer() == 0) return Reason("address changed");
  return Reason();
}

Result<long long> cancel_pending(Unit& unit, long long send_id) {
  long long pending = 0;
  unit.sql() << "SELECT COUNT(*) FROM appeal_send_recipients WHERE appeal_send_id = :s AND "
                "state IN ('queued', 'deferred')",
      soci::use(send_id), soci::into(pending);
  if (pending == 0) return 0LL;
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE appeal_send_recipients SET state = 'cancelled', updated_at = :u WHERE "
                "appeal_send_id = :s AND state IN ('queued', 'deferred')",
      soci::use(now), soci::use(send_id);
  record_audit(unit, "cancel", "appeal_send", send_id, nullptr,
               {{"appeal_send_id", send_id}, {"recipients_cancelled", pending}});
  return pending;
}

Result<std::map<std::string, long long>> state_counts(Unit& unit, long long send_id) {
  std::map<std::string, long long> out;
  for (const char* s :
       {"queued", "sending", "sent", "rejected", "deferred", "skipped", "cancelled"}) {
    out[s] = 0;
  }
  std::string state;
  long long n = 0;
  soci::statement st = (unit.sql().prepare << "SELECT state, COUNT(*) FROM appeal_send_recipients "
                                              "WHERE appeal_send_id = :s GROUP BY state",
                        soci::use(send_id), soci::into(state), soci::into(n));
  st.execute();
  while (st.fetch()) out[state] = n;
  return out;
}

}  // namespace steward::store::appeal_sends

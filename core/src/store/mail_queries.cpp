#include "store/mail_queries.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::mail_queries {
namespace {

const char* kLiveGift = "g.deleted_at IS NULL AND g.status IN ('completed', 'partially_refunded')";

// The queue's FROM and WHERE (gifts g, constituents c, primary emails e), with five
// placeholders bound in this order: since, until, gift, gift, all (1: restricted donors too).
std::string ack_queue_from() {
  return std::string(
             " FROM gifts g JOIN constituents c ON c.id = g.constituent_id "
             "LEFT JOIN emails e ON e.constituent_id = c.id AND e.is_primary = TRUE "
             "WHERE g.acknowledged_at IS NULL AND c.deleted_at IS NULL AND ") +
         kLiveGift +
         " AND g.received_on >= :since AND g.received_on <= :until AND (:gift = 0 OR g.id = "
         ":gift2) AND (:all = 1 OR c.restricted = FALSE)";
}

struct AckQueueBinds {
  std::string since;
  std::string until;
  long long gift = 0;
  int all = 1;
  explicit AckQueueBinds(const AckQueueFilter& f)
      : since(f.since.value_or("1900-01-01")),
        until(f.until.value_or("9999-12-31")),
        gift(f.gift_id.value_or(0)),
        all(f.include_restricted ? 1 : 0) {}
};

}  // namespace

Result<std::vector<AckRow>> ack_queue(Unit& unit, const AckQueueFilter& filter) {
  std::string sql =
      "SELECT g.id, g.constituent_id, c.display_name, g.received_on, g.amount_minor, "
      "g.currency, g.base_amount_minor, g.base_currency, g.tribute_type, e.email, "
      "c.do_not_email, (SELECT COUNT(*) FROM mail_messages m WHERE m.gift_id = g.id AND "
      "m.purpose = 'thank_you' AND m.state = 'sending')" +
      ack_queue_from() + " AND " + kAfterCursor + " ORDER BY g.received_on, g.id LIMIT " +
      std::to_string(filter.limit < 1 ? 1 : filter.limit);
  const AckQueueBinds b(filter);
  const QueueCursor& after = filter.after;
  std::vector<AckRow> out;
  soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(b.since), soci::use(b.until),
                                  soci::use(b.gift), soci::use(b.gift), soci::use(b.all),
                                  soci::use(after.day), soci::use(after.day), soci::use(after.id));
  for (const auto& row : rows) {
    RowReader r(row);
    AckRow a;
    a.gift_id = r.integer();
    a.constituent_id = r.integer();
    a.donor_name = r.text();
    a.received_on = r.date();
    a.amount_minor = r.integer();
    a.currency = r.text();
    a.base_amount_minor = r.integer();
    a.base_currency = r.text();
    a.tribute_type = r.opt_text();
    a.email = r.opt_text();
    a.do_not_email = r.flag();
    a.in_flight = r.integer() > 0;
    out.push_back(a);
  }
  return out;
}

Result<AckQueueCounts> ack_queue_counts(Unit& unit, const AckQueueFilter& filter,
                                        const std::string& first_day,
                                        const std::string& second_day) {
  const AckQueueBinds b(filter);
  soci::row row;
  unit.sql() << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN g.received_on <= :first THEN 1 ELSE 0 "
                "END), 0), COALESCE(SUM(CASE WHEN g.received_on > :first2 AND g.received_on <= "
                ":second THEN 1 ELSE 0 END), 0)" +
                    ack_queue_from(),
      soci::use(first_day), soci::use(first_day), soci::use(second_day), soci::use(b.since),
      soci::use(b.until), soci::use(b.gift), soci::use(b.gift), soci::use(b.all), soci::into(row);
  RowReader r(row);
  AckQueueCounts out;
  out.total = r.integer();
  out.up_to_first = r.integer();
  out.up_to_second = r.integer();
  return out;
}

Result<DonorRow> donor(Unit& unit, long long constituent_id) {
  soci::row row;
  unit.sql() << "SELECT c.id, c.kind, c.first_name, c.last_name, c.preferred_name, "
                "c.organization_name, c.display_name, c.salutation, c.addressee, c.do_not_email, "
                "c.custom_fields, e.email FROM constituents c LEFT JOIN emails e ON "
                "e.constituent_id = c.id AND e.is_primary = TRUE "
                "WHERE c.id = :id AND c.deleted_at IS NULL",
      soci::use(constituent_id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
  }
  RowReader r(row);
  DonorRow d;
  d.id = r.integer();
  d.kind = r.text();
  d.first_name = r.opt_text();
  d.last_name = r.opt_text();
  d.preferred_name = r.opt_text();
  d.organization_name = r.opt_text();
  d.display_name = r.text();
  d.salutation = r.opt_text();
  d.addressee = r.opt_text();
  d.do_not_email = r.flag();
  d.custom_fields = r.text();
  d.email = r.opt_text();

  soci::row a;
  unit.sql() << "SELECT line1, line2, line3, city, region, postal_code, country FROM addresses "
                "WHERE constituent_id = :id AND is_primary = TRUE",
      soci::use(constituent_id), soci::into(a);
  if (unit.sql().got_data()) {
    RowReader ar(a);
    for (int i = 0; i < 3; ++i) {
      if (auto line = ar.opt_text(); line && !line->empty()) d.address_lines.push_back(*line);
    }
    std::string city = ar.opt_text().value_or("");
    std::string region = ar.opt_text().value_or("");
    std::string postal = ar.opt_text().value_or("");
    std::string country = ar.opt_text().value_or("");
    std::string last = city;
    if (!region.empty()) last += (last.empty() ? "" : ", ") + region;
    if (!postal.empty()) last += (last.empty() ? "" : " ") + postal;
    if (!last.empty()) d.address_lines.push_back(last);
    if (!country.empty() && country != "US") d.address_lines.push_back(country);
  }
  return d;
}

Result<GiftRow> gift(Unit& unit, long long gift_id) {
  soci::row row;
  unit.sql() << "SELECT g.id, g.constituent_id, g.received_on, g.amount_minor, g.currency, "
                "g.payment_method, g.recurring_plan_id, g.tribute_type, g.tribute_name, "
                "g.receipt_number, g.in_kind_description, g.acknowledged_at FROM gifts g "
                "WHERE g.id = :id AND g.deleted_at IS NULL",
      soci::use(gift_id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("gift " + std::to_string(gift_id) + " does not exist");
  }
  RowReader r(row);
  GiftRow g;
  g.id = r.integer();
  g.constituent_id = r.integer();
  g.received_on = r.date();
  g.amount_minor = r.integer();
  g.currency = r.text();
  g.payment_method = r.text();
  g.recurring_plan_id = r.opt_integer();
  g.tribute_type = r.opt_text();
  g.tribute_name = r.opt_text();
  g.receipt_number = r.opt_text();
  g.in_kind_description = r.opt_text();
  g.acknowledged_at = r.opt_timestamp();

  std::string fund;
  soci::statement st = (unit.sql().prepare << "SELECT f.name FROM gift_allocations a JOIN funds f "
                                              "ON f.id = a.fund_id WHERE a.gift_id = :id "
                                              "ORDER BY a.id",
                        soci::use(gift_id), soci::into(fund));
  st.execute();
  while (st.fetch()) g.funds.push_back(fund);

  long long earlier = 0;
  unit.sql() << "SELECT COUNT(*) FROM gifts g WHERE g.constituent_id = :c AND " +
                    std::string(kLiveGift) +
                    " AND (g.received_on < :d OR (g.received_on = :d2 AND g.id < :id))",
      soci::use(g.constituent_id), soci::use(g.received_on), soci::use(g.received_on),
      soci::use(g.id), soci::into(earlier);
  g.first_gift = earlier == 0;
  return g;
}

Result<std::optional<long long>> latest_gift_id(Unit& unit, long long constituent_id) {
  soci::row row;
  unit.sql() << "SELECT g.id FROM gifts g WHERE g.constituent_id = :c AND " +
                    std::string(kLiveGift) + " ORDER BY g.received_on DESC, g.id DESC LIMIT 1",
      soci::use(constituent_id), soci::into(row);
  if (!unit.sql().got_data()) return std::optional<long long>();
  return std::optional<long long>(RowReader(row).integer(0));
}

Result<YearTotal> year_total(Unit& unit, long long constituent_id, const std::string& from,
                             const std::string& to) {
  soci::row row;
  unit.sql() << "SELECT COALESCE(SUM(g.base_amount_minor - g.base_refunded_minor), 0), COUNT(*) "
                "FROM gifts g WHERE g.constituent_id = :c AND " +
                    std::string(kLiveGift) + " AND g.received_on >= :f AND g.received_on <= :t",
      soci::use(constituent_id), soci::use(from), soci::use(to), soci::into(row);
  RowReader r(row);
  return YearTotal{r.integer(), r.integer()};
}

Result<bool> mark_acknowledged(Unit& unit, long long gift_id, const std::string& method) {
  std::string now = domain::utc_now_iso();
  soci::statement st = (unit.sql().prepare << "UPDATE gifts SET acknowledged_at = :at, "
                                              "acknowledgment_method = :m, updated_at = :u, "
                                              "version = version + 1 WHERE id = :id AND "
                                              "acknowledged_at IS NULL AND deleted_at IS NULL",
                        soci::use(now), soci::use(method), soci::use(now), soci::use(gift_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return false;
  record_audit(unit, "acknowledge", "gift", gift_id, nullptr,
               {{"acknowledged_at", now}, {"acknowledgment_method", method}});
  return true;
}

}  // namespace steward::store::mail_queries

#include "store/soft_credit_queries.hpp"

#include "store/row_reader.hpp"

namespace steward::store::soft_credits {

Result<Page<ReceivedSoftCredit>> received_page(Unit& unit, long long constituent_id,
                                               bool include_restricted, const PageRequest& page) {
  const int limit = clamp_limit(page.limit);
  const int fetch = limit + 1;
  long long after_id = page.after_id;
  std::string after_day = "9999-12-31";
  if (after_id > 0) {
    soci::indicator ind = soci::i_null;
    unit.sql() << "SELECT CAST(g.received_on AS TEXT) FROM soft_credits sc JOIN gifts g ON g.id = "
                  "sc.gift_id "
                  "WHERE sc.id = :id AND sc.constituent_id = :c",
        soci::use(after_id), soci::use(constituent_id), soci::into(after_day, ind);
    if (!unit.sql().got_data() || ind != soci::i_ok) {
      return Status::invalid_field("after", "the cursor no longer points at a soft credit");
    }
  }
  const int has_cursor = after_id > 0 ? 1 : 0;
  const int restricted_too = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT sc.id, sc.gift_id, g.constituent_id, d.display_name, sc.role, "
                             "sc.amount_minor, g.currency, g.received_on, g.status "
                             "FROM soft_credits sc JOIN gifts g ON g.id = sc.gift_id "
                             "JOIN constituents d ON d.id = g.constituent_id "
                             "WHERE sc.constituent_id = :c AND g.deleted_at IS NULL "
                             "AND (:ir = 1 OR d.restricted = FALSE) "
                             "AND (:hcur = 0 OR g.received_on < :after_day OR "
                             "(g.received_on = :after_day2 AND sc.id < :after_id)) "
                             "ORDER BY g.received_on DESC, sc.id DESC LIMIT :fetch",
       soci::use(constituent_id), soci::use(restricted_too), soci::use(has_cursor),
       soci::use(after_day), soci::use(after_day), soci::use(after_id), soci::use(fetch));
  Page<ReceivedSoftCredit> out;
  for (const soci::row& row : rows) {
    RowReader r(row);
    ReceivedSoftCredit c;
    c.id = r.integer();
    c.gift_id = r.integer();
    c.donor_id = r.integer();
    c.donor_name = r.text();
    c.role = r.text();
    c.amount_minor = r.integer();
    c.currency = r.text();
    c.received_on = r.date();
    c.gift_status = r.text();
    out.items.push_back(std::move(c));
  }
  if (static_cast<int>(out.items.size()) > limit) {
    out.items.pop_back();
    out.next_after_id = out.items.back().id;
  }
  return out;
}

}  // namespace steward::store::soft_credits

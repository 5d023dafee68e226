// Gift lists (filtered, cursor pages), the acknowledgment queue and acknowledging gifts.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/gift_repository.hpp"
#include "store/gift_rows.hpp"
#include "store/row_reader.hpp"

namespace steward::store::gifts {
namespace {

const char* const kMinDay = "0001-01-01";
const char* const kMaxDay = "9999-12-31";

// An optional id filter bound as (flag, value): "(:flag = 0 OR column = :value)".
struct IdFilter {
  int has;
  long long value;
  explicit IdFilter(const std::optional<long long>& v) : has(v ? 1 : 0), value(v.value_or(0)) {}
};

Status check_range(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  return domain::first_error({domain::check_date("from", from), domain::check_date("to", to)});
}

}  // namespace

Result<Page<domain::Gift>> list(Unit& unit, const ListFilter& f) {
  if (Status s = check_range(f.from, f.to); !s) return s;
  int limit = clamp_limit(f.page.limit);
  int fetch = limit + 1;
  long long after_id = f.page.after_id;
  std::string after_day = kMaxDay;
  if (after_id > 0) {
    auto last = detail::load(unit, after_id, true);
    if (!last) return Status::invalid_field("after", "the cursor no longer points at a gift");
    after_day = last->received_on;
  }
  int has_cursor = after_id > 0 ? 1 : 0;
  IdFilter donor(f.constituent_id), fund(f.fund_id), campaign(f.campaign_id), appeal(f.appeal_id),
      batch(f.batch_id);
  int has_status = f.status ? 1 : 0;
  std::string status = f.status.value_or("");
  int restricted_too = f.include_restricted ? 1 : 0;
  std::string from = f.from.value_or(kMinDay), to = f.to.value_or(kMaxDay);
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT " + std::string(detail::kGiftColumns) +
                  " FROM gifts g WHERE g.deleted_at IS NULL"
                  " AND (:hd = 0 OR g.constituent_id = :d)"
                  " AND g.received_on >= :from AND g.received_on <= :to"
                  " AND (:hf = 0 OR EXISTS (SELECT 1 FROM gift_allocations a"
                  " WHERE a.gift_id = g.id AND a.fund_id = :f))"
                  " AND (:hc = 0 OR g.campaign_id = :c) AND (:ha = 0 OR g.appeal_id = :a)"
                  " AND (:hb = 0 OR g.batch_id = :b) AND (:hs = 0 OR g.status = :s)"
                  " AND (:ir = 1 OR NOT EXISTS (SELECT 1 FROM constituents rc"
                  " WHERE rc.id = g.constituent_id AND rc.restricted = TRUE))"
                  " AND (:hcur = 0 OR g.received_on < :after_day OR"
                  " (g.received_on = :after_day2 AND g.id < :after_id))"
                  " ORDER BY g.received_on DESC, g.id DESC LIMIT :fetch",
       soci::use(donor.has), soci::use(donor.value), soci::use(from), soci::use(to),
       soci::use(fund.has), soci::use(fund.value), soci::use(campaign.has),
       soci::use(campaign.value), soci::use(appeal.has), soci::use(appeal.value),
       soci::use(batch.has), soci::use(batch.value), soci::use(has_status), soci::use(status),
       soci::use(restricted_too), soci::use(has_cursor), soci::use(after_day), soci::use(after_day),
       soci::use(after_id), soci::use(fetch));
  Page<domain::Gift> page;
  for (const soci::row& r : rows) page.items.push_back(detail::from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  for (auto& g : page.items) detail::load_children(unit, g);
  return page;
}

Result<std::vector<domain::Gift>> unacknowledged(Unit& unit, const UnacknowledgedFilter& f) {
  if (Status s = check_range(f.from, f.to); !s) return s;
  std::string from = f.from.value_or(kMinDay), to = f.to.value_or(kMaxDay);
  long long min_amount = f.min_amount_minor.value_or(0);
  IdFilter fund(f.fund_id);
  int limit = clamp_limit(f.limit);
  int restricted_too = f.include_restricted ? 1 : 0;
  std::string order = f.largest_first
                          ? " ORDER BY g.base_amount_minor - g.base_refunded_minor DESC, "
                            "g.received_on, g.id"
                          : " ORDER BY g.received_on, g.id";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT " + std::string(detail::kGiftColumns) +
                  " FROM gifts g WHERE g.acknowledged_at IS NULL AND g.deleted_at IS NULL"
                  " AND g.status IN ('completed', 'partially_refunded')"
                  " AND g.received_on >= :from AND g.received_on <= :to"
                  " AND g.base_amount_minor - g.base_refunded_minor >= :min"
                  " AND (:hf = 0 OR EXISTS (SELECT 1 FROM gift_allocations a"
                  " WHERE a.gift_id = g.id AND a.fund_id = :f))"
                  " AND (:ir = 1 OR NOT EXISTS (SELECT 1 FROM constituents rc"
                  " WHERE rc.id = g.constituent_id AND rc.restricted = TRUE))" +
                  order + " LIMIT :limit",
       soci::use(from), soci::use(to), soci::use(min_amount), soci::use(fund.has),
       soci::use(fund.value), soci::use(restricted_too), soci::use(limit));
  std::vector<domain::Gift> out;
  for (const soci::row& r : rows) out.push_back(detail::from_row(r));
  for (auto& g : out) detail::load_children(unit, g);
  return out;
}

Result<int> acknowledge(Unit& unit, const std::vector<long long>& ids, const std::string& date,
                        const std::string& method) {
  if (ids.empty()) return Status::invalid_field("ids", "name at least one gift");
  if (Status s = domain::require_date("date", date); !s) return s;
  if (!domain::is_acknowledgment_method(method)) {
    return Status::invalid_field("method", "use email, letter, phone, in_person or other");
  }
  std::vector<long long> unique;
  for (long long id : ids) {
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
  }
  std::vector<domain::Gift> gifts;
  for (long long id : unique) {
    auto g = detail::load(unit, id, false);
    if (!g) return g.status();
    if (g->status != "completed" && g->status != "partially_refunded") {
      return Status::precondition_failed("gift " + std::to_string(id) + " is " + g->status +
                                         " and is not acknowledged");
    }
    if (g->acknowledged_at) {
      return Status::precondition_failed("gift " + std::to_string(id) +
                                         " was already acknowledged on " + *g->acknowledged_at);
    }
    gifts.push_back(std::move(*g));
  }
  std::string at = date + "T00:00:00Z";
  std::string now = domain::utc_now_iso();
  for (const auto& g : gifts) {
    unit.sql() << "UPDATE gifts SET acknowledged_at = :at, acknowledgment_method = :m, "
                  "updated_at = :u WHERE id = :id",
        soci::use(at), soci::use(method), soci::use(now), soci::use(g.id);
    record_audit(unit, "acknowledge", "gift", g.id, {{"acknowledged_at", nullptr}},
                 {{"acknowledged_at", at}, {"acknowledgment_method", method}});
  }
  return static_cast<int>(gifts.size());
}

}  // namespace steward::store::gifts

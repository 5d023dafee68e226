#include "store/giving_summary_repository.hpp"

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/gift_rows.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"

namespace steward::store::giving {
namespace {

// Which constituents a recompute covers: everyone (rebuild_all), one (:c1..:c3, :id..), or the
// ids in the temporary table steward_rollup_ids (recompute_many).
enum class Scope { kAll, kOne, kMany };

// Every credit a constituent receives from a counted gift: cid, gift_id, gday, amount, hard.
// The filters narrow the gifts read to those that can credit the constituents recomputed,
// through indexes, so recomputing a few constituents does not scan every gift.
const char* const kOneFilter =
    " AND (constituent_id = :c1 OR constituent_id IN (SELECT member_id FROM household_members"
    " WHERE household_id = :c2) OR id IN (SELECT gift_id FROM soft_credits"
    " WHERE constituent_id = :c3))";
const char* const kManyFilter =
    " AND (constituent_id IN (SELECT id FROM steward_rollup_ids)"
    " OR constituent_id IN (SELECT member_id FROM household_members"
    " WHERE household_id IN (SELECT id FROM steward_rollup_ids)) OR id IN (SELECT gift_id FROM"
    " soft_credits WHERE constituent_id IN (SELECT id FROM steward_rollup_ids)))";
const char* const kCreditsHead =
    "WITH counted AS ("
    " SELECT id, constituent_id, received_on, amount_minor,"
    " base_amount_minor - base_refunded_minor AS net FROM gifts"
    " WHERE deleted_at IS NULL AND status IN ('completed', 'partially_refunded')";
const char* const kCreditsTail =
    "),"
    " credits AS ("
    " SELECT c.constituent_id AS cid, c.id AS gift_id, c.received_on AS gday, c.net AS amount,"
    " 1 AS hard FROM counted c"
    " UNION ALL"
    " SELECT hm.household_id, c.id, c.received_on, c.net, 1 FROM counted c"
    " JOIN household_members hm ON hm.member_id = c.constituent_id"
    " AND (hm.started_on IS NULL OR hm.started_on <= c.received_on)"
    " AND (hm.ended_on IS NULL OR hm.ended_on > c.received_on)"
    " AND hm.household_id <> c.constituent_id"
    " UNION ALL"
    " SELECT sc.constituent_id, c.id, c.received_on,"
    " (MAX(sc.amount_minor) * c.net) / c.amount_minor, 0 FROM soft_credits sc"
    " JOIN counted c ON c.id = sc.gift_id"
    " GROUP BY sc.constituent_id, c.id, c.received_on, c.net, c.amount_minor) ";

std::string credits_sql(Scope scope) {
  const char* filter = scope == Scope::kOne ? kOneFilter : scope == Scope::kMany ? kManyFilter : "";
  return std::string(kCreditsHead) + filter + kCreditsTail;
}

// " WHERE <column> = :<name>" / "... IN (the temporary table)" / "" for the scope.
std::string cid_filter(Scope scope, const std::string& glue, const std::string& column,
                       const std::string& name) {
  if (scope == Scope::kOne) return glue + column + " = :" + name;
  if (scope == Scope::kMany) return glue + column + " IN (SELECT id FROM steward_rollup_ids)";
  return "";
}

std::string summaries_sql(Scope scope) {
  return credits_sql(scope) +
         ", hard AS (SELECT cid, gift_id, gday, amount,"
         " ROW_NUMBER() OVER (PARTITION BY cid ORDER BY gday, gift_id) AS rf,"
         " ROW_NUMBER() OVER (PARTITION BY cid ORDER BY gday DESC, gift_id DESC) AS rl"
         " FROM credits WHERE hard = 1" +
         cid_filter(scope, " AND ", "cid", "id2") +
         ")"
         " INSERT INTO giving_summaries (constituent_id, first_gift_on, first_gift_minor,"
         " last_gift_on, last_gift_minor, largest_gift_minor, gift_count, lifetime_minor,"
         " soft_credit_count, soft_credit_minor)"
         " SELECT x.cid, h.first_day, COALESCE(h.first_amount, 0), h.last_day,"
         " COALESCE(h.last_amount, 0), COALESCE(h.largest, 0), COALESCE(h.n, 0),"
         " COALESCE(h.total, 0), COALESCE(s.n, 0), COALESCE(s.total, 0)"
         " FROM (SELECT DISTINCT cid FROM credits" +
         cid_filter(scope, " WHERE ", "cid", "id1") +
         ") x"
         " LEFT JOIN (SELECT cid, MIN(gday) AS first_day,"
         " SUM(CASE WHEN rf = 1 THEN amount ELSE 0 END) AS first_amount, MAX(gday) AS last_day,"
         " SUM(CASE WHEN rl = 1 THEN amount ELSE 0 END) AS last_amount, MAX(amount) AS largest,"
         " COUNT(*) AS n, SUM(amount) AS total FROM hard GROUP BY cid) h ON h.cid = x.cid"
         " LEFT JOIN (SELECT cid, COUNT(*) AS n, SUM(amount) AS total FROM credits"
         " WHERE hard = 0 GROUP BY cid) s ON s.cid = x.cid";
}

std::string by_year_sql(Unit& unit, Scope scope) {
  std::string year = unit.is_postgresql() ? "CAST(EXTRACT(YEAR FROM gday) AS INTEGER)"
                                          : "CAST(substr(gday, 1, 4) AS INTEGER)";
  std::string month = unit.is_postgresql() ? "CAST(EXTRACT(MONTH FROM gday) AS INTEGER)"
                                           : "CAST(substr(gday, 6, 2) AS INTEGER)";
  return credits_sql(scope) +
         " INSERT INTO giving_by_year (constituent_id, fiscal_year, gift_count, total_minor,"
         " soft_credit_minor)"
         " SELECT cid, fy, SUM(hard), SUM(CASE WHEN hard = 1 THEN amount ELSE 0 END),"
         " SUM(CASE WHEN hard = 0 THEN amount ELSE 0 END) FROM (SELECT cid, hard, amount, " +
         year + " + CASE WHEN :m1 > 1 AND " + month +
         " >= :m2 THEN 1 ELSE 0 END AS fy FROM credits" +
         cid_filter(scope, " WHERE ", "cid", "id") + ") t GROUP BY cid, fy";
}

// The ids as one bound JSON array, expanded by the database into steward_rollup_ids.
void fill_rollup_ids(Unit& unit, const std::set<long long>& ids) {
  unit.sql() << (unit.is_postgresql() ? "CREATE TEMPORARY TABLE IF NOT EXISTS steward_rollup_ids "
                                        "(id BIGINT PRIMARY KEY) ON COMMIT DELETE ROWS"
                                      : "CREATE TEMPORARY TABLE IF NOT EXISTS steward_rollup_ids "
                                        "(id INTEGER PRIMARY KEY)");
  unit.sql() << "DELETE FROM steward_rollup_ids";
  std::string list = nlohmann::json(std::vector<long long>(ids.begin(), ids.end())).dump();
  unit.sql() << (unit.is_postgresql()
                     ? "INSERT INTO steward_rollup_ids (id) SELECT CAST(value AS BIGINT) "
                       "FROM json_array_elements_text(CAST(:ids AS json)) AS value"
                     : "INSERT INTO steward_rollup_ids (id) SELECT value FROM json_each(:ids)"),
      soci::use(list);
  // Statistics for the planner, which otherwise scans the gifts to join a temporary table.
  if (unit.is_postgresql()) unit.sql() << "ANALYZE steward_rollup_ids";
}

}  // namespace

Status recompute(Unit& unit, long long id) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  int m = static_cast<int>(settings->fiscal_year_start_month);
  if (unit.is_postgresql()) {
    // Two gifts for one donor committing at once would both find no summary row and both insert
    // one (a unique-key conflict): the donor's row lock makes the second wait for the first.
    // NO KEY UPDATE: the gift's foreign key already holds the row's KEY SHARE lock, which this
    // lock does not conflict with (FOR UPDATE would deadlock two such units). SQLite writers
    // are serialised already.
    long long locked = 0;
    unit.sql() << "SELECT id FROM constituents WHERE id = :id FOR NO KEY UPDATE", soci::use(id),
        soci::into(locked);
  }
  unit.sql() << "DELETE FROM giving_summaries WHERE constituent_id = :id", soci::use(id);
  unit.sql() << "DELETE FROM giving_by_year WHERE constituent_id = :id", soci::use(id);
  unit.sql() << summaries_sql(Scope::kOne), soci::use(id), soci::use(id), soci::use(id),
      soci::use(id), soci::use(id);
  unit.sql() << by_year_sql(unit, Scope::kOne), soci::use(id), soci::use(id), soci::use(id),
      soci::use(m), soci::use(m), soci::use(id);
  return Status::ok();
}

Status recompute_many(Unit& unit, const std::set<long long>& ids) {
  if (ids.empty()) return Status::ok();
  if (ids.size() == 1) return recompute(unit, *ids.begin());
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  int m = static_cast<int>(settings->fiscal_year_start_month);
  fill_rollup_ids(unit, ids);
  if (unit.is_postgresql()) {
    // As recompute(): the donors' row locks, taken in id order so two writers cannot deadlock.
    soci::rowset<soci::row> locked =
        (unit.sql().prepare << "SELECT id FROM constituents WHERE id IN "
                               "(SELECT id FROM steward_rollup_ids) ORDER BY id FOR NO KEY UPDATE");
    for (const soci::row& row : locked) (void)row;
  }
  unit.sql() << "DELETE FROM giving_summaries WHERE constituent_id IN "
                "(SELECT id FROM steward_rollup_ids)";
  unit.sql() << "DELETE FROM giving_by_year WHERE constituent_id IN "
                "(SELECT id FROM steward_rollup_ids)";
  unit.sql() << summaries_sql(Scope::kMany);
  unit.sql() << by_year_sql(unit, Scope::kMany), soci::use(m), soci::use(m);
  unit.sql() << "DELETE FROM steward_rollup_ids";
  return Status::ok();
}

namespace {
// The active deferral of this thread: a unit of work never leaves its thread (database.hpp), and
// the guard is scoped, so the session it defers for is the one it was made with.
struct ActiveDeferral {
  const soci::session* session = nullptr;
  std::set<long long>* ids = nullptr;
};
thread_local ActiveDeferral active_deferral;
}  // namespace

std::set<long long>* deferred_ids(Unit& unit) {
  return active_deferral.session == &unit.sql() ? active_deferral.ids : nullptr;
}

DeferRollups::DeferRollups(Unit& unit) : unit_(unit), previous_(deferred_ids(unit)) {
  previous_session_ = active_deferral.session;
  previous_ids_ = active_deferral.ids;
  active_deferral = {&unit_.sql(), &ids_};
}

DeferRollups::~DeferRollups() { active_deferral = {previous_session_, previous_ids_}; }

Status DeferRollups::flush() {
  std::set<long long> ids;
  ids.swap(ids_);
  if (previous_ != nullptr) {  // an outer deferral flushes them
    previous_->insert(ids.begin(), ids.end());
    return Status::ok();
  }
  return recompute_many(unit_, ids);
}

Status recompute_for_gift(Unit& unit, long long gift_id) {
  return gifts::detail::recompute_all(unit, gifts::detail::credited(unit, gift_id));
}

Status rebuild_all(Unit& unit) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  int m = static_cast<int>(settings->fiscal_year_start_month);
  unit.sql() << "DELETE FROM giving_summaries";
  unit.sql() << "DELETE FROM giving_by_year";
  unit.sql() << summaries_sql(Scope::kAll);
  unit.sql() << by_year_sql(unit, Scope::kAll), soci::use(m), soci::use(m);
  long long rows = 0;
  unit.sql() << "SELECT COUNT(*) FROM giving_summaries", soci::into(rows);
  record_audit(unit, "rebuild", "giving_summaries", 0, nullptr, {{"summaries", rows}});
  return Status::ok();
}

Result<Summary> get(Unit& unit, long long id) {
  long long exists = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituents WHERE id = :id", soci::use(id),
      soci::into(exists);
  if (exists == 0)
    return Status::not_found("constituent " + std::to_string(id) + " does not exist");
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  Summary s;
  s.constituent_id = id;
  s.currency = settings->base_currency;
  soci::row row;
  unit.sql() << "SELECT first_gift_on, first_gift_minor, last_gift_on, last_gift_minor, "
                "largest_gift_minor, gift_count, lifetime_minor, soft_credit_count, "
                "soft_credit_minor FROM giving_summaries WHERE constituent_id = :id",
      soci::use(id), soci::into(row);
  if (unit.sql().got_data()) {
    RowReader r(row);
    s.first_gift_on = r.opt_date();
    s.first_gift_minor = r.integer();
    s.last_gift_on = r.opt_date();
    s.last_gift_minor = r.integer();
    s.largest_gift_minor = r.integer();
    s.gift_count = r.integer();
    s.lifetime_minor = r.integer();
    s.soft_credit_count = r.integer();
    s.soft_credit_minor = r.integer();
  }
  soci::rowset<soci::row> years =
      (unit.sql().prepare << "SELECT fiscal_year, gift_count, total_minor, soft_credit_minor "
                             "FROM giving_by_year WHERE constituent_id = :id ORDER BY fiscal_year",
       soci::use(id));
  for (const soci::row& y : years) {
    RowReader r(y);
    YearTotal t;
    t.fiscal_year = static_cast<int>(r.integer());
    t.gift_count = r.integer();
    t.total_minor = r.integer();
    t.soft_credit_minor = r.integer();
    s.by_year.push_back(t);
  }
  return s;
}

}  // namespace steward::store::giving

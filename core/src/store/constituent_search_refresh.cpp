#include "store/constituent_search_refresh.hpp"

#include <string>

namespace steward::store::constituents {
namespace {

bool paused(Unit& unit) {
  if (unit.is_postgresql()) {
    soci::indicator ind = soci::i_ok;
    std::string value;
    unit.sql() << "SELECT current_setting('steward.defer_search', true)", soci::into(value, ind);
    return ind == soci::i_ok && value == "on";
  }
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM search_refresh_pauses", soci::into(n);
  return n > 0;
}

// The ids as one bound value: a PostgreSQL array literal, or a JSON array for SQLite's json_each.
std::string id_list(const std::vector<long long>& ids, bool postgresql) {
  std::string out = postgresql ? "{" : "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + (postgresql ? "}" : "]");
}

}  // namespace

Status refresh_search(Unit& unit, const std::vector<long long>& ids) {
  if (ids.empty()) return Status::ok();
  const std::string list = id_list(ids, unit.is_postgresql());
  if (unit.is_postgresql()) {
    // = ANY(array) probes the constituents' primary key for each id.
    unit.sql() << "INSERT INTO constituent_search (constituent_id, doc) "
                  "SELECT id, doc FROM constituent_search_source "
                  "WHERE id = ANY(CAST(:ids AS BIGINT[])) "
                  "ON CONFLICT (constituent_id) DO UPDATE SET doc = EXCLUDED.doc, "
                  "updated_at = now()",
        soci::use(list);
  } else {
    // The FTS5 index follows through constituent_search's own triggers (migration 0017).
    unit.sql() << "INSERT INTO constituent_search (constituent_id, doc) "
                  "SELECT id, doc FROM constituent_search_source "
                  "WHERE id IN (SELECT value FROM json_each(:ids)) "
                  "ON CONFLICT (constituent_id) DO UPDATE SET doc = excluded.doc, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        soci::use(list);
  }
  return Status::ok();
}

DeferSearchRefresh::DeferSearchRefresh(Unit& unit) : unit_(unit), owner_(!paused(unit)) {
  if (!owner_) return;
  if (unit_.is_postgresql()) {
    std::string value;
    unit_.sql() << "SELECT set_config('steward.defer_search', 'on', true)", soci::into(value);
  } else {
    unit_.sql() << "INSERT INTO search_refresh_pauses (id) VALUES (1)";
  }
}

DeferSearchRefresh::~DeferSearchRefresh() {
  try {
    resume();
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): a failed unit rolls back
  }
}

void DeferSearchRefresh::resume() {
  if (!owner_) return;
  owner_ = false;
  if (unit_.is_postgresql()) {
    std::string value;
    unit_.sql() << "SELECT set_config('steward.defer_search', 'off', true)", soci::into(value);
  } else {
    unit_.sql() << "DELETE FROM search_refresh_pauses";
  }
}

Status DeferSearchRefresh::finish(const std::vector<long long>& ids) {
  resume();
  return refresh_search(unit_, ids);
}

}  // namespace steward::store::constituents

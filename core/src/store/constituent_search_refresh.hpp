// The quick-search index for bulk writers (decision 0217). The triggers of migration 0017 rebuild
// a constituent's search row for every constituent, email, phone and address row written: right
// for one write at a time, but a bulk writer that inserts thousands of donors and their emails
// pays a view evaluation and an index insert per row, twice per donor. A DeferSearchRefresh turns
// those triggers off for its unit's transaction (migration 0024: the transaction-local setting
// steward.defer_search on PostgreSQL, a row in search_refresh_pauses on SQLite), and finish()
// rebuilds the rows of the constituents the writer touched in one set-based statement, in the
// same transaction, and turns the triggers back on.
//
// Usage (inside one unit of work):
//   store::constituents::DeferSearchRefresh pause(unit);
//   ... BulkWriter on constituents, emails, phones, addresses ...
//   if (Status s = pause.finish(ids_written); !s) return s;
// Every constituent whose names or contact points the scope changed must be in `ids`; the index
// is wrong for the others until they are written again. Deleting a constituent is never
// deferred. Not thread-safe (a unit never leaves its thread).
#pragma once

#include <vector>

#include "store/database.hpp"

namespace steward::store::constituents {

// Rebuilds the quick-search rows of `ids` (ids of no constituent are ignored) from
// constituent_search_source in one statement.
Status refresh_search(Unit& unit, const std::vector<long long>& ids);

class DeferSearchRefresh {
 public:
  // Pauses the search triggers for `unit`'s transaction. Inside a scope that already paused
  // them (a bulk writer called by another) it changes nothing, and finish() only refreshes.
  explicit DeferSearchRefresh(Unit& unit);
  // Resumes the triggers if finish() was not called (an error path: the unit rolls back).
  ~DeferSearchRefresh();
  DeferSearchRefresh(const DeferSearchRefresh&) = delete;
  DeferSearchRefresh& operator=(const DeferSearchRefresh&) = delete;

  // Refreshes `ids` and resumes the triggers (unless an outer scope paused them).
  Status finish(const std::vector<long long>& ids);

 private:
  void resume();

  Unit& unit_;
  bool owner_ = false;  // this scope paused the triggers and must resume them
};

}  // namespace steward::store::constituents

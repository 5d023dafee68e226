#include "engine/import_cancel.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/import_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::imports {

Result<bool> cancel_requested(store::Unit& unit, long long import_id) {
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM import_cancel_requests WHERE import_id = :i",
      soci::use(import_id), soci::into(n);
  return n > 0;
}

Status clear_cancel_request(store::Unit& unit, long long import_id) {
  auto pending = cancel_requested(unit, import_id);
  if (!pending) return pending.status();
  if (!*pending) return Status::ok();
  unit.sql() << "DELETE FROM import_cancel_requests WHERE import_id = :i", soci::use(import_id);
  store::record_audit(unit, "cancel_withdrawn", "import", import_id, {{"cancel_requested", true}},
                      {{"cancel_requested", false}});
  return Status::ok();
}

Result<CancelResult> cancel_import(store::Database& db, const store::Actor& actor,
                                   long long import_id) {
  return db.write(actor, [&](store::Unit& u) -> Result<CancelResult> {
    if (u.is_postgresql()) {
      u.sql() << "SELECT id FROM imports WHERE id = :id FOR UPDATE", soci::use(import_id);
    }
    auto rec = store::imports::get(u, import_id);
    if (!rec) return rec.status();
    std::string name = "import " + std::to_string(import_id);
    CancelResult out;
    out.import_id = import_id;
    out.rows_committed = rec->rows_committed;
    if (rec->status == "committed") {
      return Status::precondition_failed(
          name + " is committed and cannot be cancelled; refund or delete its gifts instead");
    }
    if (rec->status == "cancelled" || rec->status == "failed") {
      return Status::precondition_failed(name + " is " + rec->status +
                                         "; there is nothing to cancel");
    }
    if (rec->status == "committing") {
      auto pending = cancel_requested(u, import_id);
      if (!pending) return pending.status();
      if (!*pending) {
        std::string now = domain::utc_now_iso();
        u.sql() << "INSERT INTO import_cancel_requests (import_id, requested_by, created_at, "
                   "updated_at) VALUES (:i, :a, :c, :u)",
            soci::use(import_id), soci::use(actor.name), soci::use(now), soci::use(now);
        store::record_audit(u, "cancel_request", "import", import_id, nullptr,
                            {{"rows_committed", rec->rows_committed}});
        out.status = "committing";
        out.stopping = true;
        out.message = name + " stops at its next chunk boundary; " +
                      std::to_string(rec->rows_committed) +
                      " rows applied so far stay applied. Resume it with `steward import resume " +
                      std::to_string(import_id) + "`, or cancel it again to close it";
        return out;
      }
      u.sql() << "DELETE FROM import_cancel_requests WHERE import_id = :i", soci::use(import_id);
    }
    if (Status s = store::imports::set_status(u, import_id, "cancelled"); !s) return s;
    store::record_audit(u, "cancel", "import", import_id, {{"status", rec->status}},
                        {{"status", "cancelled"}, {"rows_committed", rec->rows_committed}});
    out.status = "cancelled";
    out.message = rec->rows_committed == 0
                      ? name + " cancelled; nothing was applied"
                      : name + " cancelled; the " + std::to_string(rec->rows_committed) +
                            " rows applied before it stopped stay applied, the rest are not";
    return out;
  });
}

}  // namespace steward::engine::imports

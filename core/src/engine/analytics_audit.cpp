#include "engine/analytics_audit.hpp"

#include "store/audit.hpp"

namespace steward::engine::analytics {

Status record_run(store::Database& db, const store::Actor& actor, const nlohmann::json& query,
                  const Answer& answer, const std::string& format, bool sees_restricted) {
  const nlohmann::json after = {{"query", query},
                                {"format", format},
                                {"rows", answer.table.rows.size()},
                                {"groups", answer.groups},
                                {"truncated", answer.truncated},
                                {"from", answer.from},
                                {"to", answer.to},
                                {"sees_restricted", sees_restricted}};
  return db.write(actor, [&](store::Unit& u) -> Status {
    store::record_audit(u, "run", "analytics_query", 0, nullptr, after);
    return Status::ok();
  });
}

}  // namespace steward::engine::analytics

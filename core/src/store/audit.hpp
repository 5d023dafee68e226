// The audit trail: every change to donor data appends one row to audit_events, inside the same
// transaction as the change (so a rolled-back change leaves no audit row, and a committed one
// always has one). Rows are never updated or deleted (triggers refuse it on both backends).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store {

// Appends an audit row: the unit's actor did `action` ("create", "update", "delete", "refund",
// "merge", ...) to entity_type/entity_id. `before`/`after` are the record's JSON images (null
// when there is none: no before on create, no after on delete).
void record_audit(Unit& unit, std::string_view action, std::string_view entity_type,
                  long long entity_id, const nlohmann::json& before, const nlohmann::json& after);

}  // namespace steward::store

namespace steward::store {

struct AuditEvent {
  long long id = 0;
  std::string actor;
  std::string action;
  std::string entity_type;
  std::optional<long long> entity_id;
  nlohmann::json before;
  nlohmann::json after;
  std::optional<std::string> remote_addr;
  std::string created_at;
};

struct AuditFilter {
  std::optional<std::string> entity_type;
  std::optional<long long> entity_id;
  std::optional<std::string> actor;
  std::optional<std::string> action;
  // Events at or after `from_at` and before `until_at` ("YYYY-MM-DDTHH:MM:SSZ", UTC).
  std::optional<std::string> from_at;
  std::optional<std::string> until_at;
  long long before_id = 0;  // 0 = newest first from the top; else events with id < before_id
  int limit = 50;
};

// Newest first. next_after_id in the page is the before_id for the next (older) page.
Result<Page<AuditEvent>> list_audit(Unit& unit, const AuditFilter& filter);

}  // namespace steward::store

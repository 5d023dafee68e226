// The audit trail: every change to donor data appends one row to audit_events, inside the same
// transaction as the change (so a rolled-back change leaves no audit row, and a committed one
// always has one). Rows are never updated or deleted (triggers refuse it on both backends).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::store {

// Appends an audit row: the unit's actor did `action` ("create", "update", "delete", "refund",
// "merge", ...) to entity_type/entity_id. `before`/`after` are the record's JSON images (null
// when there is none: no before on create, no after on delete).
void record_audit(Unit& unit, std::string_view action, std::string_view entity_type,
                  long long entity_id, const nlohmann::json& before, const nlohmann::json& after);

}  // namespace steward::store

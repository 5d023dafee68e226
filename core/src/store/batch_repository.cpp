#include "store/batch_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "store/audit.hpp"
#include "store/batch_rows.hpp"
#include "store/row_reader.hpp"

namespace steward::store::batches {
namespace {

nlohmann::json batch_to_json(const domain::GiftBatch& b) {
  nlohmann::json j = {{"id", b.id},
                      {"name", b.name},
                      {"expected_count", b.expected_count},
                      {"expected_total_minor", b.expected_total.minor},
                      {"currency", b.expected_total.currency},
                      {"status", b.status},
                      {"actual_count", b.actual_count},
                      {"actual_total_minor", b.actual_total_minor}};
  if (b.closed_at) j["closed_at"] = *b.closed_at;
  return j;
}

}  // namespace

const char* const kBatchSelect =
    "SELECT b.id, b.name, b.expected_count, b.expected_total_minor, b.currency, "
    "b.status, b.closed_at, b.created_by, b.created_at, "
    "(SELECT COUNT(*) FROM gifts g WHERE g.batch_id = b.id AND g.deleted_at IS NULL), "
    "(SELECT COALESCE(SUM(g.amount_minor), 0) FROM gifts g WHERE g.batch_id = b.id "
    "AND g.deleted_at IS NULL) FROM gift_batches b";

domain::GiftBatch batch_from_row(const soci::row& row) {
  RowReader r(row);
  domain::GiftBatch b;
  b.id = r.integer();
  b.name = r.text();
  b.expected_count = r.integer();
  b.expected_total.minor = r.integer();
  b.expected_total.currency = r.text();
  b.status = r.text();
  b.closed_at = r.opt_timestamp();
  b.created_by = r.opt_text();
  b.created_at = r.timestamp();
  b.actual_count = r.integer();
  b.actual_total_minor = r.integer();
  return b;
}

Result<domain::GiftBatch> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << std::string(kBatchSelect) + " WHERE b.id = :id", soci::use(id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("batch " + std::to_string(id) + " does not exist");
  return batch_from_row(row);
}

Result<domain::GiftBatch> create(Unit& unit, const domain::GiftBatchInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO gift_batches (name, expected_count, expected_total_minor, currency, "
                "status, created_by, created_at, updated_at) VALUES (:name, :count, :total, "
                ":currency, 'open', :by, :created, :updated) RETURNING id",
      soci::use(input.name), soci::use(input.expected_count), soci::use(input.expected_total.minor),
      soci::use(input.expected_total.currency), soci::use(unit.actor().name), soci::use(now),
      soci::use(now), soci::into(id);
  auto made = get(unit, id);
  if (made) record_audit(unit, "create", "gift_batch", id, nullptr, batch_to_json(*made));
  return made;
}

Result<domain::GiftBatch> close(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before.status();
  if (before->is_closed()) {
    return Status::precondition_failed("batch " + std::to_string(id) + " is already closed");
  }
  const std::string& cur = before->expected_total.currency;
  if (before->actual_count != before->expected_count ||
      before->actual_total_minor != before->expected_total.minor) {
    return Status::precondition_failed(
        "batch " + std::to_string(id) + " does not balance: expected " +
        std::to_string(before->expected_count) + " gift(s) totalling " +
        domain::format_decimal(before->expected_total) + " " + cur + ", actual " +
        std::to_string(before->actual_count) + " gift(s) totalling " +
        domain::format_decimal({before->actual_total_minor, cur}) + " " + cur);
  }
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE gift_batches SET status = 'closed', closed_at = :closed, "
                "updated_at = :updated WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after)
    record_audit(unit, "close", "gift_batch", id, batch_to_json(*before), batch_to_json(*after));
  return after;
}

Status require_open(Unit& unit, long long id) {
  std::string status;
  unit.sql() << "SELECT status FROM gift_batches WHERE id = :id", soci::use(id), soci::into(status);
  if (!unit.sql().got_data())
    return Status::not_found("batch " + std::to_string(id) + " does not exist");
  if (status == "closed") {
    return Status::precondition_failed("batch " + std::to_string(id) +
                                       " is closed; its gifts cannot be changed");
  }
  return Status::ok();
}

}  // namespace steward::store::batches

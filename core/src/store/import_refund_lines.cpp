#include "store/import_refund_lines.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::import_refunds {
namespace {

constexpr const char* kRefundLineColumns = "source, external_id, gift_id, part, amount_minor";

RefundLine refund_line_read(const soci::row& row) {
  RowReader r(row);
  return {r.text(0), r.text(1), r.integer(2), r.text(3), r.integer(4)};
}

}  // namespace

Result<std::optional<RefundLine>> find(Unit& unit, const std::string& source,
                                       const std::string& external_id) {
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << std::string("SELECT ") + kRefundLineColumns +
                                 " FROM import_refund_lines WHERE source = :s AND "
                                 "external_id = :e",
       soci::use(source), soci::use(external_id));
  for (const soci::row& row : rs) return std::optional<RefundLine>(refund_line_read(row));
  return std::optional<RefundLine>();
}

Status upsert(Unit& unit, const RefundLine& line, std::optional<long long> import_id) {
  auto existing = find(unit, line.source, line.external_id);
  if (!existing) return existing.status();
  std::string now = domain::utc_now_iso();
  nlohmann::json after = {{"source", line.source},
                          {"external_id", line.external_id},
                          {"part", line.part},
                          {"amount_minor", line.amount_minor},
                          {"import_id", import_id ? nlohmann::json(*import_id) : nullptr}};
  if (*existing) {
    if ((*existing)->amount_minor >= line.amount_minor) return Status::ok();
    unit.sql() << "UPDATE import_refund_lines SET amount_minor = :a, import_id = :i, "
                  "updated_at = :u WHERE source = :s AND external_id = :e",
        soci::use(line.amount_minor), soci::use(import_id), soci::use(now), soci::use(line.source),
        soci::use(line.external_id);
    nlohmann::json before = after;
    before["amount_minor"] = (*existing)->amount_minor;
    record_audit(unit, "refund_line", "gift", (*existing)->gift_id, before, after);
    return Status::ok();
  }
  unit.sql() << "INSERT INTO import_refund_lines (source, external_id, gift_id, part, "
                "amount_minor, import_id, created_at, updated_at) VALUES (:s, :e, :g, :p, :a, "
                ":i, :c, :u)",
      soci::use(line.source), soci::use(line.external_id), soci::use(line.gift_id),
      soci::use(line.part), soci::use(line.amount_minor), soci::use(import_id), soci::use(now),
      soci::use(now);
  record_audit(unit, "refund_line", "gift", line.gift_id, nullptr, after);
  return Status::ok();
}

Result<std::vector<RefundLine>> for_gift(Unit& unit, long long gift_id) {
  std::vector<RefundLine> out;
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << std::string("SELECT ") + kRefundLineColumns +
                                 " FROM import_refund_lines WHERE gift_id = :g ORDER BY id",
       soci::use(gift_id));
  for (const soci::row& row : rs) out.push_back(refund_line_read(row));
  return out;
}

}  // namespace steward::store::import_refunds

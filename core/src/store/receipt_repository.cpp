#include "store/receipt_repository.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::store::receipts {
namespace {

const char* kReceiptColumns =
    "SELECT id, receipt_number, constituent_id, year, period_start, period_end, gift_count, "
    "totals, issue_count, email_state, created_at FROM receipts ";

ReceiptRecord receipt_read(const soci::row& row) {
  RowReader r(row);
  ReceiptRecord out;
  out.id = r.integer();
  out.receipt_number = r.text();
  out.constituent_id = r.integer();
  out.year = static_cast<int>(r.integer());
  out.period_start = r.text();
  out.period_end = r.text();
  out.gift_count = r.integer();
  out.totals = r.text();
  out.issue_count = static_cast<int>(r.integer());
  out.email_state = r.opt_text();
  out.created_at = r.timestamp();
  return out;
}

Result<long long> next_number(Unit& unit, int year) {
  long long n = 0;
  std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO receipt_sequences (year, last_number) VALUES (:y, 1) "
                "ON CONFLICT (year) DO UPDATE SET last_number = receipt_sequences.last_number + 1, "
                "updated_at = :now RETURNING last_number",
      soci::use(year), soci::use(now), soci::into(n);
  if (n < 1) return Status::internal("receipt sequence returned no number");
  return n;
}

}  // namespace

std::string format_number(int year, long long n) { return fmt::format("{}-{:06d}", year, n); }

Result<std::optional<ReceiptRecord>> find(Unit& unit, long long constituent_id, int year) {
  soci::row row;
  unit.sql() << std::string(kReceiptColumns) + "WHERE constituent_id = :c AND year = :y",
      soci::use(constituent_id), soci::use(year), soci::into(row);
  if (!unit.sql().got_data()) return std::optional<ReceiptRecord>();
  return std::optional<ReceiptRecord>(receipt_read(row));
}

Result<ReceiptRecord> get_by_number(Unit& unit, const std::string& receipt_number) {
  soci::row row;
  unit.sql() << std::string(kReceiptColumns) + "WHERE receipt_number = :n",
      soci::use(receipt_number), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("receipt " + receipt_number);
  return receipt_read(row);
}

Result<ReceiptRecord> issue(Unit& unit, const IssueInput& in) {
  if (in.year < 1900 || in.year > 9999) return Status::invalid_field("year", "must be 1900..9999");
  if (in.constituent_id <= 0) return Status::invalid_field("constituent_id", "must be positive");
  if (auto d = domain::Date::parse(in.period_start, "period_start"); !d) return d.status();
  if (auto d = domain::Date::parse(in.period_end, "period_end"); !d) return d.status();
  std::string now = domain::utc_now_iso();
  auto existing = find(unit, in.constituent_id, in.year);
  if (!existing) return existing.status();
  if (*existing) {
    const auto& before = **existing;
    unit.sql() << "UPDATE receipts SET issue_count = issue_count + 1, gift_count = :g, "
                  "totals = :t, period_start = :ps, period_end = :pe, updated_at = :u "
                  "WHERE id = :id",
        soci::use(in.gift_count), soci::use(in.totals), soci::use(in.period_start),
        soci::use(in.period_end), soci::use(now), soci::use(before.id);
    record_audit(unit, "reissue", "receipt", before.id,
                 {{"issue_count", before.issue_count}, {"totals", before.totals}},
                 {{"receipt_number", before.receipt_number},
                  {"issue_count", before.issue_count + 1},
                  {"totals", in.totals}});
  } else {
    auto n = next_number(unit, in.year);
    if (!n) return n.status();
    std::string number = format_number(in.year, *n);
    const std::string& by = unit.actor().name;
    long long id = 0;
    unit.sql() << "INSERT INTO receipts (receipt_number, constituent_id, year, period_start, "
                  "period_end, gift_count, totals, issue_count, created_by, created_at, "
                  "updated_at) VALUES (:n, :c, :y, :ps, :pe, :g, :t, 1, :by, :ca, :ua) "
                  "RETURNING id",
        soci::use(number), soci::use(in.constituent_id), soci::use(in.year),
        soci::use(in.period_start), soci::use(in.period_end), soci::use(in.gift_count),
        soci::use(in.totals), soci::use(by), soci::use(now), soci::use(now), soci::into(id);
    record_audit(unit, "create", "receipt", id, nullptr,
                 {{"receipt_number", number},
                  {"constituent_id", in.constituent_id},
                  {"year", in.year},
                  {"totals", in.totals}});
  }
  auto out = find(unit, in.constituent_id, in.year);
  if (!out) return out.status();
  if (!*out) return Status::internal("receipt vanished after issue");
  return **out;
}

Result<bool> claim_email(Unit& unit, long long receipt_id) {
  std::string now = domain::utc_now_iso();
  soci::statement st =
      (unit.sql().prepare << "UPDATE receipts SET email_state = 'sending', updated_at = :u "
                             "WHERE id = :id AND (email_state IS NULL OR email_state IN "
                             "('rejected', 'deferred'))",
       soci::use(now), soci::use(receipt_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return false;
  record_audit(unit, "email_claim", "receipt", receipt_id, nullptr, {{"email_state", "sending"}});
  return true;
}

Status finish_email(Unit& unit, long long receipt_id, const std::string& state) {
  if (state != "accepted" && state != "rejected" && state != "deferred") {
    return Status::invalid_field("email_state", "must be accepted, rejected or deferred");
  }
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE receipts SET email_state = :s, updated_at = :u WHERE id = :id",
      soci::use(state), soci::use(now), soci::use(receipt_id);
  record_audit(unit, "email_" + state, "receipt", receipt_id, nullptr, {{"email_state", state}});
  return Status::ok();
}

}  // namespace steward::store::receipts

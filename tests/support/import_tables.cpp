#include "support/import_tables.hpp"

#include "support/table_dump.hpp"

namespace steward::testing {

std::map<std::string, std::string> import_tables(store::Database& db) {
  std::map<std::string, std::string> s;
  s["constituents"] = table_dump(db,
                                 "SELECT id, kind, first_name, last_name, display_name, "
                                 "donor_source, name_key, display_name_key, version FROM "
                                 "constituents ORDER BY id");
  s["emails"] =
      table_dump(db, "SELECT id, constituent_id, email, is_primary FROM emails ORDER BY id");
  s["payer_ids"] = table_dump(db,
                              "SELECT source, external_id, constituent_id FROM "
                              "constituent_external_ids ORDER BY source, external_id");
  s["gifts"] = table_dump(db,
                          "SELECT id, constituent_id, received_on, amount_minor, currency, "
                          "base_amount_minor, fee_minor, refunded_minor, payment_method, status, "
                          "source, external_id, campaign_id, appeal_id, recurring_plan_id, notes, "
                          "created_by, version FROM gifts ORDER BY id");
  s["allocations"] = table_dump(db,
                                "SELECT gift_id, fund_id, amount_minor, refunded_minor FROM "
                                "gift_allocations ORDER BY gift_id, id");
  s["soft_credits"] = table_dump(db,
                                 "SELECT gift_id, constituent_id, amount_minor, role FROM "
                                 "soft_credits ORDER BY gift_id, id");
  s["identities"] = table_dump(db,
                               "SELECT source, external_id, kind, gift_id FROM payment_identities "
                               "ORDER BY source, external_id, kind");
  s["plans"] = table_dump(db,
                          "SELECT id, constituent_id, amount_minor, status, last_paid_on FROM "
                          "recurring_plans ORDER BY id");
  s["rows"] = table_dump(db,
                         "SELECT import_id, seq, outcome, constituent_id, create_donor, "
                         "decided_by, matched_by, fund_id, gift_id, message, committed FROM "
                         "import_rows ORDER BY import_id, seq");
  s["summaries"] = table_dump(db,
                              "SELECT constituent_id, first_gift_on, last_gift_on, gift_count, "
                              "lifetime_minor, soft_credit_count, soft_credit_minor FROM "
                              "giving_summaries ORDER BY constituent_id");
  s["by_year"] = table_dump(db,
                            "SELECT constituent_id, fiscal_year, gift_count, total_minor, "
                            "soft_credit_minor FROM giving_by_year ORDER BY constituent_id, "
                            "fiscal_year");
  // The quick-search text the batch's one refresh built must be what the per-row triggers build.
  s["search"] = table_dump(db, "SELECT constituent_id, doc FROM constituent_search ORDER BY 1");
  s["audit"] = audit_dump_without_times(db);
  return s;
}

}  // namespace steward::testing

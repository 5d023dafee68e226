// The session a report plugin queries through: read-only, limited to the analytics views
// (migration 0011), and, for a caller without the restricted grant, blind to restricted
// constituents and everything attached to them. Decision record 0170 explains the choices.
//
// SQLite: a read transaction on a pooled connection with PRAGMA query_only = ON (the previous
// value restored afterwards) and an authorizer that allows only SELECT, reading the analytics
// views (nothing else at the top level of a statement) and ordinary functions. For a limited
// caller the runner first creates TEMP views of the same names that filter the restricted rows
// out, and the authorizer then allows only the temp ones (main.analytics_gifts is refused).
//
// PostgreSQL: a transaction that SETs LOCAL ROLE steward_report_all (which may read only the
// analytics views) or steward_report_limited (which may read only the TEMP views created in
// this transaction, which filter restricted rows), then SET LOCAL transaction_read_only = on.
// The transaction is rolled back at the end, taking the temp views with it.
//
// Both: each query must be one SELECT or WITH statement (`?` placeholders bound in order);
// set_config is refused (it could change the role back). Rows come back as plain values: text,
// 64-bit integers (PostgreSQL booleans as 0/1, integral NUMERIC as integers), reals, NULL.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"
#include "store/database.hpp"

namespace steward::engine {

// The analytics views a report may read (migration 0011), in creation order.
const std::vector<std::string>& analytics_view_names();

class ReportSandbox {
 public:
  // Prepares unit's session (which must have no transaction open: use Database::read).
  static Result<std::unique_ptr<ReportSandbox>> open(store::Unit& unit, bool sees_restricted);
  ~ReportSandbox();
  ReportSandbox(const ReportSandbox&) = delete;
  ReportSandbox& operator=(const ReportSandbox&) = delete;

  const sdk::QueryCapability& capability() const { return *capability_; }

 private:
  ReportSandbox(store::Unit& unit, bool sees_restricted);
  Status setup();
  void teardown();

  store::Unit& unit_;
  bool sees_restricted_;
  bool began_ = false;
  int previous_query_only_ = 0;
  std::unique_ptr<sdk::QueryCapability> capability_;
  std::unique_ptr<struct SqliteAuthorizerState> authorizer_;
};

// The statement check applied before any report query reaches the database: one SELECT or
// WITH statement (a trailing ';' is allowed), no set_config. Exposed for tests.
Status check_report_sql(std::string_view sql);

// `?` placeholders (outside quotes and comments) rewritten as $1, $2 ... for PostgreSQL.
std::string to_numbered_placeholders(std::string_view sql);

}  // namespace steward::engine

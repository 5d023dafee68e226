// What every year-end statement step needs (engine-internal, not part of the API): the
// statement year's settings and period (Context), and one donor's statement gathered from the
// database (their gifts in the period, the year_end template in their language, its merge
// fields and the rendered letter text). Used by issuing (year_end_statements.cpp), the dry run
// (statement_dry_run.cpp) and printing (statement_printing.cpp).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/mail_template.hpp"
#include "engine/statement_document.hpp"
#include "print/pdf_document.hpp"
#include "store/database.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::statements {

struct Context {
  store::mail_settings::MailSettings settings;
  store::settings::OrganizationSettings org;
  StatementPeriod period;
  print::PaperSize paper = print::PaperSize::kLetter;
};

// Errors: kInvalid naming "year" (1900..9999) or "paper".
Result<Context> load_context(store::Unit& unit, int year,
                             const std::optional<print::PaperSize>& paper);

struct DonorStatement {
  store::mail_queries::DonorRow donor;
  StatementContent content;
  std::optional<domain::MailTemplate> tmpl;  // none: no active year_end template
  nlohmann::json fields;
};

// The donor's statement with receipt `number` ("" before one is issued). Errors: kNotFound.
Result<DonorStatement> gather(store::Unit& unit, const Context& ctx, long long constituent_id,
                              const std::string& number, bool replacement);

// A primary address and not do not email (an appeal unsubscribe does not stop receipts).
bool can_email(const store::mail_queries::DonorRow& d);

}  // namespace steward::engine::statements

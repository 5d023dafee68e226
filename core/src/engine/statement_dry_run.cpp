// The dry run of a statement run (year_end_statements.hpp, preview_statements).
#include <map>

#include "engine/mail_merge.hpp"
#include "engine/mail_starter_templates.hpp"
#include "engine/statement_gather.hpp"
#include "engine/year_end_statements.hpp"
#include "store/mail_template_repository.hpp"
#include "store/receipt_repository.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine {
namespace {

using statements::Context;

constexpr const char* kAlreadyIssued = "already issued (use reissue for a replacement)";

// Whether the run would skip the donor: a receipt exists and, without reissue, its email did
// not fail (a deferred or rejected email is sent again).
bool already_issued(const std::optional<store::receipts::ReceiptRecord>& existing, bool reissue) {
  if (!existing || reissue) return false;
  const auto& state = existing->email_state;
  return !(state && (*state == "deferred" || *state == "rejected"));
}

// One donor as the dry run lists them (renders the statement's letter text).
Result<StatementOutcome> listed_donor(store::Unit& unit, const Context& ctx, long long id,
                                      bool reissue) {
  auto existing = store::receipts::find(unit, id, ctx.period.year);
  if (!existing) return existing.status();
  auto s = statements::gather(unit, ctx, id, "", false);
  if (!s) return s.status();
  StatementOutcome o;
  o.constituent_id = id;
  o.donor_name = s->donor.display_name;
  o.receipt_number = *existing ? (*existing)->receipt_number : "new";
  o.replacement = existing->has_value();
  o.gift_count = statement_gift_count(s->content.gifts);
  o.totals = statement_totals(s->content.gifts, s->content.language);
  o.channel = statements::can_email(s->donor) && s->tmpl ? "email" : "print";
  o.address = o.channel == "email" ? *s->donor.email : "";
  const bool skipped = already_issued(*existing, reissue);
  o.state = skipped ? "skipped" : "would_issue";
  if (skipped) o.detail = kAlreadyIssued;
  if (*existing && !skipped && !reissue) {
    o.detail = "email again (last try " + (*existing)->email_state.value_or("") + ")";
  }
  return o;
}

// The donor counted, without rendering: skipped, emailed or printed, as issue_one decides.
Status count_donor(store::Unit& unit, const Context& ctx, long long id, bool reissue,
                   std::map<std::string, bool>& has_template, StatementCounts& counts) {
  ++counts.total;
  auto existing = store::receipts::find(unit, id, ctx.period.year);
  if (!existing) return existing.status();
  if (already_issued(*existing, reissue)) {
    ++counts.skipped["already_issued"];
    return Status::ok();
  }
  auto donor = store::mail_queries::donor(unit, id);
  if (!donor) return donor.status();
  const std::string language = donor_language(*donor, ctx.settings);
  if (has_template.count(language) == 0) {
    auto tmpl = store::mail_templates::for_kind(unit, "year_end", language);
    if (!tmpl) return tmpl.status();
    has_template[language] = tmpl->has_value();
  }
  ++(statements::can_email(*donor) && has_template[language] ? counts.emailed : counts.printed);
  return Status::ok();
}

}  // namespace

long long StatementCounts::skipped_total() const {
  long long n = 0;
  for (const auto& [reason, c] : skipped) n += c;
  return n;
}

nlohmann::json StatementCounts::to_json() const {
  return {{"total", total},
          {"emailed", emailed},
          {"printed", printed},
          {"skipped", skipped_total()},
          {"skipped_by_reason", skipped}};
}

Result<StatementPreview> preview_statements(store::Database& db, const store::Actor& actor,
                                            const StatementOptions& options, int sample_limit) {
  if (sample_limit < 1) return Status::invalid_field("sample_limit", "must be at least 1");
  auto installed = db.write(actor, [](store::Unit& u) { return install_starter_templates(u); });
  if (!installed) return installed.status();
  return db.read([&](store::Unit& unit) -> Result<StatementPreview> {
    auto ctx = statements::load_context(unit, options.year, options.paper);
    if (!ctx) return ctx.status();
    auto donors = store::statement_queries::donors(unit, ctx->period.from, ctx->period.to,
                                                   options.constituent_id);
    if (!donors) return donors.status();
    StatementPreview out;
    out.period = ctx->period;
    out.sample_limit = sample_limit;
    std::map<std::string, bool> has_template;
    for (long long id : *donors) {
      if (Status s = count_donor(unit, *ctx, id, options.reissue, has_template, out.counts); !s)
        return s;
      if (static_cast<int>(out.sample.size()) >= sample_limit) continue;
      auto o = listed_donor(unit, *ctx, id, options.reissue);
      if (!o) return o.status();
      out.sample.push_back(std::move(*o));
    }
    return out;
  });
}

}  // namespace steward::engine

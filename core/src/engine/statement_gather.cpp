#include "engine/statement_gather.hpp"

#include "engine/mail_ids.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_render.hpp"
#include "store/mail_template_repository.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine::statements {

Result<Context> load_context(store::Unit& unit, int year,
                             const std::optional<print::PaperSize>& paper) {
  if (year < 1900 || year > 9999) return Status::invalid_field("year", "must be 1900..9999");
  Context c;
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  c.settings = *settings;
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  c.org = *org;
  c.period = statement_period(year, c.settings.statement_year, c.org.fiscal_year_start_month);
  auto chosen_paper = print::paper_size_or_setting(paper, c.settings.paper_size);
  if (!chosen_paper) return chosen_paper.status();
  c.paper = *chosen_paper;
  return c;
}

Result<DonorStatement> gather(store::Unit& unit, const Context& ctx, long long constituent_id,
                              const std::string& number, bool replacement) {
  DonorStatement s;
  auto donor = store::mail_queries::donor(unit, constituent_id);
  if (!donor) return donor.status();
  s.donor = *donor;
  auto gifts =
      store::statement_queries::gifts(unit, constituent_id, ctx.period.from, ctx.period.to);
  if (!gifts) return gifts.status();
  auto tmpl =
      store::mail_templates::for_kind(unit, "year_end", donor_language(*donor, ctx.settings));
  if (!tmpl) return tmpl.status();
  s.tmpl = *tmpl;
  auto& c = s.content;
  c.language = s.tmpl ? s.tmpl->language : donor_language(*donor, ctx.settings);
  c.receipt_number = number;
  c.replacement = replacement;
  c.period = ctx.period;
  c.gifts = std::move(*gifts);
  c.legal_text = ctx.settings.legal_text;
  c.tax_id = ctx.settings.tax_id;
  c.org_name = ctx.org.organization_name;
  if (!c.org_name.empty()) c.return_address.push_back(c.org_name);
  for (const auto& line : text_lines(ctx.settings.org_address)) c.return_address.push_back(line);
  auto fields = merge_fields(unit, {constituent_id, std::nullopt, ctx.period.year}, c.language);
  if (!fields) return fields.status();
  s.fields = std::move(*fields);
  s.fields["year"]["year"] = ctx.period.year;
  s.fields["year"]["total"] = statement_totals(c.gifts, c.language);
  s.fields["year"]["gift_count"] = statement_gift_count(c.gifts);
  s.fields["receipt"] = {{"number", number}, {"replacement", replacement}};
  c.recipient.push_back(s.fields["donor"]["addressee"].get<std::string>());
  for (const auto& line : donor->address_lines) c.recipient.push_back(line);
  if (s.tmpl) {
    auto rendered = render_mail(*s.tmpl, s.fields);
    if (!rendered) return rendered.status();
    c.letter_text = rendered->text;
  }
  return s;
}

bool can_email(const store::mail_queries::DonorRow& d) {
  return !d.do_not_email && d.email && !d.email->empty();
}

}  // namespace steward::engine::statements

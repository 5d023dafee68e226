#include "engine/year_end_statements.hpp"

#include <chrono>
#include <random>

#include "engine/mail_delivery.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_render.hpp"
#include "engine/mail_starter_templates.hpp"
#include "print/private_file.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"
#include "store/receipt_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::string message_id(const std::string& number, const std::string& from) {
  static std::mt19937_64 rng{std::random_device{}()};
  std::size_t at = from.rfind('@');
  std::string domain = at == std::string::npos ? "steward.invalid" : from.substr(at + 1);
  if (auto gt = domain.find('>'); gt != std::string::npos) domain.resize(gt);
  if (domain.empty()) domain = "steward.invalid";
  auto now = std::chrono::system_clock::now().time_since_epoch();
  char suffix[17];
  std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(rng()));
  return "<statement." + number + "." +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()) + "." +
         suffix + "@" + domain + ">";
}

std::string one_line(std::string s) {
  for (auto& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

struct Context {
  store::mail_settings::MailSettings settings;
  store::settings::OrganizationSettings org;
  StatementPeriod period;
  print::PaperSize paper = print::PaperSize::kLetter;
};

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

struct DonorStatement {
  store::mail_queries::DonorRow donor;
  StatementContent content;
  std::optional<domain::MailTemplate> tmpl;
  nlohmann::json fields;
};

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
  for (const auto& line : lines_of(ctx.settings.org_address)) c.return_address.push_back(line);
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

// One donor, sending: everything up to the mailer, in the caller's write unit.
struct Issued {
  StatementOutcome outcome;
  std::optional<sdk::MailMessage> message;
  print::Piece piece;
  long long receipt_id = 0;
  long long log_id = 0;
};

Result<Issued> issue_one(store::Unit& unit, const Context& ctx, long long constituent_id,
                         const StatementOptions& options, std::filesystem::path& written) {
  Issued out;
  out.outcome.constituent_id = constituent_id;
  auto existing = store::receipts::find(unit, constituent_id, ctx.period.year);
  if (!existing) return existing.status();
  // Without reissue, a donor with a receipt is skipped, unless its email was deferred or
  // rejected: then the same statement (same number, not a replacement) is emailed again.
  std::optional<store::receipts::ReceiptRecord> receipt;
  if (*existing && !options.reissue) {
    const auto& e = **existing;
    bool unsent = e.email_state && (*e.email_state == "deferred" || *e.email_state == "rejected");
    if (!unsent) {
      out.outcome.receipt_number = e.receipt_number;
      out.outcome.state = "skipped";
      out.outcome.detail = "already issued (use reissue for a replacement)";
      return out;
    }
    receipt = e;
  } else {
    auto probe = gather(unit, ctx, constituent_id, "", false);
    if (!probe) return probe.status();
    store::receipts::IssueInput in;
    in.constituent_id = constituent_id;
    in.year = ctx.period.year;
    in.period_start = ctx.period.from;
    in.period_end = ctx.period.to;
    in.gift_count = statement_gift_count(probe->content.gifts);
    in.totals = statement_totals(probe->content.gifts, probe->content.language);
    auto issued = store::receipts::issue(unit, in);
    if (!issued) return issued.status();
    receipt = *issued;
  }
  out.receipt_id = receipt->id;
  auto s = gather(unit, ctx, constituent_id, receipt->receipt_number, receipt->issue_count > 1);
  if (!s) return s.status();
  out.outcome.donor_name = s->donor.display_name;
  out.outcome.receipt_number = receipt->receipt_number;
  out.outcome.replacement = receipt->issue_count > 1;
  out.outcome.gift_count = receipt->gift_count;
  out.outcome.totals = receipt->totals;
  out.piece = statement_piece(s->content);
  auto pdf = print::render_pdf({out.piece}, {ctx.paper, "Statement " + receipt->receipt_number});
  if (!pdf) return pdf.status();
  auto path =
      print::write_private_file(options.dir, "statement-" + receipt->receipt_number, "pdf", *pdf);
  if (!path) return path.status();
  written = *path;
  out.outcome.pdf_path = *path;

  bool email = can_email(s->donor) && s->tmpl.has_value();
  if (email) {
    auto claimed = store::receipts::claim_email(unit, receipt->id);
    if (!claimed) return claimed.status();
    if (!*claimed) {
      out.outcome.channel = "email";
      out.outcome.address = *s->donor.email;
      out.outcome.state = "skipped";
      out.outcome.detail = "already emailed";
      return out;
    }
  }
  if (!email) {
    out.outcome.channel = "print";
    out.outcome.state = "printed";
    if (s->donor.do_not_email)
      out.outcome.detail = "do not email";
    else if (!s->donor.email)
      out.outcome.detail = "no email address";
    else
      out.outcome.detail = "no active year_end template";
    return out;
  }
  if (ctx.settings.from.empty()) {
    return Status::invalid_field("mail.from",
                                 "is not set: the sender, e.g. \"New Hope <office@example.org>\"");
  }
  auto rendered = render_mail(*s->tmpl, s->fields);
  if (!rendered) return rendered.status();
  sdk::MailMessage m;
  m.from = ctx.settings.from;
  m.to = {one_line(s->donor.display_name) + " <" + *s->donor.email + ">"};
  m.subject = rendered->subject;
  m.text = rendered->text;
  m.html = rendered->html;
  std::string id = message_id(receipt->receipt_number, ctx.settings.from);
  m.headers = {{"Message-ID", id}};
  std::string file = (s->content.language == "ko" ? "후원영수증-" : "statement-") +
                     receipt->receipt_number + ".pdf";
  m.attachments.push_back({file, "application/pdf", std::move(*pdf)});
  store::mail_messages::MailMessageInput log;
  log.purpose = "year_end";
  log.template_id = s->tmpl->id;
  log.constituent_id = constituent_id;
  log.address = *s->donor.email;
  log.subject = rendered->subject;
  log.message_id = id;
  log.mailer = options.mailer_id;
  auto log_id = store::mail_messages::claim(unit, log);
  if (!log_id) return log_id.status();
  out.log_id = *log_id;
  out.outcome.channel = "email";
  out.outcome.address = *s->donor.email;
  out.message = std::move(m);
  return out;
}

}  // namespace

int StatementRun::count(const std::string& state) const {
  int n = 0;
  for (const auto& o : outcomes) n += o.state == state ? 1 : 0;
  return n;
}

Result<std::string> statement_preview_pdf(store::Unit& unit, long long constituent_id, int year) {
  auto ctx = load_context(unit, year, std::nullopt);
  if (!ctx) return ctx.status();
  auto existing = store::receipts::find(unit, constituent_id, year);
  if (!existing) return existing.status();
  std::string number = *existing ? (*existing)->receipt_number : "";
  auto s = gather(unit, *ctx, constituent_id, number, false);
  if (!s) return s.status();
  return print::render_pdf({statement_piece(s->content)},
                           {ctx->paper, "Statement preview " + number});
}

Result<std::filesystem::path> print_issued_statements(
    store::Database& db, int year, const std::vector<long long>& constituent_ids,
    const std::filesystem::path& dir, const std::optional<print::PaperSize>& paper) {
  auto pdf = db.read([&](store::Unit& unit) -> Result<std::string> {
    auto ctx = load_context(unit, year, paper);
    if (!ctx) return ctx.status();
    std::vector<print::Piece> pieces;
    for (long long id : constituent_ids) {
      auto receipt = store::receipts::find(unit, id, ctx->period.year);
      if (!receipt) return receipt.status();
      if (!*receipt) continue;
      auto s = gather(unit, *ctx, id, (*receipt)->receipt_number, (*receipt)->issue_count > 1);
      if (!s) return s.status();
      pieces.push_back(statement_piece(s->content));
    }
    if (pieces.empty()) return std::string();
    return print::render_pdf(pieces, {ctx->paper, "Statements " + std::to_string(year)});
  });
  if (!pdf) return pdf.status();
  if (pdf->empty()) return std::filesystem::path();
  return print::write_private_file(
      dir, "statements-" + std::to_string(year) + "-" + print::file_timestamp(), "pdf", *pdf);
}

Result<StatementRun> issue_statements(store::Database& db, const store::Actor& actor,
                                      const StatementOptions& options, const DeliverFn& deliver) {
  auto setup =
      db.write(actor, [&](store::Unit& unit) -> Result<std::pair<Context, std::vector<long long>>> {
        if (auto installed = install_starter_templates(unit); !installed) return installed.status();
        auto ctx = load_context(unit, options.year, options.paper);
        if (!ctx) return ctx.status();
        auto donors = store::statement_queries::donors(unit, ctx->period.from, ctx->period.to,
                                                       options.constituent_id);
        if (!donors) return donors.status();
        return std::make_pair(*ctx, *donors);
      });
  if (!setup) return setup.status();
  const Context& ctx = setup->first;
  StatementRun run;
  run.period = ctx.period;

  if (!options.send) {
    for (long long id : setup->second) {
      auto outcome = db.read([&](store::Unit& unit) -> Result<StatementOutcome> {
        auto existing = store::receipts::find(unit, id, ctx.period.year);
        if (!existing) return existing.status();
        auto s = gather(unit, ctx, id, "", false);
        if (!s) return s.status();
        StatementOutcome o;
        o.constituent_id = id;
        o.donor_name = s->donor.display_name;
        o.receipt_number = *existing ? (*existing)->receipt_number : "new";
        o.replacement = existing->has_value();
        o.gift_count = statement_gift_count(s->content.gifts);
        o.totals = statement_totals(s->content.gifts, s->content.language);
        o.channel = can_email(s->donor) && s->tmpl ? "email" : "print";
        o.address = o.channel == "email" ? *s->donor.email : "";
        bool unsent =
            *existing && (*existing)->email_state &&
            (*(*existing)->email_state == "deferred" || *(*existing)->email_state == "rejected");
        o.state = *existing && !options.reissue && !unsent ? "skipped" : "would_issue";
        if (o.state == "skipped") o.detail = "already issued (use reissue for a replacement)";
        if (unsent && !options.reissue)
          o.detail = "email again (last try " + *(*existing)->email_state + ")";
        return o;
      });
      if (!outcome) return outcome.status();
      run.outcomes.push_back(*outcome);
    }
    return run;
  }

  std::vector<print::Piece> to_print;
  MailerHealth mailer;
  for (long long id : setup->second) {
    if (options.exclude_constituents.count(id) > 0) continue;
    if (options.stop_requested && options.stop_requested()) {
      run.stopped = true;
      break;
    }
    std::filesystem::path written;
    auto issued = db.write(actor, [&](store::Unit& unit) -> Result<Issued> {
      auto one = issue_one(unit, ctx, id, options, written);
      if (one && !one->message && options.on_outcome) {
        if (Status s = options.on_outcome(unit, one->outcome); !s) return s;
      }
      return one;
    });
    if (!issued) {
      if (!written.empty()) {
        std::error_code ec;
        std::filesystem::remove(written, ec);
      }
      // A setting the whole run needs (mail.from) stops it; a problem with one donor does not.
      if (issued.status().message().rfind("mail.from", 0) == 0) return issued.status();
      StatementOutcome o;
      o.constituent_id = id;
      o.state = "skipped";
      o.detail = issued.status().message();
      run.outcomes.push_back(o);
      if (options.on_outcome) {
        Status noted = db.write(actor, [&](store::Unit& u) { return options.on_outcome(u, o); });
        if (!noted) return noted;
      }
      continue;
    }
    if (issued->outcome.channel == "print" && issued->outcome.state == "printed") {
      to_print.push_back(std::move(issued->piece));
    }
    if (!issued->message) {
      run.outcomes.push_back(issued->outcome);
      continue;
    }
    sdk::RecipientStatus status{issued->outcome.address, sdk::DeliveryState::kDeferred, ""};
    if (mailer.down) {
      status.reply = mailer.problem;
    } else {
      status = delivery_status(deliver(*issued->message), issued->outcome.address, mailer);
    }
    const std::string state = sdk::delivery_state_name(status.state);
    StatementOutcome o = issued->outcome;
    o.state = mailer.down && status.reply == mailer.problem ? "not_attempted" : state;
    o.detail = status.reply;
    Status recorded = db.write(actor, [&](store::Unit& unit) -> Status {
      if (auto s = store::mail_messages::finish(unit, issued->log_id, state, status.reply); !s) {
        return s;
      }
      if (auto s = store::receipts::finish_email(unit, issued->receipt_id, state); !s) return s;
      return options.on_outcome ? options.on_outcome(unit, o) : Status::ok();
    });
    if (!recorded) o.detail = "sent, but recording failed: " + recorded.message();
    run.outcomes.push_back(o);
  }
  if (!to_print.empty() && options.combined_print) {
    auto pdf =
        print::render_pdf(to_print, {ctx.paper, "Statements " + std::to_string(ctx.period.year)});
    if (!pdf) return pdf.status();
    auto path = print::write_private_file(
        options.dir,
        "statements-" + std::to_string(ctx.period.year) + "-" + print::file_timestamp(), "pdf",
        *pdf);
    if (!path) return path.status();
    run.print_path = *path;
    run.printed = static_cast<int>(to_print.size());
  }
  return run;
}

}  // namespace steward::engine

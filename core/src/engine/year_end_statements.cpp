// Issuing receipts and year-end statements: a number per donor, the statement PDF, emailed or
// printed (year_end_statements.hpp). The dry run is statement_dry_run.cpp; PDFs of statements
// already issued, statement_printing.cpp.
#include "engine/year_end_statements.hpp"

#include <limits>

#include "engine/mail_delivery.hpp"
#include "engine/mail_ids.hpp"
#include "engine/mail_render.hpp"
#include "engine/mail_starter_templates.hpp"
#include "engine/statement_gather.hpp"
#include "print/private_file.hpp"
#include "store/mail_message_repository.hpp"
#include "store/receipt_repository.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine {
namespace {

using statements::can_email;
using statements::Context;
using statements::gather;
using statements::load_context;

// One donor, sending: everything up to the mailer, in the caller's write unit.
struct Issued {
  StatementOutcome outcome;
  std::optional<sdk::MailMessage> message;
  print::Piece piece;
  long long receipt_id = 0;
  long long log_id = 0;
};

Result<Issued> issue_one(store::Unit& unit, const Context& ctx, long long constituent_id,
                         const StatementOptions& options, print::PendingFile& written) {
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
  // Named only once the unit (the receipt) has committed (decision 0220).
  auto pending =
      print::PendingFile::write(options.dir, "statement-" + receipt->receipt_number, "pdf", *pdf);
  if (!pending) return pending.status();
  written = std::move(*pending);
  out.outcome.pdf_path = written.final_path();

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
  std::string id = new_message_id("statement", receipt->id, ctx.settings.from);
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
    // Every donor listed (a caller that wants it quick asks preview_statements for a sample).
    auto preview = preview_statements(db, actor, options, std::numeric_limits<int>::max());
    if (!preview) return preview.status();
    run.outcomes = std::move(preview->sample);
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
    print::PendingFile written;  // removed unless the unit commits
    auto issued = db.write(actor, [&](store::Unit& unit) -> Result<Issued> {
      auto one = issue_one(unit, ctx, id, options, written);
      if (one && !one->message && options.on_outcome) {
        if (Status s = options.on_outcome(unit, one->outcome); !s) return s;
      }
      return one;
    });
    if (issued) {
      if (Status named = written.publish(); !named) return named;
    } else {
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

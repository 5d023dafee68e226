#include "engine/tribute_notices.hpp"

#include "engine/mail_delivery.hpp"
#include "engine/mail_ids.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_render.hpp"
#include "engine/mail_starter_templates.hpp"
#include "print/private_file.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/tribute_notice_repository.hpp"

namespace steward::engine {
namespace {

using store::tribute_notices::DueNotice;

struct Rendered {
  std::string language;
  long long template_id = 0;
  RenderedMail mail;
  store::mail_queries::DonorRow notify;
};

// The tribute template in the notified person's language, with notify.* merged in.
Result<Rendered> render_notice(store::Unit& unit, const DueNotice& d) {
  auto notify = store::mail_queries::donor(unit, d.notify_id);
  if (!notify) return notify.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  auto tmpl = store::mail_templates::for_kind(unit, "tribute", donor_language(*notify, *settings));
  if (!tmpl) return tmpl.status();
  if (!*tmpl) return Status::not_found("no active tribute template");
  auto fields = merge_fields(unit, {d.donor_id, d.gift_id, std::nullopt}, (*tmpl)->language);
  if (!fields) return fields.status();
  const std::string name = one_line(notify->display_name);
  const std::string addressee = notify->addressee.value_or(name);
  std::string salutation;
  if (notify->salutation) {
    salutation = *notify->salutation;
  } else {
    salutation = (*tmpl)->language == "ko" ? name + " 님께" : "Dear " + name;
  }
  (*fields)["notify"] = {{"name", name}, {"addressee", addressee}, {"salutation", salutation}};
  auto rendered = render_mail(**tmpl, *fields);
  if (!rendered) return rendered.status();
  return Rendered{(*tmpl)->language, (*tmpl)->id, std::move(*rendered), std::move(*notify)};
}

TributeNoticeOutcome outcome_for(const DueNotice& d, const std::string& channel) {
  TributeNoticeOutcome o;
  o.gift_id = d.gift_id;
  o.notify_id = d.notify_id;
  o.notify_name = d.notify_name;
  o.donor_name = d.donor_name;
  o.channel = channel;
  return o;
}

bool tribute_by_email(const DueNotice& d) {
  return !d.notify_do_not_email && d.notify_email && !d.notify_email->empty();
}

struct PreparedEmail {
  TributeNoticeOutcome outcome;
  sdk::MailMessage message;
  long long log_id = 0;
  bool ready = false;
};

// Claim and compose one email (its own unit when sending; `claim` false for a dry run).
Result<PreparedEmail> prepare_email(store::Unit& unit, const DueNotice& item, bool claim,
                                    const std::string& mailer_id) {
  PreparedEmail p;
  p.outcome = outcome_for(item, "email");
  // Re-read at the last moment: recorded meanwhile, or the person opted out of email.
  auto fresh = store::tribute_notices::due(unit, {std::nullopt, item.gift_id, 1, {}});
  if (!fresh) return fresh.status();
  if (fresh->empty()) {
    p.outcome.state = "skipped";
    p.outcome.detail = "already notified";
    return p;
  }
  const DueNotice& d = fresh->front();
  if (!tribute_by_email(d)) {
    p.outcome.state = "skipped";
    p.outcome.detail = "can no longer be emailed: a letter next run";
    return p;
  }
  if (d.in_flight) {
    p.outcome.state = "skipped";
    p.outcome.detail = "a notification is already sending (outcome unknown)";
    return p;
  }
  auto r = render_notice(unit, d);
  if (!r) return r.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  p.outcome.address = *d.notify_email;
  p.outcome.language = r->language;
  p.message.from = settings->from;
  p.message.to = {one_line(d.notify_name) + " <" + *d.notify_email + ">"};
  p.message.subject = r->mail.subject;
  p.message.text = r->mail.text;
  p.message.html = r->mail.html;
  const std::string message_id = new_message_id("tribute", d.gift_id, settings->from);
  p.message.headers = {{"Message-ID", message_id}};
  p.ready = true;
  if (!claim) {
    p.outcome.state = "would_send";
    return p;
  }
  store::mail_messages::MailMessageInput log;
  log.purpose = "tribute";
  log.template_id = r->template_id;
  log.constituent_id = d.notify_id;
  log.gift_id = d.gift_id;
  log.address = *d.notify_email;
  log.subject = r->mail.subject;
  log.message_id = message_id;
  log.mailer = mailer_id;
  auto id = store::mail_messages::claim(unit, log);
  if (!id && id.status().code() == StatusCode::kConflict) {
    p.ready = false;
    p.outcome.state = "skipped";
    p.outcome.detail = "another run is notifying this gift";
    return p;
  }
  if (!id) return id.status();
  p.log_id = *id;
  return p;
}

Status record_email(store::Unit& unit, const PreparedEmail& p, const DueNotice& d,
                    const sdk::RecipientStatus& status) {
  const std::string state = sdk::delivery_state_name(status.state);
  if (auto s = store::mail_messages::finish(unit, p.log_id, state, status.reply); !s) return s;
  if (status.state != sdk::DeliveryState::kAccepted) return Status::ok();
  return store::tribute_notices::record(unit, d.gift_id, d.notify_id, "email", p.log_id, "");
}

print::Piece letter_piece(const Rendered& r, const store::mail_settings::MailSettings& settings,
                          const std::string& org_name) {
  print::Piece piece;
  if (!org_name.empty()) piece.return_address.push_back(org_name);
  for (const auto& line : text_lines(settings.org_address)) piece.return_address.push_back(line);
  piece.recipient.push_back(r.notify.addressee.value_or(one_line(r.notify.display_name)));
  for (const auto& line : r.notify.address_lines) piece.recipient.push_back(line);
  piece.blocks = print::paragraphs_from_text(r.mail.text);
  return piece;
}

}  // namespace

int TributeNoticeRun::count(const std::string& state) const {
  int n = 0;
  for (const auto& o : outcomes) n += o.state == state ? 1 : 0;
  return n;
}

Result<TributeNoticeRun> send_tribute_notices(store::Database& db, const store::Actor& actor,
                                              const TributeNoticeOptions& options,
                                              const DeliverFn& deliver) {
  const store::tribute_notices::DueFilter filter{options.since, options.gift_id, options.limit,
                                                 options.after};
  auto queue = db.write(actor, [&](store::Unit& unit) -> Result<std::vector<DueNotice>> {
    if (auto installed = install_starter_templates(unit); !installed) return installed.status();
    return store::tribute_notices::due(unit, filter);
  });
  if (!queue) return queue.status();
  TributeNoticeRun run;
  if (!queue->empty() && static_cast<int>(queue->size()) >= options.limit) {
    run.next = store::QueueCursor{queue->back().received_on, queue->back().gift_id};
  }
  std::set<long long> page;  // the letters part handles this page's gifts only
  for (const auto& d : *queue) page.insert(d.gift_id);

  // Emails, one at a time.
  MailerHealth mailer{!deliver, deliver ? "" : "no mailer available"};
  auto note = [&](const TributeNoticeOutcome& o) -> Status {
    run.outcomes.push_back(o);
    if (!options.send || !options.on_outcome) return Status::ok();
    return db.write(actor, [&](store::Unit& u) { return options.on_outcome(u, o); });
  };
  for (const auto& d : *queue) {
    if (d.donor_restricted || !tribute_by_email(d)) continue;
    if (options.exclude_gifts.count(d.gift_id) > 0) continue;
    if (mailer.down && options.send) {
      auto o = outcome_for(d, "email");
      o.state = "not_attempted";
      o.detail = mailer.problem;
      if (Status s = note(o); !s) return s;
      continue;
    }
    if (options.send && options.stop_requested && options.stop_requested()) {
      run.stopped = true;
      return run;
    }
    auto prepared =
        options.send
            ? db.write(actor,
                       [&](store::Unit& u) { return prepare_email(u, d, true, options.mailer_id); })
            : db.read(
                  [&](store::Unit& u) { return prepare_email(u, d, false, options.mailer_id); });
    if (!prepared) {
      auto o = outcome_for(d, "email");
      o.state = "skipped";
      o.detail = prepared.status().message();
      if (Status s = note(o); !s) return s;
      continue;
    }
    if (!options.send || !prepared->ready) {
      if (Status s = note(prepared->outcome); !s) return s;
      continue;
    }
    const sdk::RecipientStatus status =
        delivery_status(deliver(prepared->message), prepared->outcome.address, mailer);
    TributeNoticeOutcome o = prepared->outcome;
    o.state = sdk::delivery_state_name(status.state);
    o.detail = status.reply;
    Status recorded = db.write(actor, [&](store::Unit& u) -> Status {
      if (Status s = record_email(u, *prepared, d, status); !s) return s;
      return options.on_outcome ? options.on_outcome(u, o) : Status::ok();
    });
    if (!recorded) o.detail = "sent, but recording failed: " + recorded.message();
    run.outcomes.push_back(o);
  }

  // Letters (and the restricted donors' gifts, listed), in one unit with the PDF.
  print::PendingFile pdf_file;  // named only once the unit has committed (decision 0220)
  auto letters = [&](store::Unit& unit) -> Result<TributeNoticeRun> {
    TributeNoticeRun part;
    auto settings = store::mail_settings::get(unit);
    if (!settings) return settings.status();
    auto org = store::settings::get(unit);
    if (!org) return org.status();
    auto chosen_paper = print::paper_size_or_setting(options.paper, settings->paper_size);
    if (!chosen_paper) return chosen_paper.status();
    const print::PaperSize paper = *chosen_paper;
    const std::string file = "letters-tribute-" + print::file_timestamp();
    auto fresh = store::tribute_notices::due(unit, filter);
    if (!fresh) return fresh.status();
    std::vector<print::Piece> pieces;
    for (const auto& d : *fresh) {
      if (options.exclude_gifts.count(d.gift_id) > 0 || page.count(d.gift_id) == 0) continue;
      if (d.donor_restricted) {
        auto o = outcome_for(d, tribute_by_email(d) ? "email" : "letter");
        o.state = "skipped";
        o.detail = "the donor is restricted: notify by hand if it is safe";
        part.outcomes.push_back(o);
        continue;
      }
      if (tribute_by_email(d)) continue;
      auto o = outcome_for(d, "letter");
      auto r = render_notice(unit, d);
      if (!r) {
        o.state = "skipped";
        o.detail = r.status().message();
        part.outcomes.push_back(o);
        continue;
      }
      o.language = r->language;
      if (options.send) {
        Status rec = store::tribute_notices::record(unit, d.gift_id, d.notify_id, "letter",
                                                    std::nullopt, file + ".pdf");
        if (!rec) return rec;
      }
      o.state = options.send ? "printed" : "would_print";
      if (r->notify.address_lines.empty()) o.detail = "no postal address";
      pieces.push_back(letter_piece(*r, *settings, org->organization_name));
      part.outcomes.push_back(o);
    }
    part.letters = static_cast<int>(pieces.size());
    auto hook = [&]() -> Status {
      return options.send && options.on_printed ? options.on_printed(unit, part) : Status::ok();
    };
    if (pieces.empty()) {
      if (Status s = hook(); !s) return s;
      return part;
    }
    auto pdf = print::render_pdf(pieces, {paper, "Tribute notifications"});
    if (!pdf) return pdf.status();
    part.pdf = std::move(*pdf);
    if (options.send) {
      auto pending = print::PendingFile::write(options.dir, file, "pdf", part.pdf);
      if (!pending) return pending.status();
      pdf_file = std::move(*pending);
      part.path = pdf_file.final_path();
    }
    if (Status s = hook(); !s) return s;
    return part;
  };
  auto printed = options.send ? db.write(actor, letters) : db.read(letters);
  if (!printed) return printed.status();  // rolled back, nothing recorded: pdf_file removes it
  if (Status s = pdf_file.publish(); !s) return s;
  for (auto& o : printed->outcomes) run.outcomes.push_back(std::move(o));
  run.letters = printed->letters;
  run.path = printed->path;
  run.pdf = std::move(printed->pdf);
  return run;
}

}  // namespace steward::engine

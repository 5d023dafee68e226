#include "engine/thank_you_sender.hpp"

#include "engine/mail_delivery.hpp"
#include "engine/mail_ids.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_starter_templates.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"

namespace steward::engine {
namespace {

struct PreparedThankYou {
  ThankYouOutcome outcome;
  sdk::MailMessage message;
  long long log_id = 0;
  bool ready = false;  // a message to send
};

// Step 1 (see the header), in the caller's unit. `claim` false for a dry run.
Result<PreparedThankYou> thank_you_prepare(store::Unit& unit, const AckItem& item, bool claim,
                                           const std::string& mailer_id) {
  PreparedThankYou p;
  p.outcome.gift_id = item.gift.gift_id;
  p.outcome.constituent_id = item.gift.constituent_id;
  p.outcome.donor_name = item.gift.donor_name;
  p.outcome.personal_call = item.personal_call;
  p.outcome.channel = "email";
  // Re-read: the gift may have been thanked, the donor may have asked not to be emailed.
  store::mail_queries::AckQueueFilter just_this;
  just_this.gift_id = item.gift.gift_id;
  just_this.limit = 1;
  auto fresh = store::mail_queries::ack_queue(unit, just_this);
  if (!fresh) return fresh.status();
  if (fresh->empty()) {
    p.outcome.state = "skipped";
    p.outcome.detail = "already acknowledged";
    return p;
  }
  const auto& row = fresh->front();
  if (row.do_not_email || !row.email || row.email->empty()) {
    p.outcome.channel = "letter";
    p.outcome.state = "letter";
    p.outcome.detail = row.do_not_email ? "do not email" : "no email address";
    return p;
  }
  if (row.in_flight) {
    p.outcome.state = "skipped";
    p.outcome.detail = "a thank-you is already sending (outcome unknown)";
    return p;
  }
  auto donor = store::mail_queries::donor(unit, row.constituent_id);
  if (!donor) return donor.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  std::string language = donor_language(*donor, *settings);
  auto tmpl = store::mail_templates::for_kind(unit, "thank_you_email", language);
  if (!tmpl) return tmpl.status();
  if (!*tmpl) {
    p.outcome.state = "skipped";
    p.outcome.detail = "no active thank_you_email template";
    return p;
  }
  auto fields =
      merge_fields(unit, {row.constituent_id, row.gift_id, std::nullopt}, (*tmpl)->language);
  if (!fields) return fields.status();
  auto rendered = render_mail(**tmpl, *fields);
  if (!rendered) return rendered.status();

  p.outcome.address = *row.email;
  p.outcome.language = (*tmpl)->language;
  p.outcome.subject = rendered->subject;
  p.message.from = settings->from;
  p.message.to = {one_line(donor->display_name) + " <" + *row.email + ">"};
  p.message.subject = rendered->subject;
  p.message.text = rendered->text;
  p.message.html = rendered->html;
  std::string message_id = new_message_id("thank-you", row.gift_id, settings->from);
  p.message.headers = {{"Message-ID", message_id}};
  p.ready = true;
  if (!claim) {
    p.outcome.state = "would_send";
    return p;
  }
  store::mail_messages::MailMessageInput log;
  log.purpose = "thank_you";
  log.template_id = (*tmpl)->id;
  log.constituent_id = row.constituent_id;
  log.gift_id = row.gift_id;
  log.address = *row.email;
  log.subject = rendered->subject;
  log.message_id = message_id;
  log.mailer = mailer_id;
  auto id = store::mail_messages::claim(unit, log);
  if (!id) return id.status();
  p.log_id = *id;
  return p;
}

// Step 3: the mailer's answer for the one recipient.
Status thank_you_record(store::Unit& unit, const PreparedThankYou& p,
                        const sdk::RecipientStatus& status) {
  const std::string state = sdk::delivery_state_name(status.state);
  if (auto s = store::mail_messages::finish(unit, p.log_id, state, status.reply); !s) return s;
  if (status.state == sdk::DeliveryState::kAccepted) {
    auto marked = store::mail_queries::mark_acknowledged(unit, p.outcome.gift_id, "email");
    if (!marked) return marked.status();
  }
  return Status::ok();
}

}  // namespace

int ThankYouReport::count(const std::string& state) const {
  int n = 0;
  for (const auto& o : outcomes) n += o.state == state ? 1 : 0;
  return n;
}

Result<ThankYouReport> send_thank_yous(store::Database& db, const store::Actor& actor,
                                       const ThankYouOptions& options, const DeliverFn& deliver) {
  auto queue = db.write(actor, [&](store::Unit& unit) -> Result<std::vector<AckItem>> {
    if (auto installed = install_starter_templates(unit); !installed) return installed.status();
    auto queue = ack_queue(unit, options.rule);
    if (!queue) return queue.status();
    bool emails = false;
    for (const auto& item : *queue) emails = emails || item.channel == AckChannel::kEmail;
    if (options.send && emails) {  // a run of letters only needs no sender
      auto settings = store::mail_settings::get(unit);
      if (!settings) return settings.status();
      if (settings->from.empty()) {
        return Status::invalid_field(
            "mail.from", "is not set: the sender, e.g. \"New Hope <office@example.org>\"");
      }
    }
    return queue;
  });
  if (!queue) return queue.status();

  ThankYouReport report;
  report.next = next_page(*queue, options.rule.limit);
  MailerHealth mailer;
  // Outcomes decided without a write (skipped, not attempted) reach the hook in a unit of
  // their own.
  auto note = [&](const ThankYouOutcome& o) -> Status {
    report.outcomes.push_back(o);
    if (!options.send || !options.on_outcome) return Status::ok();
    return db.write(actor, [&](store::Unit& u) { return options.on_outcome(u, o); });
  };
  for (const auto& item : *queue) {
    if (options.exclude_gifts.count(item.gift.gift_id) > 0) continue;
    if (item.channel == AckChannel::kLetter) {
      ThankYouOutcome o;
      o.gift_id = item.gift.gift_id;
      o.constituent_id = item.gift.constituent_id;
      o.donor_name = item.gift.donor_name;
      o.channel = "letter";
      o.state = "letter";
      o.detail = item.reason;
      o.personal_call = item.personal_call;
      report.outcomes.push_back(o);
      continue;
    }
    if (mailer.down) {
      ThankYouOutcome o;
      o.gift_id = item.gift.gift_id;
      o.constituent_id = item.gift.constituent_id;
      o.donor_name = item.gift.donor_name;
      o.channel = "email";
      o.state = "not_attempted";
      o.detail = mailer.problem;
      o.personal_call = item.personal_call;
      if (Status s = note(o); !s) return s;
      continue;
    }
    if (options.send && options.stop_requested && options.stop_requested()) {
      report.stopped = true;
      break;
    }
    Result<PreparedThankYou> prepared =
        options.send ? db.write(actor,
                                [&](store::Unit& unit) {
                                  return thank_you_prepare(unit, item, true, options.mailer_id);
                                })
                     : db.read([&](store::Unit& unit) {
                         return thank_you_prepare(unit, item, false, options.mailer_id);
                       });
    if (!prepared) {
      ThankYouOutcome o;
      o.gift_id = item.gift.gift_id;
      o.constituent_id = item.gift.constituent_id;
      o.donor_name = item.gift.donor_name;
      o.channel = "email";
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
    ThankYouOutcome o = prepared->outcome;
    o.state = sdk::delivery_state_name(status.state);
    o.detail = status.reply;
    Status recorded = db.write(actor, [&](store::Unit& unit) -> Status {
      if (Status s = thank_you_record(unit, *prepared, status); !s) return s;
      return options.on_outcome ? options.on_outcome(unit, o) : Status::ok();
    });
    if (!recorded) o.detail = "sent, but recording failed: " + recorded.message();
    report.outcomes.push_back(o);
  }
  return report;
}

Result<MailPreview> preview_mail(store::Unit& unit, long long constituent_id,
                                 std::optional<long long> gift_id,
                                 const std::optional<std::string>& template_name,
                                 const std::optional<std::string>& language) {
  auto donor = store::mail_queries::donor(unit, constituent_id);
  if (!donor) return donor.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  std::string lang = language.value_or(donor_language(*donor, *settings));
  std::optional<domain::MailTemplate> tmpl;
  if (template_name) {
    auto found = store::mail_templates::current(unit, *template_name, lang);
    if (!found && language) return found.status();
    if (!found) found = store::mail_templates::current(unit, *template_name, "en");
    if (!found) return found.status();
    tmpl = *found;
  } else {
    auto found = store::mail_templates::for_kind(unit, "thank_you_email", lang);
    if (!found) return found.status();
    if (!*found) return Status::not_found("no active thank_you_email template");
    tmpl = **found;
  }
  if (!gift_id) {
    auto latest = store::mail_queries::latest_gift_id(unit, constituent_id);
    if (!latest) return latest.status();
    gift_id = *latest;
  }
  auto fields = merge_fields(unit, {constituent_id, gift_id, std::nullopt}, tmpl->language);
  if (!fields) return fields.status();
  auto rendered = render_mail(*tmpl, *fields);
  if (!rendered) return rendered.status();
  return MailPreview{tmpl->id, tmpl->version, tmpl->language, *fields, *rendered};
}

}  // namespace steward::engine

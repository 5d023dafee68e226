// steward mail ack-queue [--since D] [--personal-call-minor N] [--overdue] [--json]
// steward mail thank (--dry-run | --send) [--since D] [--gift ID] [--mailer ID]
//                    [--letters-dir DIR] [--paper letter|a4] [--json]
// The acknowledgment queue, sending thank-you emails through the enabled mailer plugin, and
// printing letters (one PDF per run) for donors who cannot be emailed.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_mail.hpp"
#include "app/mail_run_cli.hpp"
#include "engine/ack_queue.hpp"
#include "engine/mail_format.hpp"
#include "engine/thank_dry_run.hpp"
#include "engine/thank_you_letters.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/tribute_notices.hpp"
#include "plugins/plugin_service.hpp"
#include "store/mail_settings.hpp"

namespace steward::app {
namespace {

nlohmann::json letter_json(const engine::LetterOutcome& l) {
  return {{"gift_id", l.gift_id},
          {"constituent_id", l.constituent_id},
          {"donor", l.donor_name},
          {"channel", "letter"},
          {"language", l.language},
          {"state", l.state},
          {"reason", l.reason},
          {"detail", l.detail},
          {"personal_call", l.personal_call}};
}

nlohmann::json outcome_json(const engine::ThankYouOutcome& o) {
  return {{"gift_id", o.gift_id},  {"constituent_id", o.constituent_id},
          {"donor", o.donor_name}, {"channel", o.channel},
          {"address", o.address},  {"language", o.language},
          {"subject", o.subject},  {"state", o.state},
          {"detail", o.detail},    {"personal_call", o.personal_call}};
}

// What a dry run would do: the rendered sample, then the counts over everything.
void print_thank_dry_run(const engine::ThankDryRun& dry, bool as_json) {
  const engine::ThankCounts& c = dry.counts;
  if (as_json) {
    nlohmann::json out = {{"counts", c.to_json()},
                          {"sample_limit", dry.sample_limit},
                          {"messages", nlohmann::json::array()},
                          {"letters", nlohmann::json::array()},
                          {"tribute_notifications", nlohmann::json::array()}};
    for (const auto& o : dry.messages.outcomes) {
      if (o.channel != "letter") out["messages"].push_back(outcome_json(o));
    }
    for (const auto& l : dry.letters.outcomes) out["letters"].push_back(letter_json(l));
    for (const auto& t : dry.tributes.outcomes) {
      out["tribute_notifications"].push_back({{"gift_id", t.gift_id},
                                              {"notify", t.notify_name},
                                              {"channel", t.channel},
                                              {"address", t.address},
                                              {"state", t.state},
                                              {"detail", t.detail}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& t : dry.tributes.outcomes) {
    std::cout << fmt::format("gift {:<6} tribute notice to {:<20} {:<13} {}{}\n", t.gift_id,
                             t.notify_name, t.state, t.address.empty() ? "" : t.address + "  ",
                             t.detail);
  }
  for (const auto& l : dry.letters.outcomes) {
    std::cout << fmt::format("gift {:<6} {:<24} {:<13} letter ({}){}{}\n", l.gift_id, l.donor_name,
                             l.state, l.reason, l.detail.empty() ? "" : "  " + l.detail,
                             l.personal_call ? "  [personal call]" : "");
  }
  for (const auto& o : dry.messages.outcomes) {
    if (o.channel == "letter") continue;
    std::cout << fmt::format("gift {:<6} {:<24} {:<13} {}{}{}\n", o.gift_id, o.donor_name, o.state,
                             o.address.empty() ? "" : o.address + "  ", o.detail,
                             o.personal_call ? "  [personal call]" : "");
  }
  if (c.total() > dry.sample_limit) {
    std::cout << fmt::format("(the first {} of each list shown; all {} counted)\n",
                             dry.sample_limit, c.total());
  }
  std::cout << fmt::format(
      "dry run: {} would be sent, {} for a letter, {} tribute notice(s) by email, {} by letter, "
      "{} skipped\n",
      c.emails, c.letters, c.tribute_emails, c.tribute_letters, c.skipped_total());
}

long long count_state(const nlohmann::json& items, const std::string& state) {
  long long n = 0;
  for (const auto& i : items) n += i.value("state", std::string()) == state ? 1 : 0;
  return n;
}

// What a thank-you run did (engine::mail_runs::run_json), as `thank --send` always printed it.
void print_thank_run(const nlohmann::json& run, bool as_json) {
  const auto& tributes = run["tribute_notifications"];
  const auto& letters = run["letters"];
  const auto& messages = run["messages"];
  const std::string letters_pdf = run.value("letters_pdf", std::string());
  const std::string tribute_pdf = run.value("tribute_letters_pdf", std::string());
  if (as_json) {
    nlohmann::json out = nlohmann::json::array();
    for (auto m : messages) {
      m["channel"] = "email";
      out.push_back(m);
    }
    for (auto l : letters) {
      l["channel"] = "letter";
      if (l["state"] == "printed") l["letters_pdf"] = letters_pdf;
      out.push_back(l);
    }
    for (auto t : tributes) {
      t["tribute_notification"] = true;
      if (t["state"] == "printed") t["letters_pdf"] = tribute_pdf;
      out.push_back(t);
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& t : tributes) {
    const std::string address = t.value("address", std::string());
    std::cout << fmt::format("gift {:<6} tribute notice to {:<20} {:<13} {}{}\n",
                             t["gift_id"].get<long long>(), t["notify"].get<std::string>(),
                             t["state"].get<std::string>(), address.empty() ? "" : address + "  ",
                             t["detail"].get<std::string>());
  }
  if (!tribute_pdf.empty()) {
    std::cout << fmt::format("tribute letters: {} printed to {}\n",
                             count_state(tributes, "printed"), tribute_pdf);
  }
  for (const auto& l : letters) {
    const std::string detail = l["detail"].get<std::string>();
    std::cout << fmt::format("gift {:<6} {:<24} {:<13} letter ({}){}{}\n",
                             l["gift_id"].get<long long>(), l["donor"].get<std::string>(),
                             l["state"].get<std::string>(), l["reason"].get<std::string>(),
                             detail.empty() ? "" : "  " + detail,
                             l["personal_call"].get<bool>() ? "  [personal call]" : "");
  }
  for (const auto& m : messages) {
    const std::string address = m["address"].get<std::string>();
    std::cout << fmt::format("gift {:<6} {:<24} {:<13} {}{}{}\n", m["gift_id"].get<long long>(),
                             m["donor"].get<std::string>(), m["state"].get<std::string>(),
                             address.empty() ? "" : address + "  ", m["detail"].get<std::string>(),
                             m["personal_call"].get<bool>() ? "  [personal call]" : "");
  }
  std::cout << fmt::format(
      "sent: {} accepted, {} rejected, {} deferred, {} for a letter, {} skipped\n",
      count_state(messages, "accepted"), count_state(messages, "rejected"),
      count_state(messages, "deferred"), letters.size(), count_state(messages, "skipped"));
  if (!letters_pdf.empty()) {
    std::cout << fmt::format("letters: {} printed to {}\n", count_state(letters, "printed"),
                             letters_pdf);
  }
  std::cout << fmt::format("run {}: {}\n", run["id"].get<long long>(),
                           run["status"].get<std::string>());
}

}  // namespace

// The mailer plugin to use: --mailer, else mail.mailer, else the only enabled mailer.
std::string choose_mailer(Context& ctx, store::Database& db, const std::string& flag) {
  if (!flag.empty()) return flag;
  auto settings = db.read([](store::Unit& u) { return store::mail_settings::get(u); });
  if (!settings) stop(settings.status());
  if (!settings->mailer.empty()) return settings->mailer;
  auto records = db.read([](store::Unit& u) { return store::plugin_records::list(u); });
  if (!records) stop(records.status());
  std::vector<std::string> enabled;
  for (const auto& r : *records) {
    if (r.kind == "mailer" && r.enabled) enabled.push_back(r.plugin_id);
  }
  if (enabled.size() == 1) return enabled.front();
  (void)ctx;
  stop(Status::invalid_field(
      "mailer", enabled.empty()
                    ? "no mailer plugin is enabled (steward plugins enable org.steward.mail.file)"
                    : "several mailers are enabled: choose one with --mailer or mail.mailer"));
}

std::unique_ptr<plugins::PluginHandle> open_mailer(Context& ctx, store::Database& db,
                                                   const std::string& mailer_id) {
  plugins::IsolationOptions iso;
  iso.timeout_ms = ctx.config.plugin_timeout_ms;
  auto opened = db.write(ctx.actor(), [&](store::Unit& u) {
    return plugins::open_plugin(u, std::filesystem::path(ctx.config.plugin_dir), mailer_id, iso);
  });
  if (!opened) stop(opened.status());
  return std::move(*opened);
}

namespace {

void add_ack_queue(CLI::App& mail, Context& ctx) {
  auto* cmd = mail.add_subcommand("ack-queue", "Gifts waiting for a thank-you, and how to send it");
  struct Args {
    std::string since;
    long long threshold = -1;
    bool overdue = false;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--since", a->since, "only gifts received on or after YYYY-MM-DD");
  cmd->add_option("--personal-call-minor", a->threshold,
                  "flag gifts at or above this base amount in minor units (default: setting)");
  cmd->add_flag("--overdue", a->overdue,
                "only gifts past their deadline (mail.thank_within_hours after the day received)");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    auto& db = open_database(ctx);
    engine::AckRule rule;
    if (!a->since.empty()) rule.since = a->since;
    if (a->threshold >= 0) rule.personal_call_minor = a->threshold;
    rule.overdue_only = a->overdue;
    auto answer = db.read([&](store::Unit& u) { return engine::ack_queue_answer(u, rule); });
    if (!answer) stop(answer.status());
    if (a->json) {
      std::cout << answer->to_json().dump(2) << "\n";
      return;
    }
    const auto& queue = answer->items;
    const engine::AckSummary& summary = answer->summary;
    int emails = 0;
    int letters = 0;
    int calls = 0;
    for (const auto& item : queue) {
      std::string how = item.channel == engine::AckChannel::kEmail
                            ? "email " + item.gift.email.value_or("")
                            : "letter (" + item.reason + ")";
      std::cout << fmt::format(
          "gift {:<6} {}  {:<24} {:>14}  {}{}{}\n", item.gift.gift_id, item.gift.received_on,
          item.gift.donor_name,
          engine::format_amount({item.gift.amount_minor, item.gift.currency}, "en"), how,
          item.deadline.overdue ? "  [overdue]" : (item.deadline.due_soon ? "  [due soon]" : ""),
          item.personal_call ? "  [personal call]" : "");
      (item.channel == engine::AckChannel::kEmail ? emails : letters) += 1;
      calls += item.personal_call ? 1 : 0;
    }
    if (static_cast<long long>(queue.size()) < summary.total) {
      std::cout << fmt::format("(the first {} of {} shown)\n", queue.size(), summary.total);
    }
    std::cout << fmt::format(
        "{} gift(s) listed: {} by email, {} by letter, {} for a personal call\n", queue.size(),
        emails, letters, calls);
    std::cout << fmt::format(
        "{} waiting: {} overdue, {} due within 24 h (thank within {} h of the day received)\n",
        summary.total, summary.overdue, summary.due_soon, summary.thank_within_hours);
  });
}

void add_thank(CLI::App& mail, Context& ctx) {
  auto* cmd = mail.add_subcommand("thank", "Send thank-you emails for the acknowledgment queue");
  struct Args {
    bool dry_run = false, send = false, json = false, background = false;
    std::string since, mailer, letters_dir = "var/letters", paper;
    long long gift = 0;
    int sample = engine::kDefaultSampleLimit;
  };
  auto a = std::make_shared<Args>();
  auto* dry = cmd->add_flag("--dry-run", a->dry_run, "render and list, send nothing");
  auto* send = cmd->add_flag("--send", a->send, "send, and mark the gifts acknowledged");
  dry->excludes(send);
  cmd->add_option("--since", a->since, "only gifts received on or after YYYY-MM-DD");
  cmd->add_option("--gift", a->gift, "only this gift");
  cmd->add_option("--mailer", a->mailer, "the mailer plugin id (default: mail.mailer)");
  cmd->add_option("--letters-dir", a->letters_dir,
                  "where the letters PDF is written (default var/letters)");
  cmd->add_option("--paper", a->paper, "letter or a4 (default: mail.paper_size)");
  cmd->add_option("--sample", a->sample,
                  "with --dry-run: render this many of each list (default 20); all are counted");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->add_flag("--background", a->background,
                "with --send: only queue the run for steward serve (follow it with mail runs)");
  cmd->callback([&ctx, a] {
    if (!a->dry_run && !a->send) stop(Status::invalid_field("send", "say --dry-run or --send"));
    if (a->send) {
      // A mail run (decision 0211): resumable, counted, cancellable; carried out here.
      auto& db = open_database(ctx);
      engine::mail_runs::ThankRequest request;
      if (!a->since.empty()) request.since = a->since;
      if (a->gift > 0) request.gift_id = a->gift;
      request.dir = a->letters_dir;
      if (!a->paper.empty()) request.paper = a->paper;
      auto run = start_mail_run_here(
          ctx, db, [&](store::Unit& u) { return engine::mail_runs::start_thank_run(u, request); },
          a->mailer, a->background);
      if (a->background) {
        std::cout << fmt::format(
            "run {} queued: {} item(s); follow it with: steward mail runs "
            "show {}\n",
            run["id"].get<long long>(), run["total"].get<long long>(), run["id"].get<long long>());
        return;
      }
      print_thank_run(run, a->json);
      return;
    }
    // A dry run: every due gift counted without rendering, the first --sample rendered.
    engine::ThankDryRunRequest request;
    if (!a->since.empty()) request.since = a->since;
    if (a->gift > 0) request.gift_id = a->gift;
    if (!a->paper.empty()) {
      auto parsed = print::parse_paper_size(a->paper, "paper");
      if (!parsed) stop(parsed.status());
      request.paper = *parsed;
    }
    request.sample_limit = a->sample;
    auto& db = open_database(ctx);
    auto dry = engine::thank_dry_run(db, ctx.actor(), request);
    if (!dry) stop(dry.status());
    print_thank_dry_run(*dry, a->json);
  });
}

}  // namespace

void add_mail_send_commands(CLI::App& mail, Context& ctx) {
  add_ack_queue(mail, ctx);
  add_thank(mail, ctx);
}

}  // namespace steward::app

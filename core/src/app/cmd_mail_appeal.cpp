// steward mail appeal preview --appeal ID --segment ID [--template NAME] [--json]
// steward mail appeal send --appeal ID --segment ID [--template NAME] [--mailer ID]
//                          [--rate N] [--now] [--json]
// steward mail appeal status SEND_ID [--json]
// steward mail appeal cancel SEND_ID [--json]
// steward mail appeal results --appeal ID [--json]
// Email appeals to a segment (docs/mail.md, "Appeals"): who it would reach after exclusions,
// sending as a background job ("mail.appeal"; --now runs it here and waits), per-recipient
// states, and what the appeal raised from the people it reached.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_mail.hpp"
#include "app/mail_job_kinds.hpp"
#include "engine/appeal_cancel.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/mail_starter_templates.hpp"
#include "store/appeal_email_results.hpp"
#include "store/appeal_send_repository.hpp"

namespace steward::app {
namespace {

struct AudienceArgs {
  long long appeal = 0;
  long long segment = 0;
  std::string template_name = "appeal";
  bool json = false;
};

void add_audience_options(CLI::App* cmd, AudienceArgs& a) {
  cmd->add_option("--appeal", a.appeal, "the appeal id")->required();
  cmd->add_option("--segment", a.segment, "the segment id")->required();
  cmd->add_option("--template", a.template_name, "the template name (default: appeal)");
  cmd->add_flag("--json", a.json, "print JSON");
}

engine::appeals::AudienceRequest audience_request(const AudienceArgs& a) {
  return {a.appeal, a.segment, a.template_name};
}

void print_exclusions(const engine::appeals::Audience& au) {
  const auto& x = au.excluded;
  std::cout << fmt::format("segment: {} constituent(s)\n", au.segment_count)
            << fmt::format("  restricted         {}\n", x.restricted)
            << fmt::format("  already sent       {}\n", x.already_sent)
            << fmt::format("  unsubscribed       {}\n", x.unsubscribed)
            << fmt::format("  do not email       {}\n", x.do_not_email)
            << fmt::format("  do not solicit     {}\n", x.do_not_solicit)
            << fmt::format("  no valid email     {}\n", x.no_valid_email)
            << fmt::format("  shared address     {}\n", x.shared_address)
            << fmt::format("recipients: {} ({} in English, {} in Korean)\n", au.recipients.size(),
                           au.count_in("en"), au.count_in("ko"));
}

void install_templates(Context& ctx, store::Database& db) {
  auto installed =
      db.write(ctx.actor(), [](store::Unit& u) { return engine::install_starter_templates(u); });
  if (!installed) stop(installed.status());
}

void add_appeal_preview(CLI::App& appeal, Context& ctx) {
  auto* cmd = appeal.add_subcommand("preview",
                                    "How many an email appeal would reach, and why "
                                    "the others are left out");
  auto a = std::make_shared<AudienceArgs>();
  add_audience_options(cmd, *a);
  cmd->callback([&ctx, a] {
    auto& db = open_database(ctx);
    install_templates(ctx, db);
    auto au = db.read(
        [&](store::Unit& u) { return engine::appeals::appeal_audience(u, audience_request(*a)); });
    if (!au) stop(au.status());
    if (a->json) {
      std::cout << au->to_json().dump(2) << "\n";
    } else {
      print_exclusions(*au);
    }
  });
}

void print_run(const engine::appeals::RunReport& r) {
  std::cout << fmt::format("{} sent, {} rejected, {} deferred, {} skipped, {} left{}\n", r.sent,
                           r.rejected, r.deferred, r.skipped, r.remaining,
                           r.mailer_problem.empty() ? "" : " (" + r.mailer_problem + ")");
}

void add_appeal_send(CLI::App& appeal, Context& ctx) {
  auto* cmd = appeal.add_subcommand("send", "Send an email appeal to a segment (a background job)");
  struct Args : AudienceArgs {
    std::string mailer;
    int rate = 0;
    bool now = false;
  };
  auto a = std::make_shared<Args>();
  add_audience_options(cmd, *a);
  cmd->add_option("--mailer", a->mailer, "the mailer plugin id (default: mail.mailer)");
  auto* rate_option = cmd->add_option(
      "--rate", a->rate, "messages a minute (default: mail.appeal_rate_per_minute, 60)");
  cmd->add_flag("--now", a->now, "send here and wait, instead of leaving it to the job worker");
  cmd->callback([&ctx, a, rate_option] {
    auto& db = open_database(ctx);
    install_templates(ctx, db);
    engine::appeals::StartRequest req;
    req.audience = audience_request(*a);
    req.mailer = choose_mailer(ctx, db, a->mailer);
    if (rate_option->count() > 0) req.rate_per_minute = a->rate;
    auto started = db.write(
        ctx.actor(), [&](store::Unit& u) { return engine::appeals::start_appeal_send(u, req); });
    if (!started) stop(started.status());
    std::optional<engine::appeals::RunReport> run;
    if (a->now) {
      auto r = run_appeal_send_here(ctx, db, started->send_id);
      if (!r) stop(r.status());
      run = *r;
    }
    if (a->json) {
      nlohmann::json j = started->audience.to_json();
      j["appeal_send_id"] = started->send_id;
      j["job_id"] = started->job_id;
      if (run) {
        j["run"] = {{"sent", run->sent},
                    {"rejected", run->rejected},
                    {"deferred", run->deferred},
                    {"skipped", run->skipped},
                    {"remaining", run->remaining}};
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    print_exclusions(started->audience);
    std::cout << fmt::format("appeal send {}: job {} queued\n", started->send_id, started->job_id);
    if (run) print_run(*run);
  });
}

void add_appeal_status(CLI::App& appeal, Context& ctx) {
  auto* cmd = appeal.add_subcommand("status", "Where an appeal send is: recipients by state");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("send", *id, "the appeal send id")->required();
  cmd->add_flag("--json", *json, "print JSON");
  cmd->callback([&ctx, id, json] {
    auto& db = open_database(ctx);
    auto send = db.read([&](store::Unit& u) { return store::appeal_sends::get(u, *id); });
    if (!send) stop(send.status());
    auto counts =
        db.read([&](store::Unit& u) { return store::appeal_sends::state_counts(u, *id); });
    if (!counts) stop(counts.status());
    if (*json) {
      std::cout << nlohmann::json{{"appeal_send_id", send->id},
                                  {"appeal_id", send->appeal_id},
                                  {"status", send->status},
                                  {"recipients", send->recipient_count},
                                  {"states", *counts}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << fmt::format("appeal send {} (appeal {}): {}, {} recipient(s)\n", send->id,
                             send->appeal_id, send->status, send->recipient_count);
    for (const auto& [state, n] : *counts) std::cout << fmt::format("  {:<9} {}\n", state, n);
  });
}

void add_appeal_cancel(CLI::App& appeal, Context& ctx) {
  auto* cmd = appeal.add_subcommand(
      "cancel", "Cancel an appeal send: recipients not yet sent are never sent; sent stay sent");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("send", *id, "the appeal send id")->required();
  cmd->add_flag("--json", *json, "print JSON");
  cmd->callback([&ctx, id, json] {
    auto& db = open_database(ctx);
    auto done = db.write(
        ctx.actor(), [&](store::Unit& u) { return engine::appeals::cancel_appeal_send(u, *id); });
    if (!done) stop(done.status());
    auto counts =
        db.read([&](store::Unit& u) { return store::appeal_sends::state_counts(u, *id); });
    if (!counts) stop(counts.status());
    if (*json) {
      std::cout << nlohmann::json{{"appeal_send_id", done->send.id},
                                  {"status", done->send.status},
                                  {"recipients_cancelled", done->recipients_cancelled},
                                  {"states", *counts}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << fmt::format(
        "appeal send {} cancelled: {} recipient(s) will not be sent; {} sent\n", done->send.id,
        done->recipients_cancelled, counts->at("sent"));
    if (counts->at("sending") > 0) {
      std::cout << fmt::format("  {} message(s) were with the mail server as you cancelled\n",
                               counts->at("sending"));
    }
  });
}

void add_appeal_results(CLI::App& appeal, Context& ctx) {
  auto* cmd = appeal.add_subcommand("results", "What an email appeal raised: sent, responses");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--appeal", *id, "the appeal id")->required();
  cmd->add_flag("--json", *json, "print JSON");
  cmd->callback([&ctx, id, json] {
    auto& db = open_database(ctx);
    auto r =
        db.read([&](store::Unit& u) { return store::appeal_sends::email_results(u, *id, true); });
    if (!r) stop(r.status());
    if (*json) {
      std::cout << nlohmann::json{{"appeal_id", r->appeal_id},
                                  {"sent", r->sent},
                                  {"cancelled", r->cancelled},
                                  {"responders", r->responders},
                                  {"response_rate", r->response_rate()},
                                  {"response_raised_minor", r->response_raised_minor},
                                  {"appeal_raised_minor", r->appeal_raised_minor}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << fmt::format(
        "appeal {}: {} send(s), {} sent, {} rejected, {} cancelled; {} responded ({:.1f}%), {} "
        "gift(s), {} minor units; all gifts to the appeal: {} from {} donor(s), {} minor units\n",
        r->appeal_id, r->sends, r->sent, r->rejected, r->cancelled, r->responders,
        r->response_rate() * 100.0, r->response_gifts, r->response_raised_minor, r->appeal_gifts,
        r->appeal_donors, r->appeal_raised_minor);
  });
}

}  // namespace

void add_mail_appeal_command(CLI::App& mail, Context& ctx) {
  auto* appeal = mail.add_subcommand("appeal", "Email appeals to a segment");
  appeal->require_subcommand(1);
  add_appeal_preview(*appeal, ctx);
  add_appeal_send(*appeal, ctx);
  add_appeal_status(*appeal, ctx);
  add_appeal_cancel(*appeal, ctx);
  add_appeal_results(*appeal, ctx);
}

}  // namespace steward::app

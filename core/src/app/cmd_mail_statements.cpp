// steward mail statements --year Y (--dry-run | --send) [--constituent ID] [--reissue]
//                         [--dir DIR] [--paper letter|a4] [--mailer ID] [--json]
// Receipts and year-end giving statements: numbered per donor per year, emailed with the PDF
// attached to donors who can be emailed, one combined PDF for printing for the rest.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_mail.hpp"
#include "app/mail_run_cli.hpp"
#include "engine/thank_dry_run.hpp"  // kDefaultSampleLimit
#include "engine/year_end_statements.hpp"
#include "print/pdf_document.hpp"

namespace steward::app {
namespace {

nlohmann::json statement_json(const engine::StatementOutcome& o) {
  nlohmann::json j = {{"constituent_id", o.constituent_id},
                      {"donor", o.donor_name},
                      {"receipt_number", o.receipt_number},
                      {"replacement", o.replacement},
                      {"gift_count", o.gift_count},
                      {"totals", o.totals},
                      {"channel", o.channel},
                      {"state", o.state},
                      {"detail", o.detail}};
  if (!o.address.empty()) j["address"] = o.address;
  if (!o.pdf_path.empty()) j["pdf"] = o.pdf_path.string();
  return j;
}

// What a statement run did (engine::mail_runs::run_json), as `statements --send` printed it.
void print_statement_run(const nlohmann::json& run, bool as_json) {
  const auto& items = run["statements"];
  const std::string print_pdf = run.value("print_pdf", std::string());
  if (as_json) {
    nlohmann::json out = {{"year", run["year"]},
                          {"from", run["from"]},
                          {"to", run["to"]},
                          {"run", run["id"]},
                          {"statements", items}};
    if (!print_pdf.empty()) out["print_pdf"] = print_pdf;
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << fmt::format("statement year {} ({} to {})\n", run["year"].get<int>(),
                           run["from"].get<std::string>(), run["to"].get<std::string>());
  long long printed = 0;
  std::map<std::string, long long> counts;
  for (const auto& o : items) {
    const std::string address = o["address"].get<std::string>();
    counts[o["state"].get<std::string>()] += 1;
    std::cout << fmt::format(
        "donor {:<6} {:<24} {:<12} {:<3} gift(s)  {:<18} {:<6} {:<13} {}{}{}\n",
        o["constituent_id"].get<long long>(), o["donor"].get<std::string>(),
        o["receipt_number"].get<std::string>(), o["gift_count"].get<long long>(),
        o["totals"].get<std::string>(), o["channel"].get<std::string>(),
        o["state"].get<std::string>(), o["replacement"].get<bool>() ? "replacement " : "",
        address.empty() ? "" : address + "  ", o["detail"].get<std::string>());
  }
  printed = counts["printed"];
  if (!print_pdf.empty()) {
    std::cout << fmt::format("printed: {} statement(s) in {}\n", printed, print_pdf);
  }
  std::cout << fmt::format("sent: {} emailed, {} printed, {} rejected, {} deferred, {} skipped\n",
                           counts["accepted"], printed, counts["rejected"], counts["deferred"],
                           counts["skipped"]);
  std::cout << fmt::format("run {}: {}\n", run["id"].get<long long>(),
                           run["status"].get<std::string>());
}

}  // namespace

void add_mail_statements_command(CLI::App& mail, Context& ctx) {
  auto* cmd = mail.add_subcommand(
      "statements", "Year-end giving statements and receipts: email the PDF, or print it");
  struct Args {
    int year = 0;
    bool dry_run = false, send = false, reissue = false, json = false, background = false;
    long long constituent = 0;
    std::string dir = "var/statements", paper, mailer;
    int sample = engine::kDefaultSampleLimit;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--year", a->year, "the statement year (fiscal: the year it ends)")->required();
  auto* dry = cmd->add_flag("--dry-run", a->dry_run, "list donors and totals, issue nothing");
  auto* send = cmd->add_flag("--send", a->send, "issue receipts, email or print the statements");
  dry->excludes(send);
  cmd->add_option("--constituent", a->constituent, "only this donor");
  cmd->add_flag("--reissue", a->reissue,
                "issue again donors who already have a receipt (same number, replacement)");
  cmd->add_option("--dir", a->dir, "where PDFs are written (default var/statements)");
  cmd->add_option("--paper", a->paper, "letter or a4 (default: mail.paper_size)");
  cmd->add_option("--mailer", a->mailer, "the mailer plugin id (default: mail.mailer)");
  cmd->add_option("--sample", a->sample,
                  "with --dry-run: list this many donors (default 20); all are counted");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->add_flag("--background", a->background,
                "with --send: only queue the run for steward serve (follow it with mail runs)");
  cmd->callback([&ctx, a] {
    if (!a->dry_run && !a->send) stop(Status::invalid_field("send", "say --dry-run or --send"));
    auto& db = open_database(ctx);
    if (a->send) {
      // A mail run (decision 0211): resumable, counted, cancellable; carried out here.
      engine::mail_runs::StatementRequest request;
      request.year = a->year;
      request.reissue = a->reissue;
      if (a->constituent > 0) request.constituent_id = a->constituent;
      request.dir = a->dir;
      if (!a->paper.empty()) request.paper = a->paper;
      auto run = start_mail_run_here(
          ctx, db,
          [&](store::Unit& u) { return engine::mail_runs::start_statement_run(u, request); },
          a->mailer, a->background);
      if (a->background) {
        std::cout << fmt::format(
            "run {} queued: {} statement(s); follow it with: steward mail "
            "runs show {}\n",
            run["id"].get<long long>(), run["total"].get<long long>(), run["id"].get<long long>());
        return;
      }
      print_statement_run(run, a->json);
      return;
    }
    // A dry run: every donor counted without rendering, the first --sample listed.
    engine::StatementOptions options;
    options.year = a->year;
    options.reissue = a->reissue;
    if (a->constituent > 0) options.constituent_id = a->constituent;
    if (!a->paper.empty()) {
      auto parsed = print::parse_paper_size(a->paper, "paper");
      if (!parsed) stop(parsed.status());
      options.paper = *parsed;
    }
    auto preview = engine::preview_statements(db, ctx.actor(), options, a->sample);
    if (!preview) stop(preview.status());
    const auto& counts = preview->counts;
    if (a->json) {
      nlohmann::json out = {{"year", preview->period.year},
                            {"from", preview->period.from},
                            {"to", preview->period.to},
                            {"counts", counts.to_json()},
                            {"sample_limit", preview->sample_limit},
                            {"statements", nlohmann::json::array()}};
      for (const auto& o : preview->sample) out["statements"].push_back(statement_json(o));
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("statement year {} ({} to {})\n", preview->period.year,
                             preview->period.from, preview->period.to);
    for (const auto& o : preview->sample) {
      std::cout << fmt::format(
          "donor {:<6} {:<24} {:<12} {:<3} gift(s)  {:<18} {:<6} {:<13} {}{}{}\n", o.constituent_id,
          o.donor_name, o.receipt_number, o.gift_count, o.totals, o.channel, o.state,
          o.replacement ? "replacement " : "", o.address.empty() ? "" : o.address + "  ", o.detail);
    }
    if (counts.total > static_cast<long long>(preview->sample.size())) {
      std::cout << fmt::format("(the first {} of {} donors listed)\n", preview->sample.size(),
                               counts.total);
    }
    std::cout << fmt::format(
        "dry run: {} would be issued ({} emailed, {} printed), {} skipped (already issued)\n",
        counts.emailed + counts.printed, counts.emailed, counts.printed, counts.skipped_total());
  });
}

}  // namespace steward::app

#include "app/mail_run_cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "app/cmd_helpers.hpp"
#include "app/mail_job_kinds.hpp"
#include "store/job_repository.hpp"

namespace steward::app {
namespace {

// "thank-you run 12: 40 of 120 done  emailed 31  printed 0  skipped 2  failed 1", rewritten in
// place on a terminal.
class RunProgressLine {
 public:
  RunProgressLine() : tty_(::isatty(STDERR_FILENO) == 1) {}
  void show(const engine::mail_runs::Progress& p, long long id) {
    if (!tty_) return;
    std::cerr << "\r"
              << fmt::format("run {}: {} of {} done  emailed {}  printed {}  skipped {}  failed {}",
                             id, p.done, p.total, p.emailed, p.printed, p.skipped, p.failed)
              << "\x1b[K" << std::flush;
    shown_ = true;
  }
  void finish() {
    if (shown_) std::cerr << "\n";
    shown_ = false;
  }
  bool tty() const { return tty_; }

 private:
  bool tty_;
  bool shown_ = false;
};

void print_run_line(const nlohmann::json& run) {
  const auto& p = run["progress"];
  std::cout << fmt::format(
      "run {:<5} {:<10} {:<9} {} of {} done  emailed {}  printed {}  skipped {}  failed {}  {}\n",
      run["id"].get<long long>(), run["kind"].get<std::string>(), run["status"].get<std::string>(),
      p["done"].get<long long>(), p["total"].get<long long>(), p["emailed"].get<long long>(),
      p["printed"].get<long long>(), p["skipped"].get<long long>(), p["failed"].get<long long>(),
      run.value("created_at", std::string()));
  if (run.contains("error"))
    std::cout << "      error: " << run["error"].get<std::string>() << "\n";
  for (const auto& [name, path] : run["documents"].items()) {
    if (path.is_string()) std::cout << "      " << name << ": " << path.get<std::string>() << "\n";
  }
}

nlohmann::json run_json_or_stop(store::Database& db, long long id) {
  auto out = db.read([&](store::Unit& u) { return engine::mail_runs::run_json(u, id); });
  if (!out) stop(out.status());
  return *out;
}

}  // namespace

nlohmann::json start_mail_run_here(Context& ctx, store::Database& db, const StartRunFn& start,
                                   const std::string& mailer_flag, bool background) {
  auto started = db.write(ctx.actor(), [&](store::Unit& u) { return start(u); });
  if (!started) stop(started.status());
  if (started->existing) {
    std::cerr << fmt::format("run {} with the same options is already going: following it\n",
                             started->run_id);
  }
  if (background) return run_json_or_stop(db, started->run_id);
  std::shared_ptr<void> keep;
  auto options = mail_run_options(ctx, db, mailer_flag, keep);
  options.budget = std::chrono::hours(24 * 365);
  RunProgressLine line;
  const long long id = started->run_id;
  if (line.tty()) {
    options.on_item = [&] {
      auto p = db.read([&](store::Unit& u) { return engine::mail_runs::progress(u, id); });
      if (p) line.show(*p, id);
    };
  }
  auto result = engine::mail_runs::run_mail_run(db, id, options);
  line.finish();
  if (!result) stop(result.status());
  // Carried out here: the run's waiting job has nothing left to do.
  Status tidy = db.write(ctx.actor(), [&](store::Unit& u) -> Status {
    auto run = store::mail_runs::get(u, id);
    if (!run) return run.status();
    if (!run->job_id || run->status == "queued" || run->status == "running") return Status::ok();
    auto job = store::jobs::get(u, *run->job_id);
    if (!job) return job.status();
    if (job->status != domain::JobStatus::kQueued) return Status::ok();
    auto cancelled = store::jobs::cancel(u, job->id);
    return cancelled ? Status::ok() : cancelled.status();
  });
  if (!tidy) stop(tidy);
  auto out = run_json_or_stop(db, id);
  if (out["status"] == "failed") {
    stop(Status::invalid(out.value("error", std::string("the run failed"))));
  }
  return out;
}

void add_mail_runs_command(CLI::App& mail, Context& ctx) {
  auto* runs = mail.add_subcommand("runs", "Thank-you and statement runs and their progress");
  struct Args {
    long long id = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  runs->add_flag("--json", a->json, "print JSON");
  runs->callback([&ctx, a, runs] {
    if (!runs->get_subcommands().empty()) return;
    auto& db = open_database(ctx);
    auto list = db.read([](store::Unit& u) { return store::mail_runs::recent(u, 50); });
    if (!list) stop(list.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *list) out.push_back(run_json_or_stop(db, r.id));
    if (a->json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& r : out) print_run_line(r);
    if (out.empty()) std::cout << "no runs yet\n";
  });
  auto* show = runs->add_subcommand("show", "One run: status, progress and its PDFs");
  show->add_option("id", a->id, "the run")->required();
  show->add_flag("--json", a->json, "print JSON (with every item)");
  show->callback([&ctx, a] {
    auto& db = open_database(ctx);
    auto run = run_json_or_stop(db, a->id);
    if (a->json) {
      std::cout << run.dump(2) << "\n";
      return;
    }
    print_run_line(run);
  });
  auto* cancel = runs->add_subcommand("cancel", "Cancel a queued or running run");
  cancel->add_option("id", a->id, "the run")->required();
  cancel->callback([&ctx, a] {
    auto& db = open_database(ctx);
    auto done = db.write(
        ctx.actor(), [&](store::Unit& u) { return engine::mail_runs::cancel_mail_run(u, a->id); });
    if (!done) stop(done.status());
    print_run_line(run_json_or_stop(db, a->id));
  });
}

}  // namespace steward::app

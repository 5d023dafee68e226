#include "app/import_output.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

namespace steward::app {
namespace {

const char* kOutcomes[] = {"new_gift", "duplicate", "refund", "review", "error", "skipped"};

}  // namespace

void print_preview(const engine::imports::Preview& p) {
  std::cout << (p.import_id ? fmt::format("import {} ", p.import_id) : std::string("dry run "))
            << p.file_name << " (" << p.plugin_id << ", source " << p.source << "): " << p.status
            << "\n";
  for (const char* outcome : kOutcomes) {
    auto it = p.counts.find(outcome);
    long long n = it == p.counts.end() ? 0 : it->second;
    std::cout << fmt::format("  {:<10} {:>9}\n", outcome, n);
  }
  std::cout << fmt::format("  {} row(s) read, {} matched to existing donors, {} new donor(s)\n",
                           p.progress.rows, p.progress.matched, p.progress.new_donors);
  for (const char* outcome : kOutcomes) {
    auto it = p.samples.find(outcome);
    if (it == p.samples.end() || it->second.empty()) continue;
    std::cout << "  sample " << outcome << ":\n";
    for (const auto& r : it->second) {
      std::cout << fmt::format("    row {}{}  {}", r.seq,
                               r.line ? fmt::format(" (line {})", r.line) : std::string(),
                               r.summary);
      if (r.constituent_id) std::cout << "  -> constituent " << *r.constituent_id;
      if (r.create_donor) std::cout << "  -> new donor";
      if (!r.message.empty()) std::cout << "  [" << r.message << "]";
      std::cout << "\n";
    }
  }
}

void print_summary(const engine::imports::CommitSummary& s) {
  const auto& t = s.totals;
  std::cout << fmt::format(
      "import {} {}: {} gift(s), {} refund(s), {} new donor(s), {} duplicate(s), {} skipped, "
      "{} error(s), {} waiting for review ({:.1f}s)\n",
      s.import_id, s.status, t.gifts, t.refunds, t.donors_created, t.duplicates, t.skipped,
      t.errors, s.pending_review, s.seconds);
  if (s.pending_review > 0) {
    std::cout << fmt::format("  decide them with: steward import review {}\n", s.import_id);
  }
}

void print_import_line(const store::imports::ImportRecord& r) {
  std::cout << fmt::format("{:>5}  {:<10}  {:<30}  {}  rows={} committed={} gifts={}  {}\n", r.id,
                           r.status, r.file_name, r.plugin_id, r.rows_total, r.rows_committed,
                           r.gifts_created, r.created_at);
  if (r.error) std::cout << "       error: " << *r.error << "\n";
}

ProgressLine::ProgressLine() : tty_(::isatty(STDERR_FILENO) == 1) {}

void ProgressLine::show(const std::string& text) {
  if (!tty_) return;
  std::cerr << "\r" << text << "\x1b[K" << std::flush;
  shown_ = true;
}

void ProgressLine::stage(const engine::imports::StageProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
  int percent = p.bytes_total > 0 ? static_cast<int>(100 * p.bytes_read / p.bytes_total) : 100;
  show(fmt::format(
      "reading: {} rows  matched {}  new {}  duplicates {}  review {}  errors {}  "
      "{:.0f} rows/s  {}%",
      p.rows, p.matched, p.new_donors, p.duplicates, p.review, p.errors, rate, percent));
}

void ProgressLine::commit(const engine::imports::CommitProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.rows_done) / p.seconds : 0;
  int percent = p.rows_total > 0 ? static_cast<int>(100 * p.rows_done / p.rows_total) : 100;
  const auto& t = p.totals;
  show(
      fmt::format("committing: {} rows  gifts {}  new donors {}  duplicates {}  errors {}  "
                  "{:.0f} rows/s  {}%",
                  p.rows_done, t.gifts, t.donors_created, t.duplicates, t.errors, rate,
                  percent > 100 ? 100 : percent));
}

void ProgressLine::finish() {
  if (shown_) std::cerr << "\n";
  shown_ = false;
}

}  // namespace steward::app

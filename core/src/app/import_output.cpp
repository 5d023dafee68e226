#include "app/import_output.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

namespace steward::app {
namespace {

const char* kOutcomes[] = {"new_gift", "duplicate", "refund", "review", "error", "skipped"};

nlohmann::json totals_json(const engine::imports::ApplyTotals& t) {
  return {{"gifts", t.gifts},
          {"refunds", t.refunds},
          {"duplicates", t.duplicates},
          {"review", t.review},
          {"errors", t.errors},
          {"skipped", t.skipped},
          {"donors_created", t.donors_created}};
}

}  // namespace

nlohmann::json preview_json(const engine::imports::Preview& p) {
  nlohmann::json samples = nlohmann::json::object();
  for (const auto& [outcome, rows] : p.samples) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
      nlohmann::json j = {{"seq", r.seq},
                          {"line", r.line},
                          {"summary", r.summary},
                          {"message", r.message},
                          {"create_donor", r.create_donor}};
      j["constituent_id"] = r.constituent_id ? nlohmann::json(*r.constituent_id) : nullptr;
      list.push_back(j);
    }
    samples[outcome] = list;
  }
  return {{"import_id", p.import_id ? nlohmann::json(p.import_id) : nlohmann::json(nullptr)},
          {"status", p.status},
          {"plugin_id", p.plugin_id},
          {"source", p.source},
          {"file_name", p.file_name},
          {"counts", p.counts},
          {"samples", samples},
          {"rows", p.progress.rows},
          {"new_donors", p.progress.new_donors},
          {"matched", p.progress.matched},
          {"seconds", p.progress.seconds}};
}

nlohmann::json summary_json(const engine::imports::CommitSummary& s) {
  return {{"import_id", s.import_id},
          {"status", s.status},
          {"totals", totals_json(s.totals)},
          {"pending_review", s.pending_review},
          {"seconds", s.seconds}};
}

nlohmann::json import_json(const store::imports::ImportRecord& r) {
  nlohmann::json j = {{"id", r.id},
                      {"file_name", r.file_name},
                      {"file_sha256", r.file_sha256},
                      {"file_size", r.file_size},
                      {"plugin_id", r.plugin_id},
                      {"source", r.source},
                      {"status", r.status},
                      {"policy", nlohmann::json::parse(r.policy, nullptr, false)},
                      {"rows_total", r.rows_total},
                      {"rows_committed", r.rows_committed},
                      {"gifts_created", r.gifts_created},
                      {"created_by", r.created_by},
                      {"created_at", r.created_at},
                      {"updated_at", r.updated_at}};
  j["default_fund_id"] = r.default_fund_id ? nlohmann::json(*r.default_fund_id) : nullptr;
  j["error"] = r.error ? nlohmann::json(*r.error) : nullptr;
  j["committed_at"] = r.committed_at ? nlohmann::json(*r.committed_at) : nullptr;
  return j;
}

nlohmann::json row_json(const store::imports::ImportRow& r) {
  nlohmann::json j = {{"seq", r.seq},
                      {"line", r.line},
                      {"outcome", r.outcome},
                      {"create_donor", r.create_donor},
                      {"committed", r.committed}};
  j["record"] = r.record ? nlohmann::json::parse(*r.record, nullptr, false) : nullptr;
  j["constituent_id"] = r.constituent_id ? nlohmann::json(*r.constituent_id) : nullptr;
  j["gift_id"] = r.gift_id ? nlohmann::json(*r.gift_id) : nullptr;
  j["matched_by"] = r.matched_by ? nlohmann::json(*r.matched_by) : nullptr;
  j["message"] = r.message ? nlohmann::json(*r.message) : nullptr;
  return j;
}

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

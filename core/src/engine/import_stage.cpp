#include "engine/import_stage.hpp"

#include "store/constituent_name_keys.hpp"

#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

#include "domain/money.hpp"
#include "engine/import_matcher.hpp"
#include "plugins/file_hash.hpp"
#include "store/fund_repository.hpp"
#include "store/import_repository.hpp"

namespace steward::engine::imports {
namespace {

using Clock = std::chrono::steady_clock;
using store::imports::ImportRow;

std::string summary_of(const sdk::PaymentRecord& r) {
  std::string s = r.date.iso() + " " + domain::format_decimal(r.amount) + " " + r.amount.currency;
  if (r.kind != sdk::PaymentKind::kPayment) s += " " + std::string(sdk::payment_kind_name(r.kind));
  if (!r.donor_name.empty()) s += " " + r.donor_name;
  if (!r.donor_email.empty()) s += " <" + r.donor_email + ">";
  if (!r.external_id.empty()) s += " " + r.external_id;
  return s;
}

PreviewRow preview_row(const ImportRow& row) {
  PreviewRow p;
  p.seq = row.seq;
  p.line = row.line;
  p.outcome = row.outcome;
  p.message = row.message.value_or("");
  p.constituent_id = row.constituent_id;
  p.create_donor = row.create_donor;
  if (row.record) {
    auto rec = from_json(nlohmann::json::parse(*row.record, nullptr, false));
    if (rec) p.summary = summary_of(*rec);
  }
  return p;
}

void stage_tally(StageProgress& p, const ImportRow& row) {
  ++p.rows;
  if (row.outcome == "duplicate") ++p.duplicates;
  if (row.outcome == "review") ++p.review;
  if (row.outcome == "error") ++p.errors;
  if (row.outcome == "new_gift") {
    if (row.constituent_id) ++p.matched;
    if (row.create_donor && row.matched_by == "new") ++p.new_donors;
  }
}

// The state of one run through the file.
class Stager {
 public:
  Stager(store::Database& db, const store::Actor& actor, const StageOptions& options,
         Matcher matcher, long long import_id)
      : db_(db),
        actor_(actor),
        options_(options),
        matcher_(std::move(matcher)),
        ids_(matcher_.settings().processor),
        import_id_(import_id) {}

  // Plans (and, unless a dry run, stores) what one feed() produced.
  Status take(sdk::ParseOutput& out) {
    if (out.records.empty() && out.issues.empty()) return Status::ok();
    auto work = [&](store::Unit& u) -> Status {
      std::vector<ImportRow> rows;
      rows.reserve(out.records.size() + out.issues.size());
      // The batch's lookups in one query each (decision 0155); staging writes no gift or
      // donor, so the picture holds for the whole batch.
      std::vector<Identity> identities;
      std::vector<Prefetch::Item> items;
      identities.reserve(out.records.size());
      items.reserve(out.records.size());
      for (const sdk::PaymentRecord& r : out.records) identities.push_back(ids_.assign(r));
      for (std::size_t i = 0; i < out.records.size(); ++i) {
        items.push_back({identities[i], &out.records[i]});
      }
      auto prefetch = Prefetch::load(u, matcher_.settings().processor, items);
      if (!prefetch) return prefetch.status();
      matcher_.set_prefetch(std::make_shared<Prefetch>(std::move(*prefetch)));
      std::size_t index = 0;
      for (const sdk::PaymentRecord& r : out.records) {
        ImportRow row;
        row.import_id = import_id_;
        row.seq = ++seq_;
        const Identity& identity = identities[index++];
        auto plan = matcher_.plan(u, r, identity, &state_);
        if (!plan) return plan.status();
        state_.identities.emplace(identity.key(), row.seq);
        row.record = to_json(r).dump();
        row.identity = identity.key();
        row.outcome = plan->outcome;
        row.constituent_id = plan->constituent_id;
        row.create_donor = plan->create_donor;
        if (!plan->matched_by.empty()) row.matched_by = plan->matched_by;
        row.fund_id = plan->fund_id;
        if (!plan->message.empty()) row.message = plan->message;
        keep_sample(row, r);
        rows.push_back(std::move(row));
      }
      for (const sdk::ParseIssue& issue : out.issues) {
        ImportRow row;
        row.import_id = import_id_;
        row.seq = ++seq_;
        row.line = static_cast<long long>(issue.line);
        // Importers report rows they leave out on purpose (pending, outgoing) as "skipped: ...".
        row.outcome = issue.message.rfind("skipped: ", 0) == 0 ? "skipped" : "error";
        row.message = issue.field.empty() ? issue.message : issue.field + ": " + issue.message;
        keep_sample(row, std::nullopt);
        rows.push_back(std::move(row));
      }
      for (const ImportRow& row : rows) {
        stage_tally(progress_, row);
        ++counts_[row.outcome];
      }
      if (options_.dry_run) return Status::ok();
      if (Status s = store::imports::insert_rows(u, rows); !s) return s;
      return store::imports::add_counts(u, import_id_, static_cast<long long>(rows.size()), 0, 0);
    };
    Status s = options_.dry_run ? db_.read(work) : db_.write(actor_, work);
    matcher_.set_prefetch(nullptr);
    out.records.clear();
    out.issues.clear();
    return s;
  }

  StageProgress& progress() { return progress_; }
  std::map<std::string, std::vector<PreviewRow>>& samples() { return samples_; }
  const std::map<std::string, long long>& counts() const { return counts_; }

 private:
  void keep_sample(const ImportRow& row, const std::optional<sdk::PaymentRecord>& r) {
    if (!options_.dry_run) return;
    auto& list = samples_[row.outcome];
    if (static_cast<int>(list.size()) >= options_.sample_size) return;
    PreviewRow p = preview_row(row);
    if (r) p.summary = summary_of(*r);
    list.push_back(std::move(p));
  }

  store::Database& db_;
  const store::Actor& actor_;
  const StageOptions& options_;
  Matcher matcher_;
  IdentityAssigner ids_;
  FilePlanState state_;
  long long import_id_;
  long long seq_ = 0;
  StageProgress progress_;
  std::map<std::string, std::vector<PreviewRow>> samples_;
  std::map<std::string, long long> counts_;
};

Status fail_import(store::Database& db, const store::Actor& actor, long long import_id,
                   const Status& why) {
  if (import_id == 0) return why;
  (void)db.write(actor, [&](store::Unit& u) {
    return store::imports::set_status(u, import_id, "failed", why.message());
  });
  return Status(why.code(), "import " + std::to_string(import_id) + " failed: " + why.message(),
                why.fields());
}

}  // namespace

Result<Preview> stage_import(store::Database& db, const store::Actor& actor,
                             plugins::PluginHandle& importer, const StageOptions& options) {
  auto start = Clock::now();
  if (options.policy != "create" && options.policy != "review") {
    return Status::invalid_field("policy", "must be create or review");
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(options.path, ec);
  std::ifstream in(options.path, std::ios::binary);
  if (ec || !in) {
    return Status::invalid_field("file", "cannot read " + options.path.string() +
                                             (ec ? ": " + ec.message() : std::string()));
  }
  std::string file_name =
      options.file_name.empty() ? options.path.filename().string() : options.file_name;
  std::string processor = processor_name(options.plugin_id);
  std::optional<long long> fund_id;
  if (options.default_fund_code) {
    auto fund = db.read(
        [&](store::Unit& u) { return store::funds::get_by_code(u, *options.default_fund_code); });
    if (!fund) {
      return Status::invalid_field("default_fund",
                                   "no fund with code '" + *options.default_fund_code + "'");
    }
    fund_id = fund->id;
  }
  auto sha = plugins::sha256_file(options.path);
  if (!sha) return sha.status();
  nlohmann::json policy = {{"donors", options.policy}};

  long long import_id = 0;
  if (!options.dry_run) {
    store::imports::ImportRecord rec;
    rec.file_name = file_name;
    rec.file_sha256 = *sha;
    rec.file_size = static_cast<long long>(size);
    rec.plugin_id = options.plugin_id;
    rec.source = processor;
    rec.policy = policy.dump();
    rec.default_fund_id = fund_id;
    auto created = db.write(actor, [&](store::Unit& u) -> Result<store::imports::ImportRecord> {
      // Donors' stored name keys first (decision 0155), so the name rule finds every donor.
      if (auto keyed = store::name_keys::fill_missing(u); !keyed) return keyed.status();
      return store::imports::create(u, rec);
    });
    if (!created) return created.status();
    import_id = created->id;
  }
  ImportSettings settings{import_id, processor, options.policy == "create", fund_id};
  auto matcher = db.read([&](store::Unit& u) { return Matcher::load(u, settings); });
  if (!matcher) return fail_import(db, actor, import_id, matcher.status());
  Stager stager(db, actor, options, std::move(*matcher), import_id);
  stager.progress().bytes_total = static_cast<long long>(size);

  if (Status s = importer.start(file_name); !s) return fail_import(db, actor, import_id, s);
  std::string buffer(options.chunk_bytes < 4096 ? 4096 : options.chunk_bytes, '\0');
  sdk::ParseOutput out;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (Status s =
            importer.feed(std::string_view(buffer.data(), static_cast<std::size_t>(got)), out);
        !s) {
      return fail_import(db, actor, import_id, s);
    }
    if (Status s = stager.take(out); !s) return fail_import(db, actor, import_id, s);
    stager.progress().bytes_read += got;
    stager.progress().seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (options.on_progress) options.on_progress(stager.progress());
  }
  if (Status s = importer.finish(out); !s) return fail_import(db, actor, import_id, s);
  if (Status s = stager.take(out); !s) return fail_import(db, actor, import_id, s);
  stager.progress().seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (options.on_progress) options.on_progress(stager.progress());

  if (options.dry_run) {
    Preview p;
    p.status = "dry_run";
    p.plugin_id = options.plugin_id;
    p.source = processor;
    p.file_name = file_name;
    p.samples = std::move(stager.samples());
    p.counts = stager.counts();
    p.progress = stager.progress();
    return p;
  }
  Status moved = db.write(
      actor, [&](store::Unit& u) { return store::imports::set_status(u, import_id, "previewed"); });
  if (!moved) return moved;
  auto preview = preview_import(db, import_id, options.sample_size);
  if (preview) preview->progress = stager.progress();
  return preview;
}

Result<Preview> preview_import(store::Database& db, long long import_id, int sample_size) {
  return db.read([&](store::Unit& u) -> Result<Preview> {
    auto rec = store::imports::get(u, import_id);
    if (!rec) return rec.status();
    Preview p;
    p.import_id = rec->id;
    p.status = rec->status;
    p.plugin_id = rec->plugin_id;
    p.source = rec->source;
    p.file_name = rec->file_name;
    auto counts = store::imports::outcome_counts(u, import_id);
    if (!counts) return counts.status();
    p.counts = *counts;
    for (const char* outcome : {"new_gift", "duplicate", "refund", "review", "error", "skipped"}) {
      if (!p.counts.contains(outcome)) continue;
      auto rows = store::imports::rows(u, import_id, outcome, 0, sample_size);
      if (!rows) return rows.status();
      for (const auto& row : *rows) p.samples[outcome].push_back(preview_row(row));
    }
    return p;
  });
}

}  // namespace steward::engine::imports

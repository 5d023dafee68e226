#include "engine/import_commit.hpp"

#include "engine/import_bulk.hpp"
#include "engine/import_cancel.hpp"
#include "engine/import_json.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

#include "store/audit.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/constituent_repository.hpp"
#include "store/giving_summary_repository.hpp"

namespace steward::engine::imports {
namespace {

using Clock = std::chrono::steady_clock;

double commit_seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void add(ApplyTotals& into, const ApplyTotals& t) {
  into.gifts += t.gifts;
  into.refunds += t.refunds;
  into.duplicates += t.duplicates;
  into.review += t.review;
  into.errors += t.errors;
  into.skipped += t.skipped;
  into.donors_created += t.donors_created;
  into.committed += t.committed;
}

struct ChunkResult {
  long long last_seq = 0;
  long long rows = 0;
  ApplyTotals totals;
  long long bulk_rows = 0;
  bool stop = false;  // cancel requested (engine/import_cancel.hpp)
};

// SQLite keeps at most 2 MiB of pages per connection by default; a chunk of 5,000 rows dirties
// far more (donors, gifts, their indexes and audit images), so the rest spilled to the WAL file
// and was read back while the chunk was written. The chunk runs with a larger cache, and the
// connection returns to the pool with the size it had (the pages are freed).
class ChunkPageCache {
 public:
  static constexpr int kKibibytes = 65536;
  explicit ChunkPageCache(store::Unit& unit) : unit_(unit) {
    if (unit_.is_postgresql()) return;
    unit_.sql() << "PRAGMA cache_size", soci::into(previous_);
    unit_.sql() << "PRAGMA cache_size = -" + std::to_string(kKibibytes);
  }
  ~ChunkPageCache() {
    if (unit_.is_postgresql()) return;
    try {
      unit_.sql() << "PRAGMA cache_size = " + std::to_string(previous_);
    } catch (const std::exception&) {  // the connection is gone: nothing to give back
    }
  }
  ChunkPageCache(const ChunkPageCache&) = delete;
  ChunkPageCache& operator=(const ChunkPageCache&) = delete;

 private:
  store::Unit& unit_;
  int previous_ = -2000;  // SQLite's default: 2,000 KiB
};

// The chunk's identities, payer ids and emails in one query each (engine/import_prefetch.hpp).
Result<Prefetch> prefetch_rows(store::Unit& unit, const Matcher& matcher,
                               const std::vector<store::imports::ImportRow>& rows) {
  std::vector<sdk::PaymentRecord> records;
  std::vector<Identity> identities;
  records.reserve(rows.size());
  identities.reserve(rows.size());
  for (const auto& row : rows) {
    auto record = from_json(nlohmann::json::parse(row.record.value_or(""), nullptr, false));
    if (!record) continue;
    const std::string key = row.identity.value_or("");
    auto sep = key.find('\x1f');
    identities.push_back(sep == std::string::npos
                             ? Identity{key, ""}
                             : Identity{key.substr(0, sep), key.substr(sep + 1)});
    records.push_back(std::move(*record));
  }
  std::vector<Prefetch::Item> items;
  items.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) items.push_back({identities[i], &records[i]});
  return Prefetch::load(unit, matcher.settings().processor, items);
}

}  // namespace

Result<Matcher> matcher_for(store::Unit& unit, const store::imports::ImportRecord& record) {
  ImportSettings settings;
  settings.import_id = record.id;
  settings.processor = record.source;
  nlohmann::json policy = nlohmann::json::parse(record.policy, nullptr, false);
  settings.create_donors =
      !(policy.is_object() && policy.value("donors", std::string("create")) == "review");
  settings.default_fund_id = record.default_fund_id;
  return Matcher::load(unit, settings);
}

Result<CommitSummary> commit_import(store::Database& db, const store::Actor& actor,
                                    long long import_id, const CommitOptions& options) {
  auto start = Clock::now();
  auto begun = db.write(actor, [&](store::Unit& u) -> Result<store::imports::ImportRecord> {
    auto rec = store::imports::get(u, import_id);
    if (!rec) return rec;
    if (rec->status == "failed" || rec->status == "cancelled" || rec->status == "staged") {
      return Status::precondition_failed("import " + std::to_string(import_id) + " is " +
                                         rec->status + " and cannot be committed");
    }
    if (rec->status == "previewed") {
      if (Status s = store::imports::set_status(u, import_id, "committing"); !s) return s;
    }
    if (Status s = clear_cancel_request(u, import_id); !s) return s;  // resume goes on
    if (auto keyed = store::name_keys::fill_missing(u); !keyed) return keyed.status();
    return rec;
  });
  if (!begun) return begun.status();
  CommitSummary summary;
  summary.import_id = import_id;
  int chunk_rows = options.chunk_rows < 1 ? 1 : options.chunk_rows;
  int chunk_index = 0;
  long long rows_total = begun->rows_total;
  long long rows_done = begun->rows_committed;
  for (bool refunds : {false, true}) {
    long long after = 0;
    while (true) {
      auto chunk = db.write(actor, [&](store::Unit& u) -> Result<ChunkResult> {
        if (u.is_postgresql()) {
          // One committer at a time per import: a second waits here, then sees the rows done.
          u.sql() << "SELECT id FROM imports WHERE id = :id FOR UPDATE", soci::use(import_id);
        }
        auto rec = store::imports::get(u, import_id);
        if (!rec) return rec.status();
        ChunkResult out;
        auto cancel = cancel_requested(u, import_id);
        if (!cancel) return cancel.status();
        if (*cancel || rec->status == "cancelled") {
          out.stop = true;
          return out;
        }
        auto matcher = matcher_for(u, *rec);
        if (!matcher) return matcher.status();
        auto rows = store::imports::pending_rows(u, import_id, refunds, after, chunk_rows);
        if (!rows) return rows.status();
        out.last_seq = after;
        auto prefetch = prefetch_rows(u, *matcher, *rows);
        if (!prefetch) return prefetch.status();
        matcher->set_prefetch(std::make_shared<Prefetch>(std::move(*prefetch)));
        if (options.row_by_row) {
          for (auto& row : *rows) {
            if (Status s = apply_row(u, *matcher, row, out.totals); !s) return s;
            out.last_seq = row.seq;
            ++out.rows;
          }
        } else {
          // Giving summaries once per chunk for every donor it touched, and the common rows
          // written together (decision 0200).
          store::giving::DeferRollups rollups(u);
          ChunkPageCache cache(u);
          BulkChunk bulk(u, *matcher);
          std::vector<long long> donors = matcher->prefetch()->known_donors();
          for (const auto& row : *rows) {
            if (row.decided_by && row.constituent_id) donors.push_back(*row.constituent_id);
          }
          if (Status s = bulk.check_donors(donors); !s) return s;
          for (auto& row : *rows) {
            if (Status s = bulk.add(row, out.totals); !s) return s;
            out.last_seq = row.seq;
            ++out.rows;
          }
          if (Status s = bulk.flush(out.totals); !s) return s;
          if (Status s = rollups.flush(); !s) return s;
          out.bulk_rows = bulk.bulk_rows();
        }
        if (out.rows == 0) return out;
        if (Status s =
                store::imports::add_counts(u, import_id, 0, out.totals.committed, out.totals.gifts);
            !s) {
          return s;
        }
        nlohmann::json image = totals_json(out.totals);
        image["from_seq"] = rows->front().seq;
        image["to_seq"] = out.last_seq;
        store::record_audit(u, "commit_chunk", "import", import_id, nullptr, image);
        if (options.before_chunk_commit) {
          if (Status s = options.before_chunk_commit(chunk_index); !s) return s;
        }
        return out;
      });
      if (!chunk) return chunk.status();
      if (chunk->stop) {
        summary.status = "stopped";  // cancel requested: resumable, or cancel again
        summary.seconds = commit_seconds_since(start);
        return summary;
      }
      if (chunk->rows == 0) break;
      ++chunk_index;
      after = chunk->last_seq;
      add(summary.totals, chunk->totals);
      summary.bulk_rows += chunk->bulk_rows;
      rows_done += chunk->totals.committed;
      if (options.on_progress) {
        options.on_progress({rows_done, rows_total, summary.totals, commit_seconds_since(start)});
      }
    }
  }
  auto finished = db.write(actor, [&](store::Unit& u) -> Result<long long> {
    auto rec = store::imports::get(u, import_id);
    if (!rec) return rec.status();
    if (rec->status != "committed") {
      if (Status s = store::imports::set_status(u, import_id, "committed"); !s) return s;
    }
    auto counts = store::imports::outcome_counts(u, import_id);
    if (!counts) return counts.status();
    auto it = counts->find("review");
    return it == counts->end() ? 0LL : it->second;
  });
  if (!finished) return finished.status();
  summary.status = "committed";
  summary.pending_review = *finished;
  summary.seconds = commit_seconds_since(start);
  return summary;
}

Result<store::imports::ImportRow> decide_review(store::Database& db, const store::Actor& actor,
                                                long long import_id, long long seq,
                                                const ReviewDecision& decision) {
  if (decision.create_new == decision.constituent_id.has_value()) {
    return Status::invalid_field("decision", "give either a constituent or --new");
  }
  return db.write(actor, [&](store::Unit& u) -> Result<store::imports::ImportRow> {
    auto rec = store::imports::get(u, import_id);
    if (!rec) return rec.status();
    auto row = store::imports::get_row(u, import_id, seq);
    if (!row) return row;
    if (row->committed) {
      return Status::precondition_failed("row " + std::to_string(seq) + " of import " +
                                         std::to_string(import_id) + " is already committed");
    }
    if (row->outcome != "review" && row->outcome != "new_gift") {
      return Status::precondition_failed("row " + std::to_string(seq) + " is " + row->outcome +
                                         ", not a payment waiting for a donor");
    }
    if (decision.constituent_id) {
      auto c = store::constituents::get(u, *decision.constituent_id);
      if (!c || c->merged_into_id) {
        return Status::invalid_field(
            "constituent",
            "constituent " + std::to_string(*decision.constituent_id) + " does not exist");
      }
    }
    nlohmann::json before = {
        {"seq", seq},
        {"outcome", row->outcome},
        {"constituent_id",
         row->constituent_id ? nlohmann::json(*row->constituent_id) : nlohmann::json(nullptr)}};
    row->constituent_id = decision.constituent_id;
    row->create_donor = decision.create_new;
    row->decided_by = u.actor().name;
    row->matched_by = "review";
    row->outcome = "new_gift";
    row->message.reset();
    if (Status s = store::imports::update_row(u, *row); !s) return s;
    store::record_audit(
        u, "review", "import", import_id, before,
        {{"seq", seq},
         {"constituent_id", decision.constituent_id ? nlohmann::json(*decision.constituent_id)
                                                    : nlohmann::json(nullptr)},
         {"create_new", decision.create_new}});
    if (rec->status == "committed") {
      auto matcher = matcher_for(u, *rec);
      if (!matcher) return matcher.status();
      ApplyTotals totals;
      if (Status s = apply_row(u, *matcher, *row, totals); !s) return s;
      if (Status s = store::imports::add_counts(u, import_id, 0, totals.committed, totals.gifts);
          !s) {
        return s;
      }
    }
    return row;
  });
}

}  // namespace steward::engine::imports

#include "engine/demo_generator.hpp"

#include <algorithm>

#include "domain/date.hpp"
#include "engine/demo_writer.hpp"
#include "store/audit.hpp"
#include "store/giving_summary_repository.hpp"

namespace steward::engine {
namespace {

Status validate_options(const GenerateOptions& o) {
  if (o.constituents < 50 || o.constituents > 1'000'000)
    return Status::invalid_field("constituents", "must be between 50 and 1000000");
  if (o.years < 1 || o.years > 20)
    return Status::invalid_field("years", "must be between 1 and 20");
  if (o.chunk < 50 || o.chunk > 20000)
    return Status::invalid_field("chunk", "must be between 50 and 20000");
  return Status::ok();
}

// For the chunk's transaction only (the connection goes back to the pool afterwards).
class FastSqliteLoad {
 public:
  explicit FastSqliteLoad(store::Unit& unit) : unit_(unit) {
    if (unit_.is_postgresql()) return;
    unit_.sql() << "PRAGMA cache_size = -131072";
    unit_.sql() << "PRAGMA ignore_check_constraints = ON";
  }
  ~FastSqliteLoad() {
    if (unit_.is_postgresql()) return;
    try {
      unit_.sql() << "PRAGMA ignore_check_constraints = OFF";
      unit_.sql() << "PRAGMA cache_size = -2000";
    } catch (const std::exception&) {
      // The connection is broken; the pool discards it.
    }
  }
  FastSqliteLoad(const FastSqliteLoad&) = delete;
  FastSqliteLoad& operator=(const FastSqliteLoad&) = delete;

 private:
  store::Unit& unit_;
};

// Each chunk gets its own seed, derived from the run's seed and the chunk's number.
std::uint64_t chunk_seed(std::uint64_t seed, long long chunk) {
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(chunk) + 1;
  x ^= x >> 31;
  return x * 0xBF58476D1CE4E5B9ULL;
}

nlohmann::json options_json(const GenerateOptions& o, const std::string& today) {
  return {{"seed", o.seed},
          {"today", today},
          {"constituents", o.constituents},
          {"years", o.years},
          {"chunk", o.chunk}};
}

}  // namespace

Result<DemoReport> generate_organization(
    store::Database& db, const store::Actor& actor, const GenerateOptions& options,
    const std::function<void(const GenerateProgress&)>& progress) {
  if (Status s = validate_options(options); !s) return s;
  domain::Date today = domain::Date::today();
  if (options.today) {
    auto parsed = domain::Date::parse(*options.today, "today");
    if (!parsed) return parsed.status();
    today = *parsed;
  }
  domain::Date start = today.add_months(-12 * options.years).add_days(1);
  Status empty = db.read([&](store::Unit& unit) -> Status {
    long long existing = 0;
    unit.sql() << "SELECT COUNT(*) FROM constituents", soci::into(existing);
    if (existing == 0) return Status::ok();
    return Status::precondition_failed("the database already has " + std::to_string(existing) +
                                       " constituent(s); generate into an empty database");
  });
  if (!empty) return empty;

  DemoReport report;
  report.seed = options.seed;
  report.today = today.to_string();
  demo::Ids ids;
  GenerateProgress done;
  done.constituents_total = options.constituents;
  for (long long chunk = 0; done.constituents_written < options.constituents; ++chunk) {
    int size = static_cast<int>(
        std::min<long long>(options.chunk, options.constituents - done.constituents_written));
    // A last sliver too small to be demo-shaped joins the previous chunk's size class.
    size = std::max(size, 50);
    demo::DemoData data = demo::generate_data(chunk_seed(options.seed, chunk), today, start, size,
                                              "g" + std::to_string(chunk) + "-");
    ids.constituents.clear();
    ids.plans.clear();
    ids.pledges.clear();
    Status written = db.write(actor, [&](store::Unit& unit) -> Status {
      // A bigger page cache for this connection: the indexes of a large database no longer fit
      // SQLite's default 2 MB, and every insert would read its index pages back from disk.
      // CHECK constraints are skipped while writing generated rows (valid by construction, and
      // the demo load, which shares the generator, runs with them on in its tests): SQLite
      // builds a temporary table for every `IN (...)` check of every row, most of the time.
      FastSqliteLoad fast(unit);
      if (chunk == 0) {
        if (Status s = demo::write_setup(unit, data, ids); !s) return s;
        demo::write_campaigns(unit, data, ids);
      }
      demo::write_people(unit, data, ids);
      demo::write_giving(unit, data, ids);
      demo::write_activity(unit, data, ids);
      return Status::ok();
    });
    if (!written) {
      return Status(written.code(), written.message() + " (after " +
                                        std::to_string(done.constituents_written) +
                                        " constituents were written)");
    }
    demo::add_counts(data, report);
    done.constituents_written += static_cast<long long>(data.constituents.size());
    done.gifts_written = report.gifts;
    if (progress) progress(done);
  }
  Status finished = db.write(actor, [&](store::Unit& unit) -> Status {
    if (Status s = store::giving::rebuild_all(unit); !s) return s;
    nlohmann::json after = report.to_json();
    after["options"] = options_json(options, report.today);
    store::record_audit(unit, "demo_generate", "organization", 0, nullptr, after);
    return Status::ok();
  });
  if (!finished) return finished;
  return report;
}

}  // namespace steward::engine

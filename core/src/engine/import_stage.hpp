// Reading a payment file into a staged import and previewing it (docs/imports.md):
//   parse   the file is streamed in chunks (chunk_bytes) through the importer plugin, so memory
//           stays flat whatever the file's size; problems become "error" rows with their line
//           and reason, and reading goes on;
//   match   each record gets its identity and plan (engine/import_matcher.hpp) in batches, one
//           unit of work per chunk;
//   preview counts per outcome and a sample of each; nothing is written to gifts, donors or
//           plans. A dry run does all of this without writing anything at all (no import row).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugins/plugin_handle.hpp"
#include "store/database.hpp"

namespace steward::engine::imports {

struct StageProgress {
  long long rows = 0;        // records and problems read
  long long matched = 0;     // payments attached to an existing donor
  long long new_donors = 0;  // payments that will create a donor
  long long duplicates = 0;
  long long review = 0;
  long long errors = 0;
  long long bytes_read = 0;
  long long bytes_total = 0;
  double seconds = 0;
};

struct StageOptions {
  std::filesystem::path path;
  std::string file_name;          // shown and passed to the importer; default: the path's file name
  std::string plugin_id;          // the importer in use (names the source: processor_name())
  std::string policy = "create";  // create | review: what an unmatched donor does
  std::optional<std::string> default_fund_code;
  bool dry_run = false;
  std::size_t chunk_bytes = 1 << 20;
  int sample_size = 5;
  std::function<void(const StageProgress&)> on_progress;
};

struct PreviewRow {
  long long seq = 0;
  long long line = 0;
  std::string outcome;
  std::string summary;  // "2026-01-05 50.00 USD 김민지 <kim@example.org> ch_1"
  std::string message;
  std::optional<long long> constituent_id;
  bool create_donor = false;
};

struct Preview {
  long long import_id = 0;  // 0 for a dry run
  std::string status;       // previewed, committing, committed ... ("dry_run" for a dry run)
  std::string plugin_id;
  std::string source;
  std::string file_name;
  std::map<std::string, long long> counts;  // per outcome, plus committed / pending
  std::map<std::string, std::vector<PreviewRow>> samples;
  StageProgress progress;
};

// Errors: kInvalid naming "policy", "default_fund" or "file"; the importer's own error when the
// whole file cannot be read (the import is then "failed", with the reason).
Result<Preview> stage_import(store::Database& db, const store::Actor& actor,
                             plugins::PluginHandle& importer, const StageOptions& options);

// Counts and samples of a staged import. Errors: kNotFound.
Result<Preview> preview_import(store::Database& db, long long import_id, int sample_size = 5);

}  // namespace steward::engine::imports

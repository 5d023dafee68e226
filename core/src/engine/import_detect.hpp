// Choosing the importer for a file (docs/imports.md, "Which importer"): every enabled importer
// plugin's detect() sees the file name and its first 64 KiB, and the highest score wins. No
// score above 0, or a tie at the top, is an error naming "plugin" and listing the candidates
// with their scores, so the admin can pick one with --plugin.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugins/isolated_plugin.hpp"
#include "plugins/plugin_handle.hpp"
#include "store/database.hpp"

namespace steward::engine::imports {

inline constexpr std::size_t kDetectHeadBytes = 64 * 1024;

struct DetectScore {
  std::string plugin_id;
  int score = 0;
  std::string problem;  // why the plugin could not be asked (it then scores 0)
};

// The winner's plugin id. Errors: kInvalid naming "plugin".
Result<std::string> pick_importer(const std::vector<DetectScore>& scores,
                                  const std::string& file_name);

// Up to `max` bytes from the start of the file. Errors: kInvalid naming "file".
Result<std::string> read_head(const std::filesystem::path& path,
                              std::size_t max = kDetectHeadBytes);

struct OpenedImporter {
  std::string plugin_id;
  std::unique_ptr<plugins::PluginHandle> handle;
  std::vector<DetectScore> scores;  // every candidate's score (empty with an override)
};

// Opens the enabled importer plugins of `plugin_dir` and picks one for the file; with
// `plugin_override` only that plugin is opened (it must be an enabled importer: kInvalid naming
// "plugin" otherwise, listing the enabled ones).
Result<OpenedImporter> open_importer(store::Database& db, const store::Actor& actor,
                                     const std::filesystem::path& plugin_dir,
                                     const plugins::IsolationOptions& isolation,
                                     const std::filesystem::path& file,
                                     const std::string& file_name,
                                     const std::optional<std::string>& plugin_override);

}  // namespace steward::engine::imports

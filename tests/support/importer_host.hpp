// Runs a built-in importer plugin (build/plugins/<name>.so) the way Steward does by default: in
// a `steward plugin-host` child. Tests compare its output with the in-process library's, which
// checks the plugin's exports, its factory and that every record field crosses the wire.
// The files are found next to the test executable (build/bin -> build/plugins, build/bin/steward).
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "plugins/isolated_plugin.hpp"
#include "support/importer_fixtures.hpp"

namespace steward::testing {

inline std::filesystem::path build_dir() {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path();
}

// Empty optional when the plugin or the steward binary is not built (the caller skips).
inline std::optional<ImportRun> run_isolated(const std::string& plugin, const std::string& config,
                                             const std::string& bytes, std::size_t chunk) {
  auto so = build_dir() / "plugins" / (plugin + ".so");
  auto steward = build_dir() / "bin" / "steward";
  if (!std::filesystem::exists(so) || !std::filesystem::exists(steward)) return std::nullopt;
  std::string tmpl = (std::filesystem::temp_directory_path() / "steward-importer-XXXXXX").string();
  std::filesystem::path dir = ::mkdtemp(tmpl.data());
  std::filesystem::permissions(dir, std::filesystem::perms(0755));
  std::filesystem::copy_file(so, dir / so.filename());
  std::filesystem::permissions(dir / so.filename(), std::filesystem::perms(0644));
  ImportRun run;
  {
    auto handle = plugins::open_isolated(dir, so.filename().string(), config,
                                         plugins::IsolationOptions{steward.string(), 30000});
    if (!handle) {
      run.status = handle.status();
    } else {
      run.status = (*handle)->start("file.csv");
      for (std::size_t i = 0; run.status && i < bytes.size(); i += chunk) {
        run.status = (*handle)->feed(std::string_view(bytes).substr(i, chunk), run.output);
      }
      if (run.status) run.status = (*handle)->finish(run.output);
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return run;
}

}  // namespace steward::testing

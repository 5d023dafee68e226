#include "plugins/host.hpp"

#include <map>

#include "plugins/file_safety.hpp"
#include "plugins/in_process_plugin.hpp"

namespace steward::plugins {

Result<std::vector<ScannedPlugin>> scan_plugin_directory(const std::filesystem::path& dir) {
  auto names = list_plugin_files(dir);
  if (!names) return names.status();
  std::vector<ScannedPlugin> out;
  std::map<std::string, std::vector<std::size_t>> by_id;
  for (const std::string& name : *names) {
    ScannedPlugin entry{name, std::nullopt, Status::ok()};
    auto inspected = inspect_plugin(dir, name);
    if (inspected) {
      entry.manifest = inspected->manifest;
      by_id[inspected->manifest.id].push_back(out.size());
    } else {
      entry.problem = inspected.status();
    }
    out.push_back(std::move(entry));
  }
  for (const auto& [id, indexes] : by_id) {
    if (indexes.size() < 2) continue;
    for (std::size_t i : indexes) {
      std::string others;
      for (std::size_t j : indexes) {
        if (j == i) continue;
        others += (others.empty() ? "" : ", ") + out[j].file_name;
      }
      out[i].problem =
          Status::conflict("plugin id " + id + " in " + out[i].file_name + " is also declared by " +
                           others + "; remove one of the files");
    }
  }
  return out;
}

}  // namespace steward::plugins

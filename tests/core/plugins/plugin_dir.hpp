// A private plugin directory per test, filled with copies of the built fixture plugins.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace steward::testing {

class PluginDir {
 public:
  PluginDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "steward-plugins-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
    std::filesystem::permissions(path_, std::filesystem::perms(0755));
  }
  ~PluginDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  PluginDir(const PluginDir&) = delete;
  PluginDir& operator=(const PluginDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Copies fixture `name` (without .so) in as `as` (default: the same name) with mode 0755.
  std::string add(const std::string& name, std::string as = "") {
    if (as.empty()) as = name + ".so";
    auto to = path_ / as;
    std::filesystem::copy_file(fixture(name), to,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::permissions(to, std::filesystem::perms(0755));
    return as;
  }

  static std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(STEWARD_PLUGIN_FIXTURE_DIR) / (name + ".so");
  }

 private:
  std::filesystem::path path_;
};

}  // namespace steward::testing

#include "plugins/file_safety.hpp"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <system_error>

namespace steward::plugins {
namespace fs = std::filesystem;

namespace {

bool world_writable(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  return (st.st_mode & S_IWOTH) != 0;
}

}  // namespace

Result<fs::path> ensure_plugin_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (!ec) fs::permissions(dir, fs::perms(0755), ec);
    if (ec) {
      return Status::unavailable("cannot create plugin directory " + dir.string() + ": " +
                                 ec.message());
    }
  }
  return dir;
}

Status check_plugin_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::invalid_field("plugin_dir", dir.string() + " is not a directory");
  }
  if (world_writable(dir)) {
    return Status::permission_denied("plugin_dir: " + dir.string() +
                                     " is world-writable; refusing to load plugins from it "
                                     "(chmod o-w " +
                                     dir.string() + ")");
  }
  return Status::ok();
}

Result<fs::path> resolve_plugin_file(const fs::path& dir, const std::string& file_name) {
  if (file_name.empty() || file_name.find('/') != std::string::npos || file_name == "." ||
      file_name == ".." || file_name.find('\0') != std::string::npos) {
    return Status::invalid_field("file", "'" + file_name +
                                             "' is not a plain file name inside the plugin "
                                             "directory");
  }
  if (Status s = check_plugin_directory(dir); !s) return s;
  std::error_code ec;
  fs::path real_dir = fs::canonical(dir, ec);
  if (ec) return Status::invalid_field("plugin_dir", dir.string() + ": " + ec.message());
  fs::path candidate = real_dir / file_name;
  if (!fs::exists(fs::symlink_status(candidate, ec))) {
    return Status::not_found("plugin file " + file_name + " is not in " + real_dir.string());
  }
  fs::path real = fs::canonical(candidate, ec);
  if (ec) {
    return Status::invalid_field("file", file_name + " cannot be resolved: " + ec.message());
  }
  if (real.parent_path() != real_dir) {
    return Status::permission_denied("file: " + file_name +
                                     " points outside the plugin directory (" + real.string() +
                                     "); refused");
  }
  if (!fs::is_regular_file(real, ec)) {
    return Status::invalid_field("file", file_name + " is not a regular file");
  }
  if (world_writable(real)) {
    return Status::permission_denied(
        "file: " + file_name + " is world-writable; refused (chmod o-w " + real.string() + ")");
  }
  return real;
}

Result<std::vector<std::string>> list_plugin_files(const fs::path& dir) {
  if (Status s = check_plugin_directory(dir); !s) return s;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 3 && name.ends_with(".so")) names.push_back(name);
  }
  if (ec) return Status::unavailable("plugin_dir: " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

fs::path private_temp_path(const fs::path& dest, const std::string& purpose) {
  return dest.parent_path() /
         ("." + dest.filename().string() + "." + purpose + "." + std::to_string(::getpid()) + "." +
          std::to_string(randombytes_random()));
}

}  // namespace steward::plugins

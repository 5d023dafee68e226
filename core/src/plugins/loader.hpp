// plugins/loader.hpp: the only place Steward touches Boost.DLL. A Library is one loaded plugin
// shared object; its three exported aliases (steward/sdk/plugin.hpp) are read through it.
//
// Lifetime: a Library must outlive everything it created (the sdk::Plugin objects, exceptions,
// manifests' vtables). Hold it in a std::shared_ptr and keep a copy next to every object created
// from it (see InProcessPlugin). Errors are Status values; plugin code called through a Library
// may still throw, and callers wrap those calls (see plugins/guard.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "steward/sdk/plugin.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugins {

class Library {
 public:
  // Loads `path` (already checked by file_safety). Fails with kInvalid naming the file when the
  // dynamic loader refuses it (not a shared object, missing dependency).
  static Result<std::shared_ptr<Library>> open(const std::filesystem::path& path);
  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Checks that all three exported aliases exist; names the first missing one.
  Status check_symbols() const;
  // These call into the plugin and may throw whatever the plugin throws.
  sdk::ApiVersion api_version() const;
  sdk::Manifest manifest() const;
  std::unique_ptr<sdk::Plugin> create(const std::string& config_json) const;

 private:
  struct Impl;
  Library(std::filesystem::path path, std::unique_ptr<Impl> impl);
  std::filesystem::path path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace steward::plugins

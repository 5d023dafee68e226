// plugins/file_safety.hpp: which files in the plugin directory may be loaded at all.
//
// A plugin file is refused when: it is not a plain file name inside the directory (no "/",
// no ".."), it is a symlink that resolves outside the directory, it is not a regular file, it is
// world-writable, or the directory itself is world-writable. Every refusal names the file and
// the reason an admin can fix ("chmod o-w ...").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::plugins {

// Creates the plugin directory (mode 0755) when it is missing, so a first install just works;
// returns it. Errors: kUnavailable naming the directory and the reason.
Result<std::filesystem::path> ensure_plugin_directory(const std::filesystem::path& dir);

// The directory exists, is a directory and is not world-writable.
Status check_plugin_directory(const std::filesystem::path& dir);

// Resolves `file_name` inside `dir` and applies every rule above; returns the resolved path.
Result<std::filesystem::path> resolve_plugin_file(const std::filesystem::path& dir,
                                                  const std::string& file_name);

// A temporary name beside `dest` that no other process uses (".<name>.<purpose>.<pid>.<random>"),
// for a copy that is then renamed over `dest`. A shared temporary name would let two processes
// (two nodes sharing the plugin directory) truncate a file the other has just renamed into place
// and loaded, which kills it with SIGBUS.
std::filesystem::path private_temp_path(const std::filesystem::path& dest,
                                        const std::string& purpose);

// The names of the *.so entries in `dir`, sorted (unchecked: resolve each before loading).
Result<std::vector<std::string>> list_plugin_files(const std::filesystem::path& dir);

}  // namespace steward::plugins

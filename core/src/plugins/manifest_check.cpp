#include "plugins/manifest_check.hpp"

namespace steward::plugins {

namespace {
std::string version_text(int major, int minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}
}  // namespace

Status check_api_version(const std::string& file_name, sdk::ApiVersion plugin) {
  if (plugin.major == sdk::kSdkApiMajor && plugin.minor >= 0 && plugin.minor <= sdk::kSdkApiMinor) {
    return Status::ok();
  }
  std::string why = plugin.major != sdk::kSdkApiMajor ? "another major version"
                                                      : "a newer minor version than this host";
  return Status::invalid_field(
      "api_version", file_name + " was built for SDK API " +
                         version_text(plugin.major, plugin.minor) + " (" + why +
                         "); this Steward accepts SDK API " + version_text(sdk::kSdkApiMajor, 0) +
                         " to " + version_text(sdk::kSdkApiMajor, sdk::kSdkApiMinor) +
                         ": rebuild the plugin against this Steward's SDK");
}

bool valid_plugin_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  int labels = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = id.find('.', start);
    std::string label =
        id.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    ++labels;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return labels >= 3;
}

Status check_manifest(const std::string& file_name, const sdk::Manifest& manifest,
                      sdk::ApiVersion reported) {
  if (!valid_plugin_id(manifest.id)) {
    return Status::invalid_field("id", file_name + ": plugin id '" + manifest.id +
                                           "' is not a reverse-DNS name like "
                                           "org.example.import.bank");
  }
  if (manifest.version.empty()) {
    return Status::invalid_field("version", file_name + ": the manifest has no version");
  }
  if (manifest.name.empty()) {
    return Status::invalid_field("name", file_name + ": the manifest has no name");
  }
  if (manifest.api_major != reported.major || manifest.api_minor != reported.minor) {
    return Status::invalid_field("api_version",
                                 file_name + ": the manifest's SDK API " +
                                     version_text(manifest.api_major, manifest.api_minor) +
                                     " differs from the library's " +
                                     version_text(reported.major, reported.minor));
  }
  int kind = static_cast<int>(manifest.kind);
  if (kind < 0 || kind > 2) {
    return Status::invalid_field("kind", file_name + ": unknown plugin kind");
  }
  return Status::ok();
}

}  // namespace steward::plugins

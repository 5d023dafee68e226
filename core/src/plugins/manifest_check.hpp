// plugins/manifest_check.hpp: the checks the host applies to a plugin's manifest before it
// creates anything from the library.
#pragma once

#include <string>

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugins {

// Same major as the host, minor not newer. The message names the file, both versions and what
// the host accepts: "built for SDK API 2.0; this Steward accepts 1.0 to 1.0".
Status check_api_version(const std::string& file_name, sdk::ApiVersion plugin);

// Reverse-DNS id (three or more labels of [a-z0-9-]), non-empty version and name, api fields
// matching what the library reported.
Status check_manifest(const std::string& file_name, const sdk::Manifest& manifest,
                      sdk::ApiVersion reported);

bool valid_plugin_id(const std::string& id);

}  // namespace steward::plugins

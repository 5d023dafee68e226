// plugins/config_schema.hpp: validates a plugin's configuration against the JSON Schema in its
// manifest, before the plugin sees it.
//
// Supported subset (what plugin configs need; anything else in the schema is ignored):
//   type (object, string, integer, number, boolean, array), properties, required, enum,
//   minimum, maximum, minLength, maxLength, pattern (ECMAScript regex, searched), items,
//   additionalProperties: false.
// Errors are kInvalid naming the key at fault as a dotted path under "config"
// ("config.port: must be at most 65535"). An empty schema text accepts only an empty object.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "steward/sdk/result.hpp"

namespace steward::plugins {

Status validate_config(const std::string& schema_text, const nlohmann::json& config);

// Applies "key=value" settings to `config` (an object). The value is read as JSON when it parses
// as a number, true/false/null, an array or an object, and as a string otherwise; "key=" with an
// empty value removes the key. Dotted keys ("smtp.port") set nested objects.
Status apply_settings(nlohmann::json& config, const std::vector<std::string>& settings);

}  // namespace steward::plugins

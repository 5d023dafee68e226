// Request and answer schemas of the admin plugin routes, /api/v1/plugins (decision 0111).
// Field names follow http/handlers/plugin_handlers.cpp and store::plugin_records::to_json.
#include "http/openapi_schema_builders.hpp"

namespace steward::http::schema {
namespace {

json plugin() {
  return answer({{"id", str()},
                 {"kind", one_of({"importer", "mailer", "report"})},
                 {"version", str()},
                 {"name", str()},
                 {"file_name", str()},
                 {"sha256", str(64)},
                 {"enabled", boolean()},
                 {"config", {{"type", "object"}}},
                 {"isolation", one_of({"in_process", "isolated"})},
                 {"state", one_of({"installed", "enabled", "failing", "missing", "changed"})},
                 {"last_error", opt_str(2000)},
                 {"installed_by", str()},
                 {"installed_at", str()},
                 {"updated_at", str()},
                 {"manifest", {{"type", "object"}}},
                 {"load_problem", opt_str(2000)}});
}

}  // namespace

json plugin_components() { return {{"Plugin", plugin()}}; }

void add_plugin_schemas(const AddSchemas& add) {
  const json nothing = object(json::object());
  // Install: a file already in the plugin directory, or an upload (file_name + content_base64).
  const json install = object({{"file", opt_str(255)},
                               {"file_name", opt_str(255)},
                               {"content_base64", {{"type", "string"}}},
                               {"isolation", one_of({"in_process", "isolated"})}});
  const json configure =
      object({{"config", {{"type", "object"}}}, {"isolation", one_of({"in_process", "isolated"})}});
  add("GET /api/v1/plugins", std::nullopt, answer({{"items", array_of(ref("Plugin"))}}), 200);
  add("POST /api/v1/plugins", install, ref("Plugin"), 201);
  add("GET /api/v1/plugins/{plugin_id}", std::nullopt, ref("Plugin"), 200);
  add("POST /api/v1/plugins/{plugin_id}/enable", nothing, ref("Plugin"), 200);
  add("POST /api/v1/plugins/{plugin_id}/disable", nothing, ref("Plugin"), 200);
  add("POST /api/v1/plugins/{plugin_id}/approve", nothing, ref("Plugin"), 200);
  add("PATCH /api/v1/plugins/{plugin_id}/config", configure, ref("Plugin"), 200);
  add("DELETE /api/v1/plugins/{plugin_id}", std::nullopt, std::nullopt, 204);
}

}  // namespace steward::http::schema

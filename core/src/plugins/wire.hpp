// plugins/wire.hpp: the plain-data messages between Steward and an isolated plugin host
// (`steward plugin-host`), as JSON. Every SDK value type has a to/from JSON pair here; the
// framing (4-byte big-endian length + JSON text) is in child_process.hpp.
//
// Requests (server -> child):  {"op": "open", "config": "..."} first, then
//   {"op": "detect", "file_name", "head"} {"op": "start", "file_name"} {"op": "feed", "bytes"}
//   {"op": "finish"} {"op": "deliver", "message"} {"op": "parameters"}
//   {"op": "run", "params"}
// Replies (child -> server): {"status": {...}, ...result fields}. During "run" the child may
// send {"op": "query", "sql", "params"} and waits for {"status", "rows"} before replying.
// Bytes (file chunks, attachments) are base64 so that any byte sequence survives JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "steward/sdk/importer.hpp"
#include "steward/sdk/mailer.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/report.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugins::wire {

using nlohmann::json;

// JSON text for the wire; invalid UTF-8 from a plugin is replaced (U+FFFD), never a throw.
inline std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string base64_encode(std::string_view bytes);
std::string base64_decode(const std::string& text);

json status_to_json(const Status& s);
Status status_from_json(const json& j);

json manifest_to_json(const sdk::Manifest& m);
sdk::Manifest manifest_from_json(const json& j);

json output_to_json(const sdk::ParseOutput& out);
void output_from_json(const json& j, sdk::ParseOutput& out);  // appends

json message_to_json(const sdk::MailMessage& m);
sdk::MailMessage message_from_json(const json& j);
json statuses_to_json(const std::vector<sdk::RecipientStatus>& s);
std::vector<sdk::RecipientStatus> statuses_from_json(const json& j);

json value_to_json(const sdk::Value& v);
sdk::Value value_from_json(const json& j);
json values_to_json(const std::vector<sdk::Value>& values);
std::vector<sdk::Value> values_from_json(const json& j);
json params_to_json(const std::map<std::string, sdk::Value>& params);
std::map<std::string, sdk::Value> params_from_json(const json& j);
json specs_to_json(const std::vector<sdk::ParameterSpec>& specs);
std::vector<sdk::ParameterSpec> specs_from_json(const json& j);
json table_to_json(const sdk::Table& t);
sdk::Table table_from_json(const json& j);
json rows_to_json(const sdk::QueryRows& r);
sdk::QueryRows rows_from_json(const json& j);

}  // namespace steward::plugins::wire

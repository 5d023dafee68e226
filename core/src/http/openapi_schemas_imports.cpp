// Request and answer schemas of the payment import routes, /api/v1/imports (decision 0111).
// Field names follow engine/import_json.cpp; the routes are in http/handlers/import_handlers.cpp.
#include "http/openapi_schema_builders.hpp"

namespace steward::http::schema {
namespace {

json outcome() { return one_of({"new_gift", "duplicate", "refund", "review", "error", "skipped"}); }

json import_record() {
  return answer({{"id", id()},
                 {"file_name", str()},
                 {"file_sha256", str(64)},
                 {"file_size", integer()},
                 {"plugin_id", str()},
                 {"source", str()},
                 {"status", one_of({"staged", "previewed", "committing", "committed", "failed",
                                    "cancelled"})},
                 {"policy", {{"type", "object"}}},
                 {"default_fund_id", opt_id()},
                 {"rows_total", integer()},
                 {"rows_committed", integer()},
                 {"gifts_created", integer()},
                 {"error", opt_str(2000)},
                 {"created_by", str()},
                 {"created_at", str()},
                 {"updated_at", str()},
                 {"committed_at", opt_str()},
                 {"counts", {{"type", "object"}}},
                 {"samples", {{"type", "object"}}}});
}

json imports_preview() {
  return answer({{"import_id", opt_id()},
                 {"status", str()},
                 {"plugin_id", str()},
                 {"source", str()},
                 {"file_name", str()},
                 {"counts", {{"type", "object"}}},
                 {"samples", {{"type", "object"}}},
                 {"rows", integer()},
                 {"new_donors", integer()},
                 {"matched", integer()},
                 {"seconds", {{"type", "number"}}}});
}

json import_row() {
  return answer({{"seq", integer()},
                 {"line", integer()},
                 {"outcome", outcome()},
                 {"record", {{"type", "object"}, {"nullable", true}}},
                 {"constituent_id", opt_id()},
                 {"gift_id", opt_id()},
                 {"matched_by", opt_str()},
                 {"message", opt_str(2000)},
                 {"create_donor", boolean()},
                 {"committed", boolean()}});
}

json commit_summary() {
  return answer({{"import_id", id()},
                 {"status", str()},
                 {"totals", {{"type", "object"}}},
                 {"pending_review", integer()},
                 {"seconds", {{"type", "number"}}},
                 {"job_id", id()},
                 {"kind", str()}});
}

}  // namespace

json import_components() {
  return {{"Import", import_record()},
          {"ImportPreview", imports_preview()},
          {"ImportRow", import_row()},
          {"ImportCommit", commit_summary()}};
}

void add_import_schemas(const AddSchemas& add) {
  // The file itself is the body (raw bytes, or multipart/form-data with one file part).
  json upload = {{"type", "string"}, {"format", "binary"}};
  add("POST /api/v1/imports", upload, ref("ImportPreview"), 201);
  add("GET /api/v1/imports", std::nullopt, answer({{"items", array_of(ref("Import"))}}), 200);
  add("GET /api/v1/imports/{id}", std::nullopt, ref("Import"), 200);
  add("POST /api/v1/imports/{id}/commit", object(json::object()), ref("ImportCommit"), 200);
  add("POST /api/v1/imports/{id}/cancel", object(json::object()),
      answer({{"import_id", id()},
              {"status", str()},
              {"stopping", boolean()},
              {"rows_committed", integer()},
              {"message", str()}}),
      200);
  add("GET /api/v1/imports/{id}/review", std::nullopt,
      answer({{"items", array_of(ref("ImportRow"))}}), 200);
  add("POST /api/v1/imports/{id}/review/{seq}",
      object({{"constituent_id", id()}, {"create_new", boolean()}}), ref("ImportRow"), 200);
}

}  // namespace steward::http::schema

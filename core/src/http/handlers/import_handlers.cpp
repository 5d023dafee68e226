// Payment imports, for admins (Permission::kManageSettings): the HTTP face of engine/import_*
// (docs/imports.md). Every change is audited by the engine and the repositories.
//   POST /api/v1/imports                     the file as the raw body (?file_name=&plugin=&
//                                            policy=create|review&default_fund=CODE&dry_run=true)
//                                            or multipart/form-data (the part with a filename;
//                                            the same settings as query parameters) -> detect,
//                                            parse, match: the preview (201; 200 for a dry run)
//   GET  /api/v1/imports                     recent imports
//   GET  /api/v1/imports/{id}                one import with counts and samples
//   POST /api/v1/imports/{id}/cancel         cancel (staged/previewed), or stop a commit at its
//                                            next chunk (decision 0154)
//   POST /api/v1/imports/{id}/commit         commit or resume (?background=true queues the job
//                                            "import.commit" and answers 202 with it)
//   GET  /api/v1/imports/{id}/review         rows waiting for a donor
//   POST /api/v1/imports/{id}/review/{seq}   {"constituent_id": N} or {"create_new": true}
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/import_cancel.hpp"
#include "engine/import_commit.hpp"
#include "engine/import_detect.hpp"
#include "engine/import_job.hpp"
#include "engine/import_json.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/import_repository.hpp"

namespace steward::http {
namespace {

namespace fs = std::filesystem;
namespace im = engine::imports;

struct ImportCtx {
  Api& api;
  fs::path dir() const { return api.options().plugin_dir; }
};

// A private temporary folder removed when this goes out of scope.
struct TempFolder {
  fs::path path;
  ~TempFolder() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

// The file part of a multipart/form-data body: its file name and bytes.
Result<std::pair<std::string, std::string>> multipart_file(const std::string& content_type,
                                                           const std::string& body) {
  auto at = content_type.find("boundary=");
  if (at == std::string::npos) return Status::invalid_field("body", "multipart without boundary");
  std::string boundary = content_type.substr(at + 9);
  if (auto semi = boundary.find(';'); semi != std::string::npos) boundary.resize(semi);
  if (boundary.size() >= 2 && boundary.front() == '"')
    boundary = boundary.substr(1, boundary.size() - 2);
  std::string delimiter = "--" + boundary;
  std::size_t pos = body.find(delimiter);
  while (pos != std::string::npos) {
    std::size_t headers = pos + delimiter.size();
    if (body.compare(headers, 2, "--") == 0) break;
    std::size_t end_headers = body.find("\r\n\r\n", headers);
    if (end_headers == std::string::npos) break;
    std::string head = body.substr(headers, end_headers - headers);
    std::size_t next = body.find("\r\n" + delimiter, end_headers + 4);
    if (next == std::string::npos) break;
    auto fn = head.find("filename=\"");
    if (fn != std::string::npos) {
      auto close = head.find('"', fn + 10);
      std::string name = head.substr(fn + 10, close == std::string::npos ? 0 : close - fn - 10);
      return std::make_pair(name, body.substr(end_headers + 4, next - end_headers - 4));
    }
    pos = next + 2;
  }
  return Status::invalid_field("body", "no file part (a form field with a filename) found");
}

std::string safe_name(std::string name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  if (name.empty() || name == "." || name == "..") name = "upload";
  if (name.size() > 200) name.resize(200);
  return name;
}

Response create_import(const ImportCtx& ctx, Call& call) {
  const Request& req = call.request;
  std::string content_type = req.header("content-type").value_or("");
  std::string name = req.query_param("file_name").value_or("upload");
  std::string bytes;
  if (content_type.starts_with("multipart/form-data")) {
    auto part = multipart_file(content_type, req.body);
    if (!part) return Response::from_status(part.status());
    name = part->first;
    bytes = std::move(part->second);
  } else {
    bytes = req.body;
  }
  if (bytes.empty())
    return Response::from_status(Status::invalid_field("body", "the file is empty"));
  std::string policy = req.query_param("policy").value_or("create");
  std::string dry = req.query_param("dry_run").value_or("false");
  if (dry != "true" && dry != "false") {
    return Response::from_status(Status::invalid_field("dry_run", "must be true or false"));
  }
  TempFolder folder;
  std::string tmpl = (fs::temp_directory_path() / "steward-import-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    return Response::from_status(Status::unavailable("cannot create a temporary folder"));
  }
  folder.path = tmpl;
  fs::path file = folder.path / safe_name(name);
  {
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Response::from_status(Status::unavailable("cannot store the upload"));
  }
  auto opened = im::open_importer(call.db, call.actor, ctx.dir(), {}, file, safe_name(name),
                                  req.query_param("plugin"));
  if (!opened) return Response::from_status(opened.status());
  im::StageOptions options;
  options.path = file;
  options.file_name = safe_name(name);
  options.plugin_id = opened->plugin_id;
  options.policy = policy;
  options.default_fund_code = req.query_param("default_fund");
  options.dry_run = dry == "true";
  auto preview = im::stage_import(call.db, call.actor, *opened->handle, options);
  if (!preview) return Response::from_status(preview.status());
  return Response::json(options.dry_run ? 200 : 201, im::preview_json(*preview));
}

Response list_imports(const ImportCtx&, Call& call) {
  auto list = call.db.read([](store::Unit& u) { return store::imports::list(u, 100); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *list) items.push_back(im::import_json(r));
  return Response::json(200, {{"items", items}});
}

Response get_import(const ImportCtx&, Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such import"));
  auto rec = call.db.read([&](store::Unit& u) { return store::imports::get(u, *id); });
  if (!rec) return Response::from_status(rec.status());
  auto preview = im::preview_import(call.db, *id);
  if (!preview) return Response::from_status(preview.status());
  nlohmann::json out = im::import_json(*rec);
  nlohmann::json p = im::preview_json(*preview);
  out["counts"] = p["counts"];
  out["samples"] = p["samples"];
  return Response::json(200, out);
}

Response commit(const ImportCtx&, Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such import"));
  std::string background = call.request.query_param("background").value_or("false");
  if (background == "true") {
    auto job = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Job> {
      auto rec = store::imports::get(u, *id);
      if (!rec) return rec.status();
      return im::enqueue_commit(u, *id);
    });
    if (!job) return Response::from_status(job.status());
    return Response::json(202, {{"job_id", job->id}, {"kind", job->kind}, {"import_id", *id}});
  }
  if (background != "false") {
    return Response::from_status(Status::invalid_field("background", "must be true or false"));
  }
  auto done = im::commit_import(call.db, call.actor, *id);
  if (!done) return Response::from_status(done.status());
  return Response::json(200, im::summary_json(*done));
}

Response cancel(const ImportCtx&, Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such import"));
  auto done = im::cancel_import(call.db, call.actor, *id);
  if (!done) return Response::from_status(done.status());
  return Response::json(200, {{"import_id", done->import_id},
                              {"status", done->status},
                              {"stopping", done->stopping},
                              {"rows_committed", done->rows_committed},
                              {"message", done->message}});
}

Response review_rows(const ImportCtx&, Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such import"));
  auto rows = call.db.read([&](store::Unit& u) -> Result<std::vector<store::imports::ImportRow>> {
    auto rec = store::imports::get(u, *id);
    if (!rec) return rec.status();
    return store::imports::rows(u, *id, "review", 0, 500);
  });
  if (!rows) return Response::from_status(rows.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows) items.push_back(im::row_json(r));
  return Response::json(200, {{"items", items}});
}

Response decide(const ImportCtx&, Call& call) {
  auto id = path_id(call.request);
  auto seq = path_id(call.request, "seq");
  if (!id || !seq) return Response::from_status(Status::not_found("no such import row"));
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto constituent = in.integer("constituent_id", false);
  auto create = in.boolean("create_new", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  im::ReviewDecision decision;
  decision.constituent_id = constituent;
  decision.create_new = create.value_or(false);
  auto row = im::decide_review(call.db, call.actor, *id, *seq, decision);
  if (!row) return Response::from_status(row.status());
  return Response::json(200, im::row_json(*row));
}

}  // namespace

void add_import_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  ImportCtx ctx{api};
  auto route = [&](const char* method, const char* path, const char* summary,
                   std::function<Response(const ImportCtx&, Call&)> fn) {
    r.add({method,
           path,
           Access::kPermission,
           Permission::kManageSettings,
           summary,
           [ctx, fn](Call& call) { return fn(ctx, call); },
           {}});
  };
  route("POST", "/api/v1/imports", "Upload a payment file: detect, read, match and preview",
        create_import);
  route("GET", "/api/v1/imports", "Recent payment imports", list_imports);
  route("GET", "/api/v1/imports/{id}", "One import with counts per outcome and samples",
        get_import);
  route("POST", "/api/v1/imports/{id}/commit", "Commit or resume an import", commit);
  route("POST", "/api/v1/imports/{id}/cancel",
        "Cancel a staged or previewed import, or stop one being committed", cancel);
  route("GET", "/api/v1/imports/{id}/review", "Rows waiting for a donor", review_rows);
  route("POST", "/api/v1/imports/{id}/review/{seq}", "Pick the donor of a row (or a new one)",
        decide);
}

}  // namespace steward::http

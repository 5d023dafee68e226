// Plugins, for admins (Permission::kManagePlugins). Every change is audited by the service.
//   GET    /api/v1/plugins                    list (re-checks files: missing/changed)
//   POST   /api/v1/plugins                    install: {"file": "x.so"} already in the plugin
//                                             directory, or {"file_name": "x.so",
//                                             "content_base64": "..."} upload; "isolation"
//   GET    /api/v1/plugins/{plugin_id}        record + manifest
//   POST   /api/v1/plugins/{plugin_id}/enable | /disable | /approve
//   PATCH  /api/v1/plugins/{plugin_id}/config {"config": {"key": value|null}, "isolation": "..."}
//   DELETE /api/v1/plugins/{plugin_id}
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "plugins/plugin_service.hpp"
#include "plugins/wire.hpp"

namespace steward::http {
namespace {

namespace fs = std::filesystem;
using plugins::PluginRecord;

struct PluginCtx {
  Api& api;
  fs::path dir() const { return api.options().plugin_dir; }
};

std::string plugin_id(const Call& call) {
  auto it = call.request.path_params.find("plugin_id");
  return it == call.request.path_params.end() ? "" : it->second;
}

Response record_response(int status, const Result<PluginRecord>& r) {
  if (!r) return Response::from_status(r.status());
  return Response::json(status, store::plugin_records::to_json(*r));
}

Response list_plugins(const PluginCtx& ctx, Call& call) {
  auto list = call.db.write(call.actor,
                            [&](store::Unit& u) { return plugins::sync_plugins(u, ctx.dir()); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *list) items.push_back(store::plugin_records::to_json(p));
  return Response::json(200, {{"items", items}});
}

Response get_plugin(const PluginCtx& ctx, Call& call) {
  std::string id = plugin_id(call);
  auto info = call.db.read([&](store::Unit& u) { return plugins::plugin_info(u, ctx.dir(), id); });
  if (!info) return Response::from_status(info.status());
  nlohmann::json out = store::plugin_records::to_json(info->record);
  if (info->manifest) {
    nlohmann::json m = plugins::wire::manifest_to_json(*info->manifest);
    m["kind"] = sdk::kind_name(info->manifest->kind);
    out["manifest"] = m;
  } else {
    out["load_problem"] = info->load_problem;
  }
  return Response::json(200, out);
}

// A private temporary copy of an uploaded file, removed when this goes out of scope.
struct Upload {
  fs::path folder;
  ~Upload() {
    std::error_code ec;
    if (!folder.empty()) fs::remove_all(folder, ec);
  }
};

Response install_plugin(const PluginCtx& ctx, Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto file = in.text("file", false);
  auto upload_name = in.text("file_name", false);
  auto content = in.text("content_base64", false);
  auto isolation = in.text("isolation", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  fs::path source;
  Upload upload;
  if (file && !upload_name && !content) {
    if (file->find('/') != std::string::npos || *file == ".." || *file == ".") {
      return Response::from_status(
          Status::invalid_field("file", "must be a file name in the plugin directory"));
    }
    source = ctx.dir() / *file;
  } else if (!file && upload_name && content) {
    if (upload_name->find('/') != std::string::npos || !upload_name->ends_with(".so") ||
        *upload_name == ".so") {
      return Response::from_status(
          Status::invalid_field("file_name", "must be a plain name ending in .so"));
    }
    std::string bytes;
    try {
      bytes = plugins::wire::base64_decode(*content);
    } catch (const std::exception&) {
      return Response::from_status(Status::invalid_field("content_base64", "is not base64"));
    }
    std::string tmpl = (fs::temp_directory_path() / "steward-upload-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      return Response::from_status(Status::unavailable("cannot create a temporary folder"));
    }
    upload.folder = tmpl;
    source = upload.folder / *upload_name;
    std::ofstream out(source, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Response::from_status(Status::unavailable("cannot store the upload"));
  } else {
    return Response::from_status(
        Status::invalid_field("file",
                              "give either file (already in the plugin directory) or file_name and "
                              "content_base64 (an upload)"));
  }
  auto r = call.db.write(call.actor, [&](store::Unit& u) {
    return plugins::install_plugin(u, ctx.dir(), source, isolation);
  });
  return record_response(201, r);
}

Response configure_plugin(const PluginCtx& ctx, Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  const nlohmann::json* config = in.object("config", false);
  auto isolation = in.text("isolation", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (!config && !isolation) {
    return Response::from_status(Status::invalid_field("config", "give config or isolation"));
  }
  std::string id = plugin_id(call);
  auto r = call.db.write(call.actor, [&](store::Unit& u) -> Result<PluginRecord> {
    if (isolation) {
      auto set = plugins::set_plugin_isolation(u, id, *isolation);
      if (!set || !config) return set;
    }
    return plugins::configure_plugin_json(u, ctx.dir(), id, *config);
  });
  return record_response(200, r);
}

Response remove_plugin(const PluginCtx& ctx, Call& call) {
  std::string id = plugin_id(call);
  auto file = call.db.write(
      call.actor, [&](store::Unit& u) { return plugins::remove_plugin(u, ctx.dir(), id); });
  if (!file) return Response::from_status(file.status());
  plugins::delete_plugin_file(ctx.dir(), *file);
  return Response::no_content();
}

}  // namespace

void add_plugin_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  PluginCtx ctx{api};
  auto route = [&](const char* method, const char* path, const char* summary,
                   std::function<Response(const PluginCtx&, Call&)> fn) {
    r.add({method,
           path,
           Access::kPermission,
           Permission::kManagePlugins,
           summary,
           [ctx, fn](Call& call) { return fn(ctx, call); },
           {}});
  };
  route("GET", "/api/v1/plugins", "Installed plugins and their state", list_plugins);
  route("POST", "/api/v1/plugins", "Install a plugin (file in the plugin directory or upload)",
        install_plugin);
  route("GET", "/api/v1/plugins/{plugin_id}", "One plugin with its manifest", get_plugin);
  route("POST", "/api/v1/plugins/{plugin_id}/enable", "Enable (and approve a changed file)",
        [](const PluginCtx& c, Call& call) {
          std::string id = plugin_id(call);
          return record_response(200, call.db.write(call.actor, [&](store::Unit& u) {
            return plugins::enable_plugin(u, c.dir(), id);
          }));
        });
  route("POST", "/api/v1/plugins/{plugin_id}/disable", "Disable a plugin",
        [](const PluginCtx&, Call& call) {
          std::string id = plugin_id(call);
          return record_response(200, call.db.write(call.actor, [&](store::Unit& u) {
            return plugins::disable_plugin(u, id);
          }));
        });
  route("POST", "/api/v1/plugins/{plugin_id}/approve", "Accept a changed plugin file",
        [](const PluginCtx& c, Call& call) {
          std::string id = plugin_id(call);
          return record_response(200, call.db.write(call.actor, [&](store::Unit& u) {
            return plugins::approve_plugin(u, c.dir(), id);
          }));
        });
  route("PATCH", "/api/v1/plugins/{plugin_id}/config",
        "Change settings (validated against the plugin's schema) or isolation", configure_plugin);
  route("DELETE", "/api/v1/plugins/{plugin_id}", "Remove a plugin and its file", remove_plugin);
}

}  // namespace steward::http

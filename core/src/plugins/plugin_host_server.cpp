#include "plugins/plugin_host_server.hpp"

#include <filesystem>

#include "plugins/child_process.hpp"
#include "plugins/in_process_plugin.hpp"
#include "plugins/wire.hpp"

namespace steward::plugins {
namespace {

using wire::json;

// Report queries travel back to the server, which runs them and answers.
class RemoteQuery : public sdk::QueryCapability {
 public:
  RemoteQuery(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}
  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<sdk::Value>& params) const override {
    json request = {
        {"op", "query"}, {"sql", std::string(sql)}, {"params", wire::values_to_json(params)}};
    if (Status s = write_frame(out_, wire::dump(request)); !s) return s;
    auto reply = read_frame(in_);
    if (!reply) return reply.status();
    json j = json::parse(*reply);
    Status s = wire::status_from_json(j.at("status"));
    if (!s) return s;
    return wire::rows_from_json(j.at("rows"));
  }

 private:
  int in_;
  int out_;
};

json handle(PluginHandle& plugin, const json& request, int in_fd, int out_fd) {
  std::string op = request.at("op").get<std::string>();
  json reply = json::object();
  Status status;
  if (op == "detect") {
    auto r = plugin.detect(request.at("file_name").get<std::string>(),
                           wire::base64_decode(request.at("head").get<std::string>()));
    status = r.status();
    if (r) reply["confidence"] = *r;
  } else if (op == "start") {
    status = plugin.start(request.at("file_name").get<std::string>());
  } else if (op == "feed" || op == "finish") {
    sdk::ParseOutput out;
    status = op == "feed"
                 ? plugin.feed(wire::base64_decode(request.at("bytes").get<std::string>()), out)
                 : plugin.finish(out);
    reply["output"] = wire::output_to_json(out);
  } else if (op == "deliver") {
    auto r = plugin.deliver(wire::message_from_json(request.at("message")));
    status = r.status();
    if (r) reply["statuses"] = wire::statuses_to_json(*r);
  } else if (op == "parameters") {
    auto r = plugin.parameters();
    status = r.status();
    if (r) reply["specs"] = wire::specs_to_json(*r);
  } else if (op == "run") {
    RemoteQuery db(in_fd, out_fd);
    auto r = plugin.run(db, wire::params_from_json(request.at("params")));
    status = r.status();
    if (r) reply["table"] = wire::table_to_json(*r);
  } else {
    status = Status::invalid_field("op", "unknown request " + op);
  }
  reply["status"] = wire::status_to_json(status);
  if (plugin.consecutive_failures() > 0) {
    reply["failed"] = plugin.last_error();  // the call threw: the server counts it
    plugin.reset_failures();
  }
  return reply;
}

}  // namespace

int serve_plugin_host(const std::string& plugin_path, int in_fd, int out_fd) {
  std::filesystem::path path(plugin_path);
  std::unique_ptr<PluginHandle> plugin;
  while (true) {
    auto frame = read_frame(in_fd);
    if (!frame) return frame.status().code() == StatusCode::kNotFound ? 0 : 2;
    json reply;
    try {
      json request = json::parse(*frame);
      if (request.at("op") == "open") {
        auto opened = open_in_process(path.parent_path(), path.filename().string(),
                                      request.at("config").get<std::string>());
        reply["status"] = wire::status_to_json(opened.status());
        if (opened) {
          plugin = std::move(*opened);
          plugin->set_failure_limit(1 << 30);  // the server counts failures, not the child
          reply["manifest"] = wire::manifest_to_json(plugin->manifest());
        }
      } else if (!plugin) {
        reply["status"] = wire::status_to_json(Status::internal("plugin host: not opened"));
      } else {
        reply = handle(*plugin, request, in_fd, out_fd);
      }
    } catch (const std::exception& e) {
      reply = json{{"status", wire::status_to_json(Status::internal(
                                  std::string("plugin host: bad request: ") + e.what()))}};
    }
    if (!write_frame(out_fd, wire::dump(reply))) return 2;
  }
}

}  // namespace steward::plugins

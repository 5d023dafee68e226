#include "plugins/isolated_plugin.hpp"

#include <algorithm>

#include "plugins/child_process.hpp"
#include "plugins/file_safety.hpp"
#include "plugins/wire.hpp"

namespace steward::plugins {
namespace {

using wire::json;

class IsolatedPlugin final : public PluginHandle {
 public:
  IsolatedPlugin(std::filesystem::path path, std::string config, IsolationOptions options)
      : path_(std::move(path)), config_(std::move(config)), options_(std::move(options)) {}

  // Starts the child and opens the plugin; sets manifest_.
  Status open() {
    auto child =
        ChildProcess::spawn({options_.host_binary, "plugin-host", "--plugin", path_.string()});
    if (!child) return child.status();
    child_ = std::move(*child);
    json request = {{"op", "open"}, {"config", config_}};
    const int allowed_ms = std::max(options_.timeout_ms, options_.start_timeout_ms);
    Status s = child_->send(wire::dump(request), allowed_ms);
    Result<std::string> reply = s ? child_->receive(allowed_ms) : Result<std::string>(s);
    if (!reply) {
      child_.reset();
      return Status::unavailable(label() + ": the plugin host " + reply.status().message());
    }
    try {
      json j = json::parse(*reply);
      Status opened = wire::status_from_json(j.at("status"));
      if (!opened) {
        child_.reset();
        return opened;
      }
      manifest_ = wire::manifest_from_json(j.at("manifest"));
    } catch (const std::exception& e) {
      child_.reset();
      return Status::unavailable(label() + ": bad answer from the plugin host: " + e.what());
    }
    return Status::ok();
  }

  const sdk::Manifest& manifest() const override { return manifest_; }
  Isolation isolation() const override { return Isolation::kIsolated; }

  Result<int> detect(std::string_view file_name, std::string_view head) override {
    auto r = call({{"op", "detect"},
                   {"file_name", std::string(file_name)},
                   {"head", wire::base64_encode(head)}});
    if (!r) return r.status();
    return r->at("confidence").get<int>();
  }
  Status start(std::string_view file_name) override {
    return call({{"op", "start"}, {"file_name", std::string(file_name)}}).status();
  }
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override {
    return with_output(call({{"op", "feed"}, {"bytes", wire::base64_encode(bytes)}}), out);
  }
  Status finish(sdk::ParseOutput& out) override {
    return with_output(call({{"op", "finish"}}), out);
  }
  Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage& message) override {
    auto r = call({{"op", "deliver"}, {"message", wire::message_to_json(message)}});
    if (!r) return r.status();
    return wire::statuses_from_json(r->at("statuses"));
  }
  Result<std::vector<sdk::ParameterSpec>> parameters() override {
    auto r = call({{"op", "parameters"}});
    if (!r) return r.status();
    return wire::specs_from_json(r->at("specs"));
  }
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override {
    auto r = call({{"op", "run"}, {"params", wire::params_to_json(params)}}, &db);
    if (!r) return r.status();
    return wire::table_from_json(r->at("table"));
  }

 private:
  std::string label() const {
    return "plugin " + (manifest_.id.empty() ? path_.filename().string() : manifest_.id);
  }

  Status with_output(const Result<json>& r, sdk::ParseOutput& out) {
    if (!r) return r.status();
    wire::output_from_json(r->at("output"), out);
    return Status::ok();
  }

  // One request/reply. Ok Result = the plugin answered with an ok status (the reply json);
  // a non-ok plugin status is returned as is; transport trouble is a counted failure.
  Result<json> call(const json& request, const sdk::QueryCapability* db = nullptr) {
    if (Status s = refuse_if_failing(); !s) return s;
    if (!child_) {
      if (Status s = open(); !s) return note_failure("could not restart: " + s.message());
    }
    Status sent = child_->send(wire::dump(request), options_.timeout_ms);
    if (!sent) return transport_failure(sent);
    try {
      while (true) {
        auto reply = child_->receive(options_.timeout_ms);
        if (!reply) return transport_failure(reply.status());
        json j = json::parse(*reply);
        if (j.contains("op") && j["op"] == "query") {
          json answer;
          if (!db) {
            answer = {{"status", wire::status_to_json(Status::invalid("no query capability"))}};
          } else {
            auto rows =
                db->query(j.at("sql").get<std::string>(), wire::values_from_json(j.at("params")));
            answer = {{"status", wire::status_to_json(rows.status())}};
            if (rows) answer["rows"] = wire::rows_to_json(*rows);
          }
          Status s = child_->send(wire::dump(answer), options_.timeout_ms);
          if (!s) return transport_failure(s);
          continue;
        }
        if (j.contains("failed")) return note_failure(j["failed"].get<std::string>());
        note_success();
        Status status = wire::status_from_json(j.at("status"));
        if (!status) return status;
        return j;
      }
    } catch (const std::exception& e) {
      child_.reset();
      return note_failure(std::string("sent a malformed answer: ") + e.what());
    }
  }

  Status transport_failure(const Status& s) {
    child_.reset();  // kills and reaps
    return note_failure(s.message());
  }

  std::filesystem::path path_;
  std::string config_;
  IsolationOptions options_;
  sdk::Manifest manifest_;
  std::unique_ptr<ChildProcess> child_;
};

std::string own_binary() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("steward") : p.string();
}

}  // namespace

Result<std::unique_ptr<PluginHandle>> open_isolated(const std::filesystem::path& dir,
                                                    const std::string& file_name,
                                                    const std::string& config_json,
                                                    const IsolationOptions& options) {
  auto path = resolve_plugin_file(dir, file_name);
  if (!path) return path.status();
  IsolationOptions opts = options;
  if (opts.host_binary.empty()) opts.host_binary = own_binary();
  auto plugin =
      std::make_unique<IsolatedPlugin>(*path, config_json.empty() ? "{}" : config_json, opts);
  if (Status s = plugin->open(); !s) return s;
  return std::unique_ptr<PluginHandle>(std::move(plugin));
}

}  // namespace steward::plugins

#include "plugins/in_process_plugin.hpp"

#include <exception>
#include <utility>

#include "plugins/file_safety.hpp"
#include "plugins/manifest_check.hpp"

namespace steward::plugins {
namespace {

std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    return std::string("threw: ") + e.what();
  } catch (...) {
    return "threw a non-standard exception";
  }
}

class InProcessPlugin final : public PluginHandle {
 public:
  InProcessPlugin(std::shared_ptr<Library> library, sdk::Manifest manifest,
                  std::unique_ptr<sdk::Plugin> object)
      : library_(std::move(library)), manifest_(std::move(manifest)), object_(std::move(object)) {}
  // object_ is declared after library_, so it is destroyed first; spelled out for clarity.
  ~InProcessPlugin() override { object_.reset(); }

  const sdk::Manifest& manifest() const override { return manifest_; }
  Isolation isolation() const override { return Isolation::kInProcess; }

  Result<int> detect(std::string_view file_name, std::string_view head) override {
    auto* importer = object_->as_importer();
    if (!importer) return wrong_kind("importer");
    int confidence = 0;
    Status s = guard([&] {
      confidence = importer->detect(file_name, head);
      return Status::ok();
    });
    if (!s) return s;
    return confidence < 0 ? 0 : (confidence > 100 ? 100 : confidence);
  }
  Status start(std::string_view file_name) override {
    auto* importer = object_->as_importer();
    if (!importer) return wrong_kind("importer");
    return guard([&] { return importer->start(file_name); });
  }
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override {
    auto* importer = object_->as_importer();
    if (!importer) return wrong_kind("importer");
    return guard([&] { return importer->feed(bytes, out); });
  }
  Status finish(sdk::ParseOutput& out) override {
    auto* importer = object_->as_importer();
    if (!importer) return wrong_kind("importer");
    return guard([&] { return importer->finish(out); });
  }
  Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage& message) override {
    auto* mailer = object_->as_mailer();
    if (!mailer) return wrong_kind("mailer");
    std::optional<Result<std::vector<sdk::RecipientStatus>>> out;
    Status s = guard([&] {
      out.emplace(mailer->deliver(message));
      return Status::ok();
    });
    if (!s) return s;
    return std::move(*out);
  }
  Result<std::vector<sdk::ParameterSpec>> parameters() override {
    auto* report = object_->as_report();
    if (!report) return wrong_kind("report");
    std::vector<sdk::ParameterSpec> specs;
    Status s = guard([&] {
      specs = report->parameters();
      return Status::ok();
    });
    if (!s) return s;
    return specs;
  }
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override {
    auto* report = object_->as_report();
    if (!report) return wrong_kind("report");
    std::optional<Result<sdk::Table>> out;
    Status s = guard([&] {
      out.emplace(report->run(db, params));
      return Status::ok();
    });
    if (!s) return s;
    return std::move(*out);
  }

 private:
  template <typename Fn>
  Status guard(Fn&& fn) {
    if (Status s = refuse_if_failing(); !s) return s;
    try {
      Status s = fn();
      note_success();
      return s;
    } catch (...) {
      return note_failure(describe_current_exception());
    }
  }

  std::shared_ptr<Library> library_;
  sdk::Manifest manifest_;
  std::unique_ptr<sdk::Plugin> object_;
};

}  // namespace

Result<InspectedPlugin> inspect_plugin(const std::filesystem::path& dir,
                                       const std::string& file_name) {
  auto path = resolve_plugin_file(dir, file_name);
  if (!path) return path.status();
  auto library = Library::open(*path);
  if (!library) return library.status();
  if (Status s = (*library)->check_symbols(); !s) return s;
  InspectedPlugin out{*library, {}};
  sdk::ApiVersion api;
  try {
    api = out.library->api_version();
  } catch (...) {
    return Status::invalid_field(
        "file", file_name + ": reading the SDK API version " + describe_current_exception());
  }
  if (Status s = check_api_version(file_name, api); !s) return s;
  try {
    out.manifest = out.library->manifest();
  } catch (...) {
    return Status::invalid_field(
        "file", file_name + ": the manifest function " + describe_current_exception());
  }
  if (Status s = check_manifest(file_name, out.manifest, api); !s) return s;
  return out;
}

Result<std::unique_ptr<PluginHandle>> open_in_process(const std::filesystem::path& dir,
                                                      const std::string& file_name,
                                                      const std::string& config_json) {
  auto inspected = inspect_plugin(dir, file_name);
  if (!inspected) return inspected.status();
  const std::string& id = inspected->manifest.id;
  std::unique_ptr<sdk::Plugin> object;
  try {
    object = inspected->library->create(config_json.empty() ? "{}" : config_json);
  } catch (...) {
    return Status::unavailable("plugin " + id + ": the factory " + describe_current_exception());
  }
  if (!object) return Status::unavailable("plugin " + id + ": the factory returned no object");
  bool matches = false;
  switch (inspected->manifest.kind) {
    case sdk::PluginKind::kImporter:
      matches = object->as_importer() != nullptr;
      break;
    case sdk::PluginKind::kMailer:
      matches = object->as_mailer() != nullptr;
      break;
    case sdk::PluginKind::kReport:
      matches = object->as_report() != nullptr;
      break;
  }
  if (!matches) {
    std::string kind = sdk::kind_name(inspected->manifest.kind);
    return Status::invalid_field(
        "kind", "plugin " + id + " declares kind " + kind + " but its object is not a " + kind);
  }
  return std::unique_ptr<PluginHandle>(
      new InProcessPlugin(inspected->library, inspected->manifest, std::move(object)));
}

}  // namespace steward::plugins

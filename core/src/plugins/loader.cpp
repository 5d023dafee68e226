#include "plugins/loader.hpp"

#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>
#include <boost/system/system_error.hpp>

namespace steward::plugins {

namespace {
constexpr const char* kApiSymbol = "steward_plugin_api";
constexpr const char* kManifestSymbol = "steward_plugin_manifest";
constexpr const char* kCreateSymbol = "steward_plugin_create";
}  // namespace

struct Library::Impl {
  boost::dll::shared_library lib;
};

Library::Library(std::filesystem::path path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

Library::~Library() = default;

Result<std::shared_ptr<Library>> Library::open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  boost::system::error_code ec;
  // RTLD_LOCAL (the default): the plugin's symbols do not leak into the next plugin loaded.
  impl->lib.load(boost::dll::fs::path(path.string()), ec, boost::dll::load_mode::rtld_now);
  if (ec) {
    return Status::invalid_field("file",
                                 path.filename().string() + " cannot be loaded: " + ec.message());
  }
  return std::shared_ptr<Library>(new Library(path, std::move(impl)));
}

Status Library::check_symbols() const {
  for (const char* symbol : {kApiSymbol, kManifestSymbol, kCreateSymbol}) {
    if (!impl_->lib.has(symbol)) {
      return Status::invalid_field(
          "file", path_.filename().string() + " is not a Steward plugin: it does not export " +
                      symbol + " (use STEWARD_PLUGIN from steward/sdk/plugin.hpp)");
    }
  }
  return Status::ok();
}

sdk::ApiVersion Library::api_version() const {
  return impl_->lib.get_alias<sdk::ApiFunction>(kApiSymbol)();
}

sdk::Manifest Library::manifest() const {
  return impl_->lib.get_alias<sdk::ManifestFunction>(kManifestSymbol)();
}

std::unique_ptr<sdk::Plugin> Library::create(const std::string& config_json) const {
  return impl_->lib.get_alias<sdk::FactoryFunction>(kCreateSymbol)(config_json);
}

}  // namespace steward::plugins

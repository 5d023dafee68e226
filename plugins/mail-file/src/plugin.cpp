// mail-file.so: the manifest and factory around plugin_mail_file_lib.
#include "steward/sdk/plugin.hpp"
#include "mail_file/file_mailer.hpp"

namespace {

steward::sdk::Manifest manifest() {
  steward::sdk::Manifest m;
  m.id = "org.steward.mail.file";
  m.kind = steward::sdk::PluginKind::kMailer;
  m.version = "0.1.0";
  m.name = "Outbox folder";
  m.description =
      "Writes each message as an .eml file into a folder instead of sending it (for trying "
      "Steward out, or for handing mail to another system).";
  m.author = "Steward";
  m.license = "MIT";
  m.config_schema = steward::mail_file::config_schema();
  return m;
}

std::unique_ptr<steward::sdk::Plugin> create(const std::string& config_json) {
  auto config = steward::mail_file::parse_config(config_json);
  if (!config) return nullptr;
  return std::make_unique<steward::mail_file::FileMailer>(*config);
}

}  // namespace

STEWARD_PLUGIN(manifest, create)

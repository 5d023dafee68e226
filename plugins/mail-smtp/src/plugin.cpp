// mail-smtp.so: the manifest and factory around plugin_mail_smtp_lib.
#include "steward/sdk/plugin.hpp"
#include "mail_smtp/smtp_mailer.hpp"

namespace {

steward::sdk::Manifest manifest() {
  steward::sdk::Manifest m;
  m.id = "org.steward.mail.smtp";
  m.kind = steward::sdk::PluginKind::kMailer;
  m.version = "0.1.0";
  m.name = "SMTP";
  m.description =
      "Sends mail through an SMTP server (smtp:// with STARTTLS, or smtps://), with a login "
      "when one is set.";
  m.author = "Steward";
  m.license = "MIT";
  m.config_schema = steward::mail_smtp::config_schema();
  return m;
}

std::unique_ptr<steward::sdk::Plugin> create(const std::string& config_json) {
  auto config = steward::mail_smtp::parse_config(config_json);
  if (!config) return nullptr;
  return std::make_unique<steward::mail_smtp::SmtpMailer>(*config);
}

}  // namespace

STEWARD_PLUGIN(manifest, create)

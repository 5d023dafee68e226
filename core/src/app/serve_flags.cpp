#include "app/serve_flags.hpp"

namespace steward::app {

void add_serve_flags(CLI::App& serve, ServeFlags& flags) {
  serve.add_option("--session-idle-minutes", flags.idle_minutes,
                   "end a session after this many minutes without a request (default 30)");
  serve.add_option("--session-absolute-hours", flags.absolute_hours,
                   "end a session this many hours after sign-in (default 12)");
  serve.add_option("--trusted-proxy", flags.trusted_proxies,
                   "a reverse proxy's IP address whose X-Forwarded-For/-Proto to believe "
                   "(repeat for several)");
  serve.add_option("--tls-cert-file", flags.tls_cert_file,
                   "PEM certificate chain: serve HTTPS only (with --tls-key-file)");
  serve.add_option("--tls-key-file", flags.tls_key_file, "PEM private key of the certificate");
}

Status apply_serve_flags(const ServeFlags& flags, Config& config) {
  if (flags.idle_minutes != 0) {
    if (flags.idle_minutes < 1 || flags.idle_minutes > 24 * 60) {
      return Status::invalid_field("--session-idle-minutes", "must be from 1 to 1440");
    }
    config.session_idle_minutes = flags.idle_minutes;
  }
  if (flags.absolute_hours != 0) {
    if (flags.absolute_hours < 1 || flags.absolute_hours > 24 * 30) {
      return Status::invalid_field("--session-absolute-hours", "must be from 1 to 720");
    }
    config.session_absolute_hours = flags.absolute_hours;
  }
  if (!flags.trusted_proxies.empty()) config.trusted_proxies = flags.trusted_proxies;
  if (!flags.tls_cert_file.empty()) config.tls_cert_file = flags.tls_cert_file;
  if (!flags.tls_key_file.empty()) config.tls_key_file = flags.tls_key_file;
  return check_server_settings(config);
}

http::ApiOptions api_options_from(const Config& config) {
  http::ApiOptions options;
  options.sign_in.timeouts.idle = std::chrono::minutes(config.session_idle_minutes);
  options.sign_in.timeouts.absolute = std::chrono::hours(config.session_absolute_hours);
  options.secure_cookies = !config.tls_cert_file.empty();
  return options;
}

}  // namespace steward::app

// mail_smtp/smtp_config.hpp: the SMTP mailer's settings.
//
//   {"url": "smtp://mail.example.org:587",   smtp:// (STARTTLS per "starttls") or smtps://
//    "starttls": "required",                  required | optional | off (smtp:// only)
//    "username": "...", "password": "...",    AUTH when a username is set
//    "from": "Office <office@example.org>",   used when a message has no From
//    "connect_timeout_seconds": 10, "timeout_seconds": 60,
//    "ca_file": "/etc/ssl/private-ca.pem"}    optional: trust this CA (PEM) instead of the
//                                             system's, for a server with a private certificate
// The server's certificate is always verified (name and chain); there is no switch to turn that
// off.
//
// "starttls" defaults to "required": a donor list must not cross the network in clear text
// unless an admin says so ("off" is for a relay on the same machine).
#pragma once

#include <string>

#include "steward/sdk/result.hpp"

namespace steward::mail_smtp {

enum class StartTls { kRequired, kOptional, kOff };

struct SmtpConfig {
  std::string url;
  StartTls starttls = StartTls::kRequired;
  std::string username;
  std::string password;
  std::string from;
  long connect_timeout_seconds = 10;
  long timeout_seconds = 60;
  std::string ca_file;  // empty: the system's CA store
};

// kInvalid naming the field ("url", "starttls", "timeout_seconds", ...).
Result<SmtpConfig> parse_config(const std::string& config_json);
std::string config_schema();

}  // namespace steward::mail_smtp

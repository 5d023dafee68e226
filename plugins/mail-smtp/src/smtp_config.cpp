// mail_smtp/smtp_config.cpp: see smtp_config.hpp.
#include "mail_smtp/smtp_config.hpp"

#include <nlohmann/json.hpp>

namespace steward::mail_smtp {

Result<SmtpConfig> parse_config(const std::string& config_json) {
  nlohmann::json j =
      nlohmann::json::parse(config_json.empty() ? "{}" : config_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::invalid_field("config", "must be a JSON object");
  }
  SmtpConfig c;
  auto text = [&](const char* key, std::string& out) -> Status {
    if (!j.contains(key)) return Status::ok();
    if (!j[key].is_string()) return Status::invalid_field(key, "must be text");
    out = j[key].get<std::string>();
    for (char ch : out) {
      if (ch == '\r' || ch == '\n') return Status::invalid_field(key, "must be one line");
    }
    return Status::ok();
  };
  auto seconds = [&](const char* key, long& out) -> Status {
    if (!j.contains(key)) return Status::ok();
    if (!j[key].is_number_integer()) return Status::invalid_field(key, "must be a whole number");
    out = j[key].get<long>();
    if (out < 1 || out > 3600) return Status::invalid_field(key, "must be 1..3600 seconds");
    return Status::ok();
  };
  std::string starttls = "required";
  for (auto s : {text("url", c.url), text("username", c.username), text("password", c.password),
                 text("from", c.from), text("starttls", starttls), text("ca_file", c.ca_file),
                 seconds("connect_timeout_seconds", c.connect_timeout_seconds),
                 seconds("timeout_seconds", c.timeout_seconds)}) {
    if (!s) return s;
  }
  if (c.url.rfind("smtp://", 0) != 0 && c.url.rfind("smtps://", 0) != 0) {
    return Status::invalid_field("url", "must start with smtp:// or smtps://");
  }
  if (starttls == "required") {
    c.starttls = StartTls::kRequired;
  } else if (starttls == "optional") {
    c.starttls = StartTls::kOptional;
  } else if (starttls == "off") {
    c.starttls = StartTls::kOff;
  } else {
    return Status::invalid_field("starttls", "must be required, optional or off");
  }
  return c;
}

std::string config_schema() {
  return R"({"type":"object","properties":{)"
         R"("url":{"type":"string","pattern":"^smtps?://"},)"
         R"("starttls":{"type":"string","enum":["required","optional","off"]},)"
         R"("username":{"type":"string"},"password":{"type":"string"},)"
         R"("from":{"type":"string"},"ca_file":{"type":"string"},)"
         R"("connect_timeout_seconds":{"type":"integer","minimum":1,"maximum":3600},)"
         R"("timeout_seconds":{"type":"integer","minimum":1,"maximum":3600}},)"
         R"("required":["url"],"additionalProperties":false})";
}

}  // namespace steward::mail_smtp

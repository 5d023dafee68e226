#include "domain/mail_template.hpp"

#include <kainjow/mustache.hpp>

#include "domain/validation.hpp"

namespace steward::domain {

bool is_mail_template_kind(std::string_view kind) {
  return kind == "thank_you_email" || kind == "thank_you_letter" || kind == "tribute" ||
         kind == "year_end" || kind == "appeal";
}

Status check_mustache(std::string_view field, const std::string& text) {
  kainjow::mustache::mustache parsed(text);
  if (!parsed.is_valid()) return Status::invalid_field(std::string(field), parsed.error_message());
  return Status::ok();
}

namespace {

Status mail_template_check_name(const std::string& name) {
  if (name.empty()) return Status::invalid_field("name", "is required");
  if (name.size() > 64) return Status::invalid_field("name", "must be at most 64 characters");
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) {
      return Status::invalid_field("name", "may hold lower-case letters, digits, '-' and '_'");
    }
  }
  return Status::ok();
}

Status check_language(const std::string& language) {
  bool ok =
      language.size() == 2 || (language.size() >= 4 && language.size() <= 8 && language[2] == '-');
  for (std::size_t i = 0; ok && i < 2; ++i) ok = language[i] >= 'a' && language[i] <= 'z';
  for (std::size_t i = 3; ok && i < language.size(); ++i) {
    char c = language[i];
    ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  if (!ok) return Status::invalid_field("language", "must be a language code such as en or ko");
  return Status::ok();
}

}  // namespace

Status validate(const MailTemplateInput& input) {
  if (auto s = mail_template_check_name(input.name); !s) return s;
  if (!is_mail_template_kind(input.kind)) {
    return Status::invalid_field(
        "kind", "must be thank_you_email, thank_you_letter, tribute, year_end or appeal");
  }
  if (auto s = check_language(input.language); !s) return s;
  if (auto s = require_text("subject", input.subject, 300); !s) return s;
  if (input.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::invalid_field("text", "is required");
  }
  if (!is_clean_text(input.text, true)) {
    return Status::invalid_field("text", "must be UTF-8 text without control characters");
  }
  if (!input.html.empty() && !is_clean_text(input.html, true)) {
    return Status::invalid_field("html", "must be UTF-8 text without control characters");
  }
  if (input.text.size() > 100000 || input.html.size() > 200000) {
    return Status::invalid_field(input.text.size() > 100000 ? "text" : "html", "is too long");
  }
  return first_error({check_mustache("subject", input.subject), check_mustache("text", input.text),
                      check_mustache("html", input.html)});
}

}  // namespace steward::domain

// Mail templates: the kinds, the input a fundraiser saves, and its validation (including that
// the Mustache text parses). Pure; thread-safe. See docs/mail.md.
#pragma once

#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

// thank_you_email | thank_you_letter | tribute | year_end | appeal
bool is_mail_template_kind(std::string_view kind);

struct MailTemplateInput {
  std::string name;      // "thank-you-email": lower case letters, digits, '-', '_'; <= 64
  std::string kind;      // one of the kinds above
  std::string language;  // "en", "ko" (ISO 639-1, optionally "-REGION")
  std::string subject;   // one line, Mustache
  std::string text;      // the plain-text body, Mustache (required)
  std::string html;      // the HTML body, Mustache (may be empty: text-only mail)
  bool active = true;
};

struct MailTemplate : MailTemplateInput {
  long long id = 0;
  int version = 1;
  std::string created_by;
  std::string created_at;
};

// Errors name the field: "name", "kind", "language", "subject", "text", "html" (a Mustache
// syntax error reads "html: unclosed section \"tribute\" at 12").
Status validate(const MailTemplateInput& input);

// Checks that `text` is valid Mustache; the error names `field`.
Status check_mustache(std::string_view field, const std::string& text);

}  // namespace steward::domain

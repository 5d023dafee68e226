// Renders a mail template against merge fields (mail_merge.hpp) with the kainjow Mustache
// library. The HTML body is HTML-escaped by default ({{donor.name}} cannot inject markup;
// {{{...}}} is raw); the subject and the plain-text body are not escaped (they are not HTML).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/mail_template.hpp"
#include "steward/sdk/result.hpp"

namespace steward::engine {

struct RenderedMail {
  std::string subject;  // one line: line breaks a merge field brought in become spaces
  std::string text;
  std::string html;  // empty when the template has no HTML body
};

// Errors: kInvalid naming "subject", "text" or "html" when the template does not parse.
Result<RenderedMail> render_mail(const domain::MailTemplate& tmpl, const nlohmann::json& fields);

}  // namespace steward::engine

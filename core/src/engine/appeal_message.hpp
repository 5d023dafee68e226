// Composing one appeal email: the donor's template (frozen with the recipient) rendered with
// the merge fields (mail_merge.hpp) plus {{appeal.name}}, {{appeal.code}} and
// {{unsubscribe_url}}; then an unsubscribe footer in the template's language is added to the
// text body and to the HTML body (made from the text when the template has none), and the
// RFC 2369 / RFC 8058 headers:
//   List-Unsubscribe: <https://crm.example.org/api/v1/unsubscribe/TOKEN>
//   List-Unsubscribe-Post: List-Unsubscribe=One-Click
#pragma once

#include <string>

#include "engine/mail_render.hpp"
#include "steward/sdk/mailer.hpp"
#include "store/database.hpp"

namespace steward::engine::appeals {

struct AppealMessageInput {
  long long constituent_id = 0;
  long long template_id = 0;
  std::string address;
  long long appeal_id = 0;
  std::string unsubscribe_url;  // absolute
  std::string from;             // mail.from
  std::string message_id;       // "<...@...>"
};

struct AppealMessage {
  sdk::MailMessage message;
  std::string language;
};

// Errors: kNotFound for the donor, appeal or template; kInvalid when the template does not
// render.
Result<AppealMessage> compose_appeal(store::Unit& unit, const AppealMessageInput& input);

// "<base>/api/v1/unsubscribe/<token>" (a trailing '/' on base is dropped).
std::string unsubscribe_url(const std::string& public_url, const std::string& token);
// The text made into simple HTML: escaped, blank lines -> paragraphs, line breaks -> <br>.
std::string text_to_html(const std::string& text);

}  // namespace steward::engine::appeals

// The public unsubscribe page behind the link in every appeal (no sign-in):
//   GET  /api/v1/unsubscribe/{token}   a plain page (English and Korean) with the masked address
//                                      and one button; changes nothing (mail scanners open links)
//   POST /api/v1/unsubscribe/{token}   unsubscribes that address and marks the donor do not
//                                      email (audited as system:unsubscribe); also the RFC 8058
//                                      one-click POST a mail client sends
//                                      ("List-Unsubscribe=One-Click"); the body is not needed
// A bad, tampered or stale token gets a 400 page and nothing is written. The pages show no donor
// data beyond the masked address. See auth/unsubscribe_token.hpp.
#include "auth/unsubscribe_token.hpp"
#include "http/handlers/mail_routes.hpp"
#include "store/email_preferences.hpp"

namespace steward::http {
namespace {

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
  return out;
}

// "h***@example.org": the first character of the local part (a whole UTF-8 sequence) and the
// domain.
std::string mask_email(const std::string& email) {
  auto at = email.rfind('@');
  if (at == std::string::npos || at == 0) return "***";
  std::size_t first = 1;
  while (first < at && (static_cast<unsigned char>(email[first]) & 0xC0) == 0x80) ++first;
  return email.substr(0, first) + "***" + email.substr(at);
}

Response page(int status, const std::string& body) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"robots\" content=\"noindex\"><title>Unsubscribe / 수신 거부</title>"
      "<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;"
      "line-height:1.5}button{font-size:1em;padding:.5em 1.5em}</style></head><body>\n" +
      body + "\n</body></html>\n";
  r.set("Cache-Control", "no-store");
  r.set("Referrer-Policy", "no-referrer");
  r.set("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  return r;
}

Response bad_link() {
  return page(400,
              "<h1>This link does not work</h1><p>The unsubscribe link is incomplete or has been "
              "changed. Please use the link from the email itself, or reply to the email and ask "
              "us to stop.</p>"
              "<h1 lang=\"ko\">링크가 올바르지 않습니다</h1><p lang=\"ko\">수신 거부 링크가 "
              "잘렸거나 변경되었습니다. 이메일에 있는 링크를 그대로 사용하시거나, 이메일에 "
              "회신하여 수신 거부를 요청해 주세요.</p>");
}

Result<auth::UnsubscribeTarget> unsubscribe_resolve(Call& call, const auth::SecretBox& secrets) {
  auto found = call.request.path_params.find("token");
  const std::string token = found == call.request.path_params.end() ? "" : found->second;
  return call.db.read([&](store::Unit& u) -> Result<auth::UnsubscribeTarget> {
    auto signer = auth::UnsubscribeSigner::load(u, secrets, false);
    if (!signer) return signer.status();
    return auth::resolve_unsubscribe(u, *signer, token);
  });
}

Response confirm_page(Call& call, const auth::SecretBox& secrets) {
  auto target = unsubscribe_resolve(call, secrets);
  if (!target) {
    if (target.status().code() == StatusCode::kInvalid) return bad_link();
    return page(503,
                "<h1>Please try again later</h1><p lang=\"ko\">잠시 후 다시 시도해 "
                "주세요.</p>");
  }
  const std::string masked = html_escape(mask_email(target->email));
  return page(200, "<h1>Unsubscribe</h1><p>Stop sending appeals (requests for gifts) to <strong>" +
                       masked +
                       "</strong>? Receipts for your gifts will still be emailed.</p>"
                       "<h1 lang=\"ko\">수신 거부</h1><p lang=\"ko\"><strong>" +
                       masked +
                       "</strong> 주소로 후원 요청 이메일을 더 이상 받지 않으시겠습니까? 후원 "
                       "영수증은 계속 이메일로 보내 드립니다.</p>"
                       "<form method=\"post\"><button type=\"submit\">Unsubscribe / 수신 "
                       "거부</button></form>");
}

Response unsubscribe(Call& call, const auth::SecretBox& secrets) {
  auto found = call.request.path_params.find("token");
  const std::string token = found == call.request.path_params.end() ? "" : found->second;
  static const store::Actor actor{"system:unsubscribe", ""};
  store::Actor who{actor.name, call.request.remote_addr};
  std::string email;
  auto done = call.db.write(who, [&](store::Unit& u) -> Result<bool> {
    auto signer = auth::UnsubscribeSigner::load(u, secrets, false);
    if (!signer) return signer.status();
    auto target = auth::resolve_unsubscribe(u, *signer, token);
    if (!target) return target.status();
    email = target->email;
    return store::email_preferences::unsubscribe(u, target->constituent_id, target->email);
  });
  if (!done) {
    if (done.status().code() == StatusCode::kInvalid) return bad_link();
    return page(503,
                "<h1>Please try again later</h1><p lang=\"ko\">잠시 후 다시 시도해 "
                "주세요.</p>");
  }
  const std::string masked = html_escape(mask_email(email));
  return page(200, "<h1>You are unsubscribed</h1><p>We will not send appeals to <strong>" + masked +
                       "</strong> again. Receipts for your gifts will still be emailed; to stop "
                       "those too, reply to any of our emails.</p>"
                       "<h1 lang=\"ko\">수신 거부되었습니다</h1><p lang=\"ko\"><strong>" +
                       masked +
                       "</strong> 주소로 더 이상 후원 요청 이메일을 보내지 않겠습니다. 후원 "
                       "영수증은 계속 보내 드립니다. 영수증도 원하지 않으시면 저희 이메일에 "
                       "회신해 주세요.</p>");
}

}  // namespace

void add_unsubscribe_routes(Api& api) {
  auto& r = api.router();
  std::shared_ptr<auth::SecretBox> secrets = api.options().secrets;
  const nlohmann::json html = {
      {"response", {{"type", "string"}}}, {"response_content_type", "text/html"}, {"status", 200}};
  nlohmann::json post = html;
  post["request"] = {{"type", "object"},
                     {"description",
                      "not read: a browser form or the RFC 8058 one-click body "
                      "(application/x-www-form-urlencoded List-Unsubscribe=One-Click)"}};
  r.add({"GET", "/api/v1/unsubscribe/{token}", Access::kPublic, auth::Permission::kReadDonors,
         "The unsubscribe page of an appeal's link (HTML, no sign-in); changes nothing",
         [secrets](Call& call) { return confirm_page(call, *secrets); }, html});
  r.add({"POST", "/api/v1/unsubscribe/{token}", Access::kPublic, auth::Permission::kReadDonors,
         "Unsubscribe the address of an appeal's link (HTML, no sign-in; RFC 8058 one-click)",
         [secrets](Call& call) { return unsubscribe(call, *secrets); }, post});
}

}  // namespace steward::http

#include "engine/appeal_message.hpp"

#include "engine/mail_ids.hpp"
#include "engine/mail_merge.hpp"
#include "store/campaign_repository.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_template_repository.hpp"

namespace steward::engine::appeals {
namespace {

std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string text_footer(const std::string& language, const std::string& url) {
  if (language == "ko")
    return "\n\n--\n더 이상 이메일을 받지 않으시려면 아래 링크를 눌러 주세요:\n" + url + "\n";
  return "\n\n--\nTo stop receiving these emails, unsubscribe here:\n" + url + "\n";
}

std::string html_footer(const std::string& language, const std::string& url) {
  const std::string link = "<a href=\"" + escape_html(url) + "\">";
  if (language == "ko") {
    return "<p style=\"font-size:12px;color:#666\">더 이상 이메일을 받지 않으시려면 " + link +
           "수신 거부</a>를 눌러 주세요.</p>";
  }
  return "<p style=\"font-size:12px;color:#666\">To stop receiving these emails, " + link +
         "unsubscribe</a>.</p>";
}

std::string add_html_footer(std::string html, const std::string& footer) {
  auto body_end = html.rfind("</body>");
  if (body_end == std::string::npos) return html + footer;
  html.insert(body_end, footer);
  return html;
}

}  // namespace

std::string unsubscribe_url(const std::string& public_url, const std::string& token) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/api/v1/unsubscribe/" + token;
}

std::string text_to_html(const std::string& text) {
  std::string out = "<p>";
  std::size_t i = 0;
  std::string t = escape_html(text);
  while (i < t.size()) {
    if (t.compare(i, 2, "\n\n") == 0) {
      out += "</p>\n<p>";
      while (i < t.size() && t[i] == '\n') ++i;
      continue;
    }
    if (t[i] == '\n') {
      out += "<br>\n";
    } else {
      out += t[i];
    }
    ++i;
  }
  return "<!DOCTYPE html>\n<html><body>\n" + out + "</p>\n</body></html>\n";
}

Result<AppealMessage> compose_appeal(store::Unit& unit, const AppealMessageInput& input) {
  auto tmpl = store::mail_templates::get(unit, input.template_id);
  if (!tmpl) return tmpl.status();
  auto appeal = store::campaigns::get_appeal(unit, input.appeal_id);
  if (!appeal) return appeal.status();
  auto donor = store::mail_queries::donor(unit, input.constituent_id);
  if (!donor) return donor.status();
  auto fields =
      merge_fields(unit, {input.constituent_id, std::nullopt, std::nullopt}, tmpl->language);
  if (!fields) return fields.status();
  (*fields)["appeal"] = {{"name", appeal->name}, {"code", appeal->code}};
  (*fields)["unsubscribe_url"] = input.unsubscribe_url;
  auto rendered = render_mail(*tmpl, *fields);
  if (!rendered) return rendered.status();

  AppealMessage out;
  out.language = tmpl->language;
  sdk::MailMessage& m = out.message;
  m.from = input.from;
  m.to = {one_line(donor->display_name) + " <" + input.address + ">"};
  m.subject = rendered->subject;
  m.text = rendered->text + text_footer(tmpl->language, input.unsubscribe_url);
  std::string html = rendered->html.empty() ? text_to_html(rendered->text) : rendered->html;
  m.html = add_html_footer(html, html_footer(tmpl->language, input.unsubscribe_url));
  m.headers = {{"Message-ID", input.message_id},
               {"List-Unsubscribe", "<" + input.unsubscribe_url + ">"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  return out;
}

}  // namespace steward::engine::appeals

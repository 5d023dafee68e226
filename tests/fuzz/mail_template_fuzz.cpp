// libFuzzer target: mail templates (Mustache, engine/mail_render) against hostile merge fields.
// The input is the subject, the text body and the HTML body separated by NUL bytes. Checked:
//   - a template that validates renders;
//   - the rendered subject is one line (no header injection through a merge field);
//   - with only escaped tags in the HTML body (no "{{{", "{{&", "{{=" and no '<' of its own),
//     the rendered HTML has no '<': a merge field cannot inject markup.
// A failed check aborts like a crash.
// fuzz-core-sources: domain/date.cpp domain/mail_template.cpp domain/money.cpp
// fuzz-core-sources: domain/validation.cpp engine/mail_render.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/mail_template.hpp"
#include "engine/mail_render.hpp"

namespace {

const nlohmann::json& hostile_fields() {
  static const nlohmann::json fields = {
      {"donor",
       {{"name", "<script>alert(1)</script>\r\nBcc: everyone@example.org"},
        {"addressee", "김민지 <kim@example.org>"},
        {"salutation", "\"'&<>"},
        {"first_gift", true},
        {"recurring", false}}},
      {"gift",
       {{"amount", "$1,000.00"},
        {"date", "2026-11-29"},
        {"fund", "교회 세우기 </p><img src=x onerror=alert(1)>"},
        {"tribute", {{"name", "\n\r\t<b>"}, {"kind", "memory"}}}}},
      {"gifts", nlohmann::json::array({{{"amount", "<1>"}}, {{"amount", "2"}}})},
      {"organization", {{"name", "Steward & Co"}}}};
  return fields;
}

bool html_is_escaped_only(const std::string& html) {
  return html.find('<') == std::string::npos && html.find("{{{") == std::string::npos &&
         html.find("{{&") == std::string::npos && html.find("{{=") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string parts[3];
  std::size_t part = 0;
  for (char ch : bytes) {
    if (ch == '\0' && part < 2) {
      ++part;
      continue;
    }
    parts[part].push_back(ch);
  }
  steward::domain::MailTemplate tmpl;
  tmpl.name = "fuzz";
  tmpl.kind = "appeal";
  tmpl.language = "en";
  tmpl.subject = parts[0];
  tmpl.text = parts[1].empty() ? std::string("x") : parts[1];
  tmpl.html = parts[2];
  const bool valid = static_cast<bool>(steward::domain::validate(tmpl));
  auto rendered = steward::engine::render_mail(tmpl, hostile_fields());
  if (valid && !rendered) std::abort();
  if (!rendered) return 0;
  if (rendered->subject.find_first_of("\r\n") != std::string::npos) std::abort();
  if (html_is_escaped_only(tmpl.html) && rendered->html.find('<') != std::string::npos)
    std::abort();
  return 0;
}

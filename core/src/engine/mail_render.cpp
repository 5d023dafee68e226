#include "engine/mail_render.hpp"

#include <kainjow/mustache.hpp>

namespace steward::engine {
namespace {

namespace mus = kainjow::mustache;

mus::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mus::data d{mus::data::type::object};
      for (const auto& [key, value] : j.items()) d.set(key, to_data(value));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mus::data d{mus::data::type::list};
      for (const auto& value : j) d.push_back(to_data(value));
      return d;
    }
    case nlohmann::json::value_t::boolean:
      return mus::data(j.get<bool>());
    case nlohmann::json::value_t::string:
      return mus::data(j.get<std::string>());
    case nlohmann::json::value_t::null:
      return mus::data(false);
    default:
      return mus::data(j.dump());
  }
}

Result<std::string> render_one(const char* field, const std::string& text, const mus::data& data,
                               bool html) {
  mus::mustache tmpl(text);
  if (!tmpl.is_valid()) return Status::invalid_field(field, tmpl.error_message());
  if (!html) tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) return Status::invalid_field(field, tmpl.error_message());
  return out;
}

}  // namespace

Result<RenderedMail> render_mail(const domain::MailTemplate& tmpl, const nlohmann::json& fields) {
  mus::data data = to_data(fields);
  auto subject = render_one("subject", tmpl.subject, data, false);
  if (!subject) return subject.status();
  auto text = render_one("text", tmpl.text, data, false);
  if (!text) return text.status();
  RenderedMail out;
  for (char c : *subject) out.subject += (c == '\r' || c == '\n') ? ' ' : c;
  out.text = *text;
  if (!tmpl.html.empty()) {
    auto html = render_one("html", tmpl.html, data, true);
    if (!html) return html.status();
    out.html = *html;
  }
  return out;
}

}  // namespace steward::engine

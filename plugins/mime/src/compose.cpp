// mime/compose.cpp: builds the message (see compose.hpp).
#include "mime/compose.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <random>

#include "mime/encoding.hpp"
#include "mime/headers.hpp"

namespace steward::mime {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string random_hex(std::size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    auto v = static_cast<unsigned>(device()) & 0xFFU;
    out += kHex[v >> 4];
    out += kHex[v & 15];
  }
  return out;
}

// "=_" never occurs in quoted-printable or base64 output, so the boundary cannot collide.
std::string make_boundary() { return "=_steward_" + random_hex(12); }

bool is_reserved(const std::string& lname) {
  return lname == "from" || lname == "to" || lname == "cc" || lname == "bcc" ||
         lname == "subject" || lname == "mime-version" || lname == "sender" ||
         lname == "reply-to-all" || lname.rfind("content-", 0) == 0;
}

Status check_message_id(const std::string& field, const std::string& id) {
  if (auto s = check_no_line_breaks(field, id); !s) return s;
  if (id.size() < 5 || id.front() != '<' || id.back() != '>' || id.find('@') == std::string::npos ||
      !is_printable_ascii(id) || id.find(' ') != std::string::npos) {
    return Status::invalid_field(field, "must look like <unique@domain>");
  }
  return Status::ok();
}

Status check_content_type(const std::string& field, const std::string& type) {
  if (auto s = check_no_line_breaks(field, type); !s) return s;
  std::size_t slash = type.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == type.size()) {
    return Status::invalid_field(field, "must be type/subtype, e.g. application/pdf");
  }
  for (char c : type) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '.' || c == '+' || c == '-';
    if (!ok) return Status::invalid_field(field, "must be type/subtype, e.g. application/pdf");
  }
  return Status::ok();
}

std::string text_part(const char* subtype, const std::string& body) {
  return std::string("Content-Type: text/") + subtype +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
         quoted_printable_encode(body);
}

// filename*0*=...; filename*1*=... continuations (RFC 2231) of at most ~60 characters each.
std::string disposition(const std::string& file_name) {
  std::string encoded = rfc2231_percent_encode(file_name);
  std::string out = "Content-Disposition: attachment";
  if (encoded.size() <= 60) return out + ";\r\n filename*=" + encoded;
  std::size_t index = 0;
  for (std::size_t i = 0; i < encoded.size();) {
    std::size_t n = std::min<std::size_t>(60, encoded.size() - i);
    // Never cut a %XX escape.
    if (i + n < encoded.size()) {
      if (encoded[i + n - 1] == '%')
        n -= 1;
      else if (n >= 2 && encoded[i + n - 2] == '%')
        n -= 2;
    }
    out += ";\r\n filename*" + std::to_string(index++) + "*=" + encoded.substr(i, n);
    i += n;
  }
  return out;
}

std::string attachment_part(const sdk::Attachment& a) {
  std::string name_param;
  if (is_printable_ascii(a.file_name) && a.file_name.find('"') == std::string::npos &&
      a.file_name.find('\\') == std::string::npos) {
    name_param = "\"" + a.file_name + "\"";
  } else {
    name_param = "\"";
    auto words = encoded_words(a.file_name, 8);
    for (std::size_t i = 0; i < words.size(); ++i) name_param += (i ? " " : "") + words[i];
    name_param += "\"";
  }
  return "Content-Type: " + a.content_type + ";\r\n name=" + name_param + "\r\n" +
         disposition(a.file_name) + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         base64_encode(a.bytes);
}

std::string multipart(const char* subtype, const std::vector<std::string>& parts) {
  std::string boundary = make_boundary();
  std::string out = std::string("Content-Type: multipart/") + subtype + ";\r\n boundary=\"" +
                    boundary + "\"\r\n\r\nThis is a MIME message.\r\n";
  for (const auto& part : parts) out += "\r\n--" + boundary + "\r\n" + part;
  out += "\r\n--" + boundary + "--\r\n";
  return out;
}

Status check_message(const sdk::MailMessage& m) {
  if (auto s = check_no_line_breaks("subject", m.subject); !s) return s;
  if (m.to.empty()) return Status::invalid_field("to", "has no recipient");
  for (std::size_t i = 0; i < m.headers.size(); ++i) {
    const std::string field = "headers[" + std::to_string(i) + "]";
    if (auto s = check_header_name(field + ".name", m.headers[i].first); !s) return s;
    if (auto s = check_no_line_breaks(field + ".value", m.headers[i].second); !s) return s;
    if (is_reserved(lower(m.headers[i].first))) {
      return Status::invalid_field(field + ".name",
                                   m.headers[i].first + " is set from the message itself");
    }
  }
  for (std::size_t i = 0; i < m.attachments.size(); ++i) {
    const std::string field = "attachments[" + std::to_string(i) + "]";
    if (m.attachments[i].file_name.empty()) {
      return Status::invalid_field(field + ".file_name", "is empty");
    }
    if (auto s = check_no_line_breaks(field + ".file_name", m.attachments[i].file_name); !s) {
      return s;
    }
    if (auto s = check_content_type(field + ".content_type", m.attachments[i].content_type); !s) {
      return s;
    }
  }
  return Status::ok();
}

}  // namespace

std::string rfc5322_date(long long unix_seconds) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays.at(tm.tm_wday),
                tm.tm_mday, kMonths.at(tm.tm_mon), tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string make_message_id(const std::string& domain) {
  return "<" + random_hex(16) + "@" + (domain.empty() ? std::string("steward.invalid") : domain) +
         ">";
}

Result<Composed> compose(const sdk::MailMessage& message, const ComposeOptions& options) {
  if (auto s = check_message(message); !s) return s;
  auto from = parse_mailbox("from", message.from);
  if (!from) return from.status();
  std::vector<Mailbox> to;
  for (std::size_t i = 0; i < message.to.size(); ++i) {
    auto box = parse_mailbox("to[" + std::to_string(i) + "]", message.to[i]);
    if (!box) return box.status();
    to.push_back(*box);
  }

  Composed out;
  out.envelope_from = from->address;
  for (const auto& box : to) out.rcpt.push_back(box.address);
  std::string date = options.date;
  out.message_id = options.message_id;
  std::vector<std::pair<std::string, std::string>> extra;
  for (std::size_t i = 0; i < message.headers.size(); ++i) {
    const auto& [name, value] = message.headers[i];
    std::string lname = lower(name);
    if (lname == "message-id") {
      if (auto s = check_message_id("headers[" + std::to_string(i) + "].value", value); !s) {
        return s;
      }
      out.message_id = value;
    } else if (lname == "date") {
      date = value;
    } else {
      extra.emplace_back(name, value);
    }
  }
  if (!out.message_id.empty()) {
    if (auto s = check_message_id("message_id", out.message_id); !s) return s;
  } else {
    out.message_id = make_message_id(from->address.substr(from->address.rfind('@') + 1));
  }
  if (date.empty()) {
    date = rfc5322_date(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
  }
  if (auto s = check_no_line_breaks("date", date); !s) return s;

  std::string& b = out.bytes;
  b += "Date: " + date + "\r\n";
  b += "From: " + format_mailbox(*from, 6) + "\r\n";
  b += "To: ";
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (i > 0) b += ",\r\n ";
    b += format_mailbox(to[i], i == 0 ? 4 : 1);
  }
  b += "\r\n";
  b += unstructured_field("Subject", message.subject) + "\r\n";
  b += "Message-ID: " + out.message_id + "\r\n";
  b += "MIME-Version: 1.0\r\n";
  for (const auto& [name, value] : extra) b += unstructured_field(name, value) + "\r\n";

  std::string body;
  if (message.html.empty()) {
    body = text_part("plain", message.text);
  } else {
    body = multipart("alternative",
                     {text_part("plain", message.text), text_part("html", message.html)});
  }
  if (!message.attachments.empty()) {
    std::vector<std::string> parts{body};
    for (const auto& a : message.attachments) parts.push_back(attachment_part(a));
    body = multipart("mixed", parts);
  }
  b += body;
  if (!b.ends_with("\r\n")) b += "\r\n";
  return out;
}

}  // namespace steward::mime

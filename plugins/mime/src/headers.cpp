// mime/headers.cpp: header checks, mailbox parsing and encoding, folding.
#include "mime/headers.hpp"

#include "mime/encoding.hpp"

namespace steward::mime {
namespace {

bool is_special(char c) {
  switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case ':':
    case ';':
    case '@':
    case '\\':
    case ',':
    case '.':
    case '"':
      return true;
    default:
      return false;
  }
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

Status check_no_line_breaks(const std::string& field, std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\n') {
      return Status::invalid_field(field, "must not contain a line break (CR or LF)");
    }
    if (c == '\0') return Status::invalid_field(field, "must not contain a NUL character");
  }
  return Status::ok();
}

Status check_address(const std::string& field, std::string_view address) {
  if (auto s = check_no_line_breaks(field, address); !s) return s;
  if (address.empty()) return Status::invalid_field(field, "is empty");
  if (address.size() > 254) return Status::invalid_field(field, "is longer than 254 characters");
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) {
    return Status::invalid_field(field, "is not an email address (local@domain)");
  }
  if (address.find('@') != at) return Status::invalid_field(field, "has more than one '@'");
  for (char c : address) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) {
      return Status::invalid_field(field, "must be ASCII without blanks or control characters");
    }
    if (c == '<' || c == '>' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
        c == ';' || c == ':' || c == '\\' || c == '"') {
      return Status::invalid_field(field, std::string("must not contain '") + c + "'");
    }
  }
  return Status::ok();
}

Status check_header_name(const std::string& field, std::string_view name) {
  if (auto s = check_no_line_breaks(field, name); !s) return s;
  if (name.empty()) return Status::invalid_field(field, "is empty");
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 33 || u > 126 || c == ':') {
      return Status::invalid_field(field, "must be printable ASCII without ':' or blanks");
    }
  }
  return Status::ok();
}

Result<Mailbox> parse_mailbox(const std::string& field, std::string_view text) {
  if (auto s = check_no_line_breaks(field, text); !s) return s;
  Mailbox out;
  std::size_t lt = text.rfind('<');
  if (lt == std::string_view::npos) {
    out.address = trim(text);
  } else {
    std::size_t gt = text.find('>', lt);
    if (gt == std::string_view::npos || trim(text.substr(gt + 1)).size() > 0) {
      return Status::invalid_field(field, "must be \"Name <address>\" or an address");
    }
    out.address = trim(text.substr(lt + 1, gt - lt - 1));
    std::string name = trim(text.substr(0, lt));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      std::string unquoted;
      for (std::size_t i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == '\\' && i + 2 < name.size()) ++i;
        unquoted += name[i];
      }
      name = unquoted;
    }
    out.display_name = name;
  }
  if (auto s = check_address(field, out.address); !s) return s;
  return out;
}

std::string format_mailbox(const Mailbox& mailbox, std::size_t line_used) {
  std::string addr = "<" + mailbox.address + ">";  // not const: returned by move
  if (mailbox.display_name.empty()) return addr;
  const std::string& name = mailbox.display_name;
  if (is_printable_ascii(name)) {
    bool needs_quotes = false;
    for (char c : name) needs_quotes = needs_quotes || is_special(c);
    if (!needs_quotes) return name + " " + addr;
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" " + addr;
  }
  std::string out;
  auto words = encoded_words(name, line_used);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += "\r\n ";
    out += words[i];
  }
  return out + "\r\n " + addr;
}

std::string unstructured_field(std::string_view name, std::string_view value) {
  std::string head = std::string(name) + ": ";
  bool plain = is_printable_ascii(value) && value.find("=?") == std::string_view::npos;
  if (!plain) {
    std::string out = head;
    auto words = encoded_words(value, head.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += "\r\n ";
      out += words[i];
    }
    return out;
  }
  // Fold plain text at blanks so lines stay at most 78 characters where a blank allows it.
  std::string out = head;
  std::size_t line = head.size();
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t next = value.find(' ', i + 1);
    if (next == std::string_view::npos) next = value.size();
    std::string_view chunk = value.substr(i, next - i);  // starts with the blank, except first
    if (line + chunk.size() > 78 && i > 0 && chunk.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += chunk;
    line += chunk.size();
    i = next;
  }
  return out;
}

}  // namespace steward::mime

// mime/parse.cpp: see parse.hpp.
#include "mime/parse.hpp"

#include <map>

#include "mime/encoding.hpp"

namespace steward::mime {
namespace {

std::string parse_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string parse_trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

// Splits "a; b=c; d=\"e; f\"" at semicolons outside quotes.
std::vector<std::string> split_params(std::string_view value) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  for (char c : value) {
    if (c == '"') quoted = !quoted;
    if (c == ';' && !quoted) {
      out.push_back(parse_trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  out.push_back(parse_trim(current));
  return out;
}

std::string unquote(std::string v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

}  // namespace

std::string Part::header(std::string_view name) const {
  std::string wanted = parse_lower(name);
  for (const auto& [n, v] : headers) {
    if (parse_lower(n) == wanted) return decode_encoded_words(v);
  }
  return "";
}

bool Part::has_header(std::string_view name) const {
  std::string wanted = parse_lower(name);
  for (const auto& [n, v] : headers) {
    if (parse_lower(n) == wanted) return true;
  }
  return false;
}

std::string Part::parameter(std::string_view header_name, std::string_view parameter) const {
  std::string raw;
  std::string wanted = parse_lower(header_name);
  for (const auto& [n, v] : headers) {
    if (parse_lower(n) == wanted) {
      raw = v;
      break;
    }
  }
  auto params = split_params(raw);
  std::string pname = parse_lower(parameter);
  std::map<int, std::pair<bool, std::string>> pieces;  // index -> (extended, value)
  std::string plain;
  for (std::size_t i = 1; i < params.size(); ++i) {
    std::size_t eq = params[i].find('=');
    if (eq == std::string::npos) continue;
    std::string key = parse_lower(parse_trim(params[i].substr(0, eq)));
    std::string value = unquote(parse_trim(params[i].substr(eq + 1)));
    if (key == pname) {
      plain = decode_encoded_words(value);
    } else if (key == pname + "*") {
      pieces[0] = {true, value};
    } else if (key.rfind(pname + "*", 0) == 0) {
      std::string rest = key.substr(pname.size() + 1);
      bool extended = !rest.empty() && rest.back() == '*';
      if (extended) rest.pop_back();
      try {
        pieces[std::stoi(rest)] = {extended, value};
      } catch (...) {
      }
    }
  }
  if (pieces.empty()) return plain;
  std::string joined;
  bool any_extended = false;
  for (const auto& [index, piece] : pieces) {
    joined += piece.second;
    any_extended = any_extended || piece.first;
  }
  if (!any_extended) return joined;
  std::size_t second_quote = joined.find('\'', joined.find('\'') + 1);
  if (second_quote != std::string::npos) joined = joined.substr(second_quote + 1);
  return percent_decode(joined);
}

const Part* Part::find(std::string_view type) const {
  if (content_type == type) return this;
  for (const auto& p : parts) {
    if (const Part* found = p.find(type)) return found;
  }
  return nullptr;
}

Part parse(std::string_view message) {
  Part part;
  std::size_t split = message.find("\r\n\r\n");
  std::size_t body_start = split == std::string_view::npos ? message.size() : split + 4;
  if (split == std::string_view::npos) {
    std::size_t lf = message.find("\n\n");
    if (lf != std::string_view::npos) {
      split = lf;
      body_start = lf + 2;
    } else {
      split = message.size();
    }
  }
  std::string_view head = message.substr(0, split);
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string line(head.substr(pos, eol - pos));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !part.headers.empty()) {
      part.headers.back().second += line;  // unfold: CRLF removed, the blank kept
    } else {
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        part.headers.emplace_back(line.substr(0, colon), parse_trim(line.substr(colon + 1)));
      }
    }
    pos = eol + 1;
  }
  std::string_view body = body_start <= message.size() ? message.substr(body_start) : "";
  std::string type = parse_lower(split_params(part.header("Content-Type")).front());
  part.content_type = type.empty() ? "text/plain" : type;

  if (part.content_type.rfind("multipart/", 0) == 0) {
    std::string boundary = "--" + part.parameter("Content-Type", "boundary");
    std::size_t at = body.find(boundary);
    while (at != std::string_view::npos) {
      std::size_t start = body.find('\n', at);
      if (start == std::string_view::npos) break;
      if (body.substr(at + boundary.size(), 2) == "--") break;
      std::size_t next = body.find("\r\n" + boundary, start);
      if (next == std::string_view::npos) break;
      part.parts.push_back(parse(body.substr(start + 1, next - start - 1)));
      at = next + 2;
    }
    return part;
  }
  std::string encoding = parse_lower(part.header("Content-Transfer-Encoding"));
  if (encoding == "base64") {
    part.body = base64_decode(body);
  } else if (encoding == "quoted-printable") {
    part.body = quoted_printable_decode(body);
  } else {
    part.body = std::string(body);
  }
  return part;
}

}  // namespace steward::mime

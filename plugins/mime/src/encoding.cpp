// mime/encoding.cpp: base64, quoted-printable, RFC 2047 encoded-words, RFC 2231 values.
#include "mime/encoding.hpp"

#include <array>
#include <cstdint>

namespace steward::mime {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kHex[] = "0123456789ABCDEF";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string base64_one_line(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                      (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                      static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Length of the UTF-8 sequence starting with this byte (1 for stray continuation bytes).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string base64_encode(std::string_view bytes, std::size_t line_length) {
  std::string flat = base64_one_line(bytes);
  if (line_length == 0 || flat.size() <= line_length) return flat;
  std::string out;
  for (std::size_t i = 0; i < flat.size(); i += line_length) {
    if (i > 0) out += "\r\n";
    out += flat.substr(i, line_length);
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    int v = base64_value(c);
    if (v < 0) continue;  // whitespace, line breaks
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::string quoted_printable_encode(std::string_view text) {
  std::string out;
  std::string line;  // the encoded current output line
  auto push = [&](const std::string& token) {
    if (line.size() + token.size() > 75) {  // leave room for the soft break '='
      out += line + "=\r\n";
      line.clear();
    }
    line += token;
  };
  auto end_line = [&]() {
    // A blank at the end of a line must be encoded (RFC 2045 6.7 rule 3).
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
      char blank = line.back();
      line.pop_back();
      std::string token = "=";
      token += kHex[static_cast<unsigned char>(blank) >> 4];
      token += kHex[static_cast<unsigned char>(blank) & 15];
      push(token);
    }
    out += line + "\r\n";
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      end_line();
      continue;
    }
    bool plain = (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t';
    // A '.' opening a line is encoded too, so no transport ever sees a lone-dot line.
    if (c == '.' && line.empty()) plain = false;
    if (plain) {
      push(std::string(1, static_cast<char>(c)));
    } else {
      std::string token = "=";
      token += kHex[c >> 4];
      token += kHex[c & 15];
      push(token);
    }
  }
  if (!line.empty()) {
    if (line.back() == ' ' || line.back() == '\t') {
      end_line();
      out.resize(out.size() - 2);
    } else {
      out += line;
    }
  }
  return out;
}

std::string quoted_printable_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '=') {
      out += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '\n') {  // soft break, bare LF
      i += 1;
      continue;
    }
    if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {  // soft break
      i += 2;
      continue;
    }
    if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u > 0x7E) return false;
  }
  return true;
}

std::vector<std::string> split_utf8(std::string_view text, std::size_t max_bytes) {
  std::vector<std::string> out;
  if (max_bytes < 4) max_bytes = 4;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_length(static_cast<unsigned char>(text[i]));
    if (i + n > text.size()) n = text.size() - i;
    if (current.size() + n > max_bytes) {
      out.push_back(current);
      current.clear();
    }
    current.append(text.substr(i, n));
    i += n;
  }
  if (!current.empty() || out.empty()) out.push_back(current);
  return out;
}

std::vector<std::string> encoded_words(std::string_view text, std::size_t first_line_used) {
  // "=?UTF-8?B?" + payload + "?=" <= 75; payload of 60 base64 characters carries 45 bytes.
  constexpr std::size_t kOverhead = 12;
  constexpr std::size_t kFullBytes = 45;
  std::size_t first_bytes = kFullBytes;
  if (first_line_used + kOverhead + 60 > 76) {
    std::size_t room = first_line_used + kOverhead < 76 ? 76 - first_line_used - kOverhead : 0;
    first_bytes = room / 4 * 3;
    if (first_bytes < 6) first_bytes = 6;
  }
  std::vector<std::string> words;
  std::string rest(text);
  auto first = split_utf8(rest, first_bytes);
  std::string head = first.front();
  words.push_back("=?UTF-8?B?" + base64_one_line(head) + "?=");
  if (head.size() < rest.size()) {
    for (const auto& piece : split_utf8(rest.substr(head.size()), kFullBytes)) {
      words.push_back("=?UTF-8?B?" + base64_one_line(piece) + "?=");
    }
  }
  return words;
}

std::string decode_encoded_words(std::string_view value) {
  std::string out;
  std::string pending_space;
  bool last_was_word = false;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.substr(i, 2) == "=?") {
      std::size_t q1 = value.find('?', i + 2);
      std::size_t q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
      std::size_t end = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
      if (end != std::string_view::npos && q2 == q1 + 2) {
        char enc = value[q1 + 1];
        std::string_view payload = value.substr(q2 + 1, end - q2 - 1);
        std::string decoded;
        if (enc == 'B' || enc == 'b') {
          decoded = base64_decode(payload);
        } else if (enc == 'Q' || enc == 'q') {
          std::string p(payload);
          for (auto& c : p) {
            if (c == '_') c = ' ';
          }
          decoded = quoted_printable_decode(p);
        }
        if (!last_was_word) out += pending_space;
        pending_space.clear();
        out += decoded;
        last_was_word = true;
        i = end + 2;
        continue;
      }
    }
    char c = value[i];
    if (c == ' ' || c == '\t') {
      pending_space += c;
    } else {
      out += pending_space;
      pending_space.clear();
      out += c;
      last_was_word = false;
    }
    ++i;
  }
  out += pending_space;
  return out;
}

std::string rfc2231_percent_encode(std::string_view text) {
  std::string out = "UTF-8''";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace steward::mime

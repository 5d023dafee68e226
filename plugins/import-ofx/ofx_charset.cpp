#include "ofx_charset.hpp"

#include <cctype>

#include "steward/plugin_common/charset.hpp"

namespace steward::plugins::ofx {
namespace {

std::string charset_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The token after `key` up to a space, quote, newline or '<'.
std::string token_after(const std::string& head, std::string_view key) {
  auto at = head.find(key);
  if (at == std::string::npos) return "";
  std::size_t i = at + key.size();
  while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
  std::size_t end = i;
  while (end < head.size() && head[end] != ' ' && head[end] != '"' && head[end] != '\'' &&
         head[end] != '\r' && head[end] != '\n' && head[end] != '<' && head[end] != '?') {
    ++end;
  }
  return head.substr(i, end - i);
}

// The Windows-1252 byte of a code point in 0x80..0x9F's place (€ ‚ ƒ ...), or 0.
unsigned char cp1252_byte(char32_t cp) {
  static const char32_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  for (int i = 0; i < 32; ++i) {
    if (kHigh[i] != 0 && kHigh[i] == cp) return static_cast<unsigned char>(0x80 + i);
  }
  return 0;
}

// UTF-8 text whose code points are all single Latin-1 / Windows-1252 bytes, back to those bytes.
bool single_byte(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = 0;
    std::size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else {
      return false;
    }
    if (i + len > text.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += len;
    if (cp <= 0xFF) {
      out.push_back(static_cast<char>(cp));
    } else if (unsigned char b = cp1252_byte(cp)) {
      out.push_back(static_cast<char>(b));
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string libofx_value_to_utf8(std::string_view value, const std::string& charset) {
  if (charset.empty()) return plugin_common::ensure_utf8(value);
  std::string bytes;
  if (!single_byte(value, bytes)) {
    // Already real UTF-8 (libofx converted it), or the file's own bytes (it did not).
    std::string utf8 = plugin_common::ensure_utf8(value);
    return utf8 == value ? utf8 : value_to_utf8(value, charset);
  }
  return value_to_utf8(bytes, charset);
}

std::string declared_charset(std::string_view head) {
  auto ofx = head.find("<OFX");
  std::string h = charset_upper(head.substr(0, ofx == std::string_view::npos ? head.size() : ofx));
  std::string name = token_after(h, "CHARSET:");
  if (name.empty()) name = token_after(h, "ENCODING=");
  if (name.empty()) name = token_after(h, "ENCODING:");
  for (const char* korean : {"949", "CP949", "MS949", "UHC", "EUC-KR", "EUCKR", "KS_C_5601-1987",
                             "WINDOWS-949", "X-WINDOWS-949"}) {
    if (name == korean) return "cp949";
  }
  return "";
}

std::string value_to_utf8(std::string_view value, const std::string& charset) {
  if (charset.empty()) return plugin_common::ensure_utf8(value);
  bool ascii = true;
  for (char c : value) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(value);
  plugin_common::Utf8Decoder decoder;
  if (!decoder.open(charset)) return plugin_common::ensure_utf8(value);
  std::string out;
  decoder.decode(value, out, true);
  return out;
}

}  // namespace steward::plugins::ofx

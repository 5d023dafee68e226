#include "ofx_charset.hpp"

#include <cctype>

#include "steward/plugin_common/charset.hpp"

namespace steward::plugins::ofx {
namespace {

std::string upper(std::string_view text) {
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

}  // namespace

std::string declared_charset(std::string_view head) {
  auto ofx = head.find("<OFX");
  std::string h = upper(head.substr(0, ofx == std::string_view::npos ? head.size() : ofx));
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

#include "steward/plugin_common/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <vector>

#include "steward/plugin_common/text.hpp"

namespace steward::plugin_common {

struct Utf8Decoder::Converter {
  UConverter* cnv = nullptr;
  std::vector<UChar> utf16;
};

Utf8Decoder::Utf8Decoder() = default;

Utf8Decoder::~Utf8Decoder() {
  if (converter_) {
    ucnv_close(converter_->cnv);
    delete converter_;
  }
}

std::string icu_charset_name(std::string_view encoding) {
  std::string n = lower_ascii(trim(encoding));
  if (n.empty() || n == "utf-8" || n == "utf8" || n == "utf-8-sig") return "utf-8";
  if (n == "cp949" || n == "euc-kr" || n == "euckr" || n == "uhc" || n == "ms949" ||
      n == "windows-949" || n == "ks_c_5601-1987") {
    return "windows-949-2000";
  }
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1") return "ISO-8859-1";
  if (n == "windows-1252" || n == "cp1252") return "windows-1252";
  return "";
}

Status Utf8Decoder::open(std::string_view encoding) {
  std::string name = icu_charset_name(encoding);
  if (name.empty()) {
    return Status::invalid_field(
        "encoding", "\"" + std::string(encoding) +
                        "\" is not supported (use utf-8, cp949, euc-kr, latin-1 or windows-1252)");
  }
  if (converter_) {
    ucnv_close(converter_->cnv);
    delete converter_;
    converter_ = nullptr;
  }
  if (name == "utf-8") return {};
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || !cnv) {
    return Status::unavailable("encoding: ICU has no converter for " + name + ": " +
                               u_errorName(err));
  }
  converter_ = new Converter{cnv, {}};
  return {};
}

void Utf8Decoder::reset() {
  if (converter_) ucnv_resetToUnicode(converter_->cnv);
}

void Utf8Decoder::decode(std::string_view bytes, std::string& out, bool flush) {
  if (!converter_) {
    out.append(bytes);
    return;
  }
  auto& buf = converter_->utf16;
  buf.resize(bytes.size() + 16);
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = buf.data();
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(converter_->cnv, &target, buf.data() + buf.size(), &source, source_end, nullptr,
                   flush ? 1 : 0, &err);
    auto produced = static_cast<int32_t>(target - buf.data());
    if (produced > 0) {
      int32_t needed = 0;
      UErrorCode e2 = U_ZERO_ERROR;
      u_strToUTF8WithSub(nullptr, 0, &needed, buf.data(), produced, 0xFFFD, nullptr, &e2);
      std::size_t at = out.size();
      out.resize(at + static_cast<std::size_t>(needed));
      e2 = U_ZERO_ERROR;
      u_strToUTF8WithSub(out.data() + at, needed, &needed, buf.data(), produced, 0xFFFD, nullptr,
                         &e2);
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    break;
  }
}

std::string ensure_utf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  if (status != U_INVALID_CHAR_FOUND && status != U_ILLEGAL_ARGUMENT_ERROR) {
    return std::string(text);
  }
  Utf8Decoder decoder;
  std::string out;
  if (!decoder.open("windows-1252")) return std::string(text);
  decoder.decode(text, out, true);
  return out;
}

}  // namespace steward::plugin_common

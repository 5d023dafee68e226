// steward/plugin_common/charset.hpp: streaming conversion of a file's bytes to UTF-8 (ICU ucnv).
//
// Chunks may split a multi-byte character anywhere: the decoder keeps the partial bytes until
// the next chunk. Names accepted (case-insensitive): "utf-8", "cp949" / "euc-kr" / "uhc"
// (Korean; decoded as Windows-949, a superset of EUC-KR), "latin-1" / "iso-8859-1",
// "windows-1252" / "cp1252". UTF-8 passes through untouched (a BOM is left to the CSV reader).
// Bytes that are not valid in the encoding become U+FFFD.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::plugin_common {

class Utf8Decoder {
 public:
  Utf8Decoder();
  ~Utf8Decoder();
  Utf8Decoder(const Utf8Decoder&) = delete;
  Utf8Decoder& operator=(const Utf8Decoder&) = delete;

  // Chooses the encoding; invalid_field("encoding", ...) for an unknown name.
  Status open(std::string_view encoding);
  // Forgets any partial character (a new file).
  void reset();
  // Appends the UTF-8 text of `bytes` to `out`; `flush` on the last call.
  void decode(std::string_view bytes, std::string& out, bool flush = false);
  bool passthrough() const { return converter_ == nullptr; }

 private:
  struct Converter;
  Converter* converter_ = nullptr;
};

// The ICU converter name for one of the names above, or "" when unknown; "utf-8" for UTF-8.
std::string icu_charset_name(std::string_view encoding);

// `text` itself when it is valid UTF-8, else its bytes read as Windows-1252 (what bank files
// that declare no charset usually are). Checked and converted by ICU.
std::string ensure_utf8(std::string_view text);

}  // namespace steward::plugin_common

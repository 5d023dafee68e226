// The character set an OFX file declares (decision 0154): the OFX 1.x header's CHARSET (and
// ENCODING), or the XML declaration's encoding in OFX 2.x. Korean banks declare CHARSET:949 (or
// EUC-KR) and write names in CP949; those values are decoded with it through
// plugin_common::Utf8Decoder (ICU). With no declaration, UTF-8, or a single-byte Western
// charset (often declared while the text is really UTF-8), values go through
// plugin_common::ensure_utf8: valid UTF-8 stays, anything else is read as Windows-1252.
#pragma once

#include <string>
#include <string_view>

namespace steward::plugins::ofx {

// The plugin_common encoding name for the header at the start of a file ("cp949"), or "" when
// the file declares nothing that needs decoding.
std::string declared_charset(std::string_view head);

// A value of a file with that declared charset, as UTF-8.
std::string value_to_utf8(std::string_view value, const std::string& charset);

// A value libofx handed back: libofx does not know CP949 and converts the bytes as Latin-1 /
// Windows-1252 to UTF-8, so for a CP949 file those code points are turned back into the file's
// bytes and decoded with the declared charset.
std::string libofx_value_to_utf8(std::string_view value, const std::string& charset);

}  // namespace steward::plugins::ofx

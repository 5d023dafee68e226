// steward/plugin_common/text.hpp: small text helpers for CSV importers (UTF-8 in, UTF-8 out).
#pragma once

#include <string>
#include <string_view>

namespace steward::plugin_common {

// Strips ASCII white space, NO-BREAK SPACE (U+00A0) and a UTF-8 BOM from both ends.
std::string_view trim(std::string_view text);
// ASCII lower case; other bytes unchanged.
std::string lower_ascii(std::string_view text);
// A header name as compared: trimmed, NO-BREAK SPACEs and runs of white space made one space,
// ASCII lower case ("Created  (UTC)\u00a0" -> "created (utc)").
std::string normalize_name(std::string_view text);
// True when `text` starts with `prefix` ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);
// True when `text` contains `needle` ignoring ASCII case.
bool contains_nocase(std::string_view text, std::string_view needle);
// Lower-case hex of bytes.
std::string hex(std::string_view bytes);
// Removes a trailing incomplete UTF-8 sequence (for a head cut at an arbitrary byte).
std::string_view cut_partial_utf8(std::string_view text);

}  // namespace steward::plugin_common

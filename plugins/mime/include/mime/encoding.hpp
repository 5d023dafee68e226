// mime/encoding.hpp: the byte-level encodings MIME needs (RFC 2045, 2047, 2231).
//
// All functions are pure and work on UTF-8 std::strings; none throws. Output lines end in CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace steward::mime {

// Base64 (RFC 4648) in lines of at most 76 characters joined by CRLF (line_length 0 = one line).
std::string base64_encode(std::string_view bytes, std::size_t line_length = 76);
// Decodes base64, ignoring whitespace and line breaks; stops at the first '=' or invalid char.
std::string base64_decode(std::string_view text);

// Quoted-printable (RFC 2045 6.7): LF or CRLF line ends become CRLF, lines are soft-wrapped at
// 76 characters, '=' and bytes outside printable ASCII are =XX, trailing blanks are encoded.
std::string quoted_printable_encode(std::string_view text);
std::string quoted_printable_decode(std::string_view text);

// True when every byte is printable ASCII (0x20..0x7E) or a tab.
bool is_printable_ascii(std::string_view text);

// Splits UTF-8 text into pieces of at most max_bytes bytes without cutting a character.
std::vector<std::string> split_utf8(std::string_view text, std::size_t max_bytes);

// RFC 2047 "B" encoded-words (=?UTF-8?B?...?=), each at most 75 characters. The first word is
// shortened so that it fits after `first_line_used` characters already on its line.
std::vector<std::string> encoded_words(std::string_view text, std::size_t first_line_used = 0);
// Decodes every encoded-word (B or Q, any charset label; the bytes are kept as they are) in an
// unstructured header value; white space between two adjacent encoded-words is dropped.
std::string decode_encoded_words(std::string_view value);

// RFC 2231 extended parameter value: "UTF-8''" followed by percent-encoded bytes.
std::string rfc2231_percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);

}  // namespace steward::mime

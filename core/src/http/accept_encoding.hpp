// Which content codings a request's Accept-Encoding header allows (RFC 9110 section 12.5.3):
// "gzip, br;q=0.9, *;q=0" and the like. Used by StaticFiles to send a file's precompressed
// .br or .gz sibling. Pure function, thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace steward::http {

// Whether `coding` ("gzip", "br") is acceptable: named with q > 0, or not named and "*" with
// q > 0. No header means only the identity coding (nothing compressed is sent).
bool accepts_encoding(const std::optional<std::string>& header, std::string_view coding);

}  // namespace steward::http

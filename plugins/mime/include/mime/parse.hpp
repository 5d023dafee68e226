// mime/parse.hpp: a small reader for messages this library (or a mail server) wrote, for tests
// and for showing an outbox. Not a general-purpose MIME parser: it handles what compose() emits
// (multipart/*, quoted-printable, base64, RFC 2047 words, RFC 2231 file names).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace steward::mime {

struct Part {
  std::vector<std::pair<std::string, std::string>> headers;  // unfolded, still encoded
  std::string content_type;  // lower-case "type/subtype" ("text/plain" when absent)
  std::string body;          // decoded bytes (transfer encoding undone)
  std::vector<Part> parts;   // for multipart/*

  // The first header of that name (case-insensitive), unfolded, encoded-words decoded; "" if none.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // A parameter of a structured header (e.g. "boundary" of Content-Type, "filename" of
  // Content-Disposition), RFC 2231 continuations and UTF-8'' values decoded.
  std::string parameter(std::string_view header_name, std::string_view parameter) const;
  // Depth-first: the first part (this one included) whose content type is `type`, or nullptr.
  const Part* find(std::string_view type) const;
};

Part parse(std::string_view message);

}  // namespace steward::mime

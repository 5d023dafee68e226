// mime/headers.hpp: checked, encoded header fields (RFC 5322, RFC 2047).
//
// Header injection is impossible by construction: every name, value, address and display name
// passes a check that refuses CR, LF and NUL (and, for addresses and names, anything else that
// could break the field) before it is written. Errors are Status::invalid_field naming the
// message field at fault ("to[1]", "from", "headers[0].value", "attachments[2].file_name").
#pragma once

#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::mime {

struct Mailbox {
  std::string display_name;  // UTF-8, may be empty
  std::string address;       // local@domain, ASCII
};

// Refuses CR, LF and NUL anywhere in value.
Status check_no_line_breaks(const std::string& field, std::string_view value);
// An addr-spec: ASCII, exactly one '@' with text either side, no blanks, controls, or any of
// <>()[],;:\" .
Status check_address(const std::string& field, std::string_view address);
// A header field name: printable ASCII without ':' or blanks, not empty.
Status check_header_name(const std::string& field, std::string_view name);

// "Name <addr>", "\"Name\" <addr>", "<addr>" or a bare "addr".
Result<Mailbox> parse_mailbox(const std::string& field, std::string_view text);

// The mailbox as it goes on the wire: the display name raw when it is plain ASCII words, a
// quoted-string when it has specials, encoded-words when it is not ASCII. `line_used` is how many
// characters already precede it on the line (used to keep lines at most 76 long).
std::string format_mailbox(const Mailbox& mailbox, std::size_t line_used);

// "Name: value" for an unstructured field (Subject, extra headers), with encoded-words when the
// value is not printable ASCII, folded with CRLF + space so that no line passes 78 characters
// where it can be avoided. No trailing CRLF.
std::string unstructured_field(std::string_view name, std::string_view value);

}  // namespace steward::mime

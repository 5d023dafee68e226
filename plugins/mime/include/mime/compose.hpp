// mime/compose.hpp: sdk::MailMessage -> the bytes of one RFC 5322 message with MIME parts.
//
// Structure: text only -> one text/plain part; text + HTML -> multipart/alternative; with
// attachments -> multipart/mixed holding the body (or the alternative) and one base64 part per
// attachment (file name as RFC 2231 UTF-8 filename* and, for older readers, an RFC 2047 name).
// Bodies are UTF-8 in quoted-printable. From/To display names and the Subject are RFC 2047
// encoded-words when not ASCII, folded to keep lines short. Date, Message-ID and MIME-Version are
// always present. Lines end in CRLF.
//
// Extra headers (message.headers) are written after the standard ones. "Message-ID" and "Date"
// among them replace the generated ones (the engine sets a stable Message-ID so a resent message
// keeps its identity); the structural fields (From, To, Cc, Bcc, Subject, MIME-Version,
// Content-*) are refused.
//
// Errors (nothing composed): Status::invalid_field naming the field, for a CR/LF/NUL anywhere in
// a header, address, name, subject or file name, a malformed address, no recipient, or a
// reserved extra header.
#pragma once

#include <string>

#include "steward/sdk/mailer.hpp"
#include "steward/sdk/result.hpp"

namespace steward::mime {

struct ComposeOptions {
  std::string date;        // RFC 5322 date; empty = now
  std::string message_id;  // "<...@...>"; empty = generated (unless the headers carry one)
};

struct Composed {
  std::string message_id;         // "<...@...>" as written
  std::string envelope_from;      // the From address (for SMTP MAIL FROM)
  std::vector<std::string> rcpt;  // the To addresses, bare (for SMTP RCPT TO)
  std::string bytes;              // the whole message, CRLF line ends
};

Result<Composed> compose(const sdk::MailMessage& message, const ComposeOptions& options = {});

// "Sun, 29 Nov 2026 08:48:52 +0000" for the given Unix time.
std::string rfc5322_date(long long unix_seconds);
// "<32 hex digits@domain>"
std::string make_message_id(const std::string& domain);

}  // namespace steward::mime

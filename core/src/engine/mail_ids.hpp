// Small helpers every sender needs: a fresh Message-ID in the sender's domain, a display name
// made safe for a header, and the lines of an address. Thread-safe.
#pragma once

#include <string>
#include <vector>

namespace steward::engine {

// "<kind.id.epoch.random@domain-of-from>", e.g. "<appeal.12.1764400000.9f...@example.org>".
std::string new_message_id(const std::string& kind, long long id, const std::string& from);
// Line breaks become spaces (names come from donor records; the MIME layer refuses them too).
std::string one_line(std::string s);
// The non-empty lines of a multi-line setting or paragraph (an address), trailing CR and spaces
// removed: "PO Box 1\r\n\nLA " -> {"PO Box 1", "LA"}.
std::vector<std::string> text_lines(const std::string& text);

}  // namespace steward::engine

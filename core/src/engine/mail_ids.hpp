// Small helpers every sender needs: a fresh Message-ID in the sender's domain, and a display
// name made safe for a header. Thread-safe.
#pragma once

#include <string>

namespace steward::engine {

// "<kind.id.epoch.random@domain-of-from>", e.g. "<appeal.12.1764400000.9f...@example.org>".
std::string new_message_id(const std::string& kind, long long id, const std::string& from);
// Line breaks become spaces (names come from donor records; the MIME layer refuses them too).
std::string one_line(std::string s);

}  // namespace steward::engine

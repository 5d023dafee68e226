// LIKE patterns from user text: '%', '_' and the escape character in what a person typed match
// themselves ("100%" finds "100%", not "1000"). Use with the kLikeEscape clause:
//   "lower(name) LIKE :pattern " + std::string(kLikeEscape)
#pragma once

#include <string>
#include <string_view>

namespace steward::store {

// The ESCAPE clause matching escape_like (backslash), the same on SQLite and PostgreSQL.
inline constexpr std::string_view kLikeEscape = "ESCAPE '\\'";

// `text` with \, % and _ escaped by a backslash.
std::string escape_like(std::string_view text);
// "%<escaped text>%": rows containing `text` anywhere.
std::string contains_pattern(std::string_view text);
// ASCII lower case (Hangul and other scripts are unchanged); pair with lower(column).
std::string ascii_lower(std::string_view text);

}  // namespace steward::store

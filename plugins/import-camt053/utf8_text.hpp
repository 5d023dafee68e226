// utf8_text.hpp: ensure_utf8() keeps valid UTF-8 and reads anything else as Windows-1252
// (a statement exported as Latin-1 despite ISO 20022's UTF-8 rule), so records are UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace steward::plugins::camt053 {

bool valid_utf8(std::string_view text);
std::string ensure_utf8(std::string_view text);

}  // namespace steward::plugins::camt053

// The hostile text the injection suites (api_injection_test.cpp for POSTs,
// api_injection_updates_test.cpp for PUTs) send through every text field.
#pragma once

#include <string>
#include <vector>

namespace steward::testing::injection {

// SQL and script injection, Hangul, and LIKE wildcards: stored and returned verbatim.
inline const std::vector<std::string> kHostile = {
    "'; DROP TABLE constituents; --",
    "' OR '1'='1",
    "Robert'); DELETE FROM gifts WHERE ('1'='1",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "김영희 후원자",
    "%_\\ 100% \\x00",
};
// Control characters: always refused with a 422 naming the field.
inline const std::vector<std::string> kControl = {
    std::string("bell\x07"), std::string("esc\x1b[31m"), std::string("nul\0x", 5)};

// How a field treats the hostile strings above.
enum class Kind {
  kFreeText,  // must be stored and returned verbatim
  kFormat,    // verbatim, or 422 naming the field (an email address, a code, a type)
};

}  // namespace steward::testing::injection
